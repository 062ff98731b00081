'use server';

import { defineAction } from '@/lib/action';
import { assertCanInOrg } from '@/lib/access';
import {
  decodeCsvBytes,
  importCalls,
  parseCallsCsv,
  planCallImport,
  type CallRowIssue,
  type CsvFatal,
} from '@/lib/calls-import';
import { loadProgramContext } from '@/lib/program';
import type { Db } from '@/db/client';
import { callsFileSchema } from './schema';

/** Rows shown before importing; the rest are counted. */
const PREVIEW_ROWS = 20;
/** Issues listed on the page; a file with more is better fixed at the source. */
const MAX_ISSUES = 200;

export type PreviewRow = {
  row: number;
  callId: string;
  traineeName: string;
  startedAt: number;
  day: string;
  durationSec: number;
  direction: 'inbound' | 'outbound';
  alreadyPresent: boolean;
};

export type ImportOutcome =
  | { status: 'fatal'; fatal: CsvFatal }
  | { status: 'invalid'; rowCount: number; issues: CallRowIssue[]; issueCount: number }
  | { status: 'ready'; rowCount: number; newCount: number; alreadyPresentCount: number; preview: PreviewRow[]; timeZone: string }
  | { status: 'imported'; imported: number; alreadyPresent: number };

async function readCsv(db: Db, orgId: number, file: Blob, nowMs: number) {
  const { timeZone } = loadProgramContext(db, orgId);
  const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  return { timeZone, parsed: parseCallsCsv(text, { timeZone, nowMs }) };
}

function invalid(rowCount: number, issues: CallRowIssue[]): ImportOutcome {
  return { status: 'invalid', rowCount, issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length };
}

const previewAction = defineAction(callsFileSchema, async ({ file }, { actor, db }): Promise<ImportOutcome> => {
  assertCanInOrg(actor, 'calls.import');
  const { timeZone, parsed } = await readCsv(db, actor.orgId, file, Date.now());
  if (parsed.fatal) return { status: 'fatal', fatal: parsed.fatal };
  if (parsed.issues.length > 0) return invalid(parsed.rowCount, parsed.issues);
  const plan = planCallImport(db, { orgId: actor.orgId, timeZone, rows: parsed.rows });
  if (!plan.ok) return invalid(parsed.rowCount, plan.issues);
  return {
    status: 'ready',
    rowCount: parsed.rowCount,
    newCount: plan.newCount,
    alreadyPresentCount: plan.alreadyPresentCount,
    timeZone,
    preview: plan.calls.slice(0, PREVIEW_ROWS).map((c) => ({
      row: c.row,
      callId: c.call.externalId,
      traineeName: c.traineeName,
      startedAt: c.call.startedAt,
      day: c.day,
      durationSec: c.call.durationSec,
      direction: c.call.direction,
      alreadyPresent: c.alreadyPresent,
    })),
  };
});

// The file is sent again and checked again: the preview proved nothing about what arrives now.
const importAction = defineAction(callsFileSchema, async ({ file }, { actor, db }): Promise<ImportOutcome> => {
  assertCanInOrg(actor, 'calls.import');
  const nowMs = Date.now();
  const { parsed } = await readCsv(db, actor.orgId, file, nowMs);
  if (parsed.fatal) return { status: 'fatal', fatal: parsed.fatal };
  if (parsed.issues.length > 0) return invalid(parsed.rowCount, parsed.issues);
  const result = importCalls(db, { orgId: actor.orgId, rows: parsed.rows, nowMs });
  if (!result.ok) return invalid(parsed.rowCount, result.issues);
  return { status: 'imported', imported: result.imported, alreadyPresent: result.alreadyPresent };
});

export async function previewCallsImportAction(input: { file: Blob }) {
  return previewAction(input);
}

export async function importCallsAction(input: { file: Blob }) {
  return importAction(input);
}
