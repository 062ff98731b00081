// The change history as CSV, with the page's filters: for leads only (audit.read), others get 404.
// lib/csv.ts quotes cells and neutralises formulas, so a reason typed as "=cmd|…" stays text.
import type { NextRequest } from 'next/server';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import { can } from '@/lib/authz';
import { attachmentDisposition, writeCsv } from '@/lib/csv';
import { loadProgramContext, todayFor } from '@/lib/program';
import { getActor } from '@/lib/session';
import { describeEntries, EXPORT_LIMIT, parseHistoryQuery } from '../entries';

export async function GET(request: NextRequest): Promise<Response> {
  const actor = await getActor();
  if (!actor || !can(actor, 'audit.read', { kind: 'org', orgId: actor.orgId })) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const db = getDb();
  const sp = request.nextUrl.searchParams;
  const query = parseHistoryQuery({ trainee: sp.get('trainee') ?? undefined, kind: sp.get('kind') ?? undefined });
  const ctx = loadProgramContext(db, actor.orgId);
  const entries = listAuditEntries(db, { orgId: actor.orgId, traineeId: query.traineeId, kind: query.kind, limit: EXPORT_LIMIT, offset: 0 });
  const details = await describeEntries(entries);
  const t = await getTranslations('audit');
  const tPlan = await getTranslations('plan');
  // ISO-like local time: sorts as text and reads the same in every spreadsheet.
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: ctx.timeZone, dateStyle: 'short', timeStyle: 'medium' });
  const csv = writeCsv(
    [
      t('columns.recordedAt'),
      t('columns.effectiveDate'),
      t('columns.trainee'),
      t('columns.event'),
      t('columns.eventId'),
      t('columns.details'),
      t('columns.by'),
      t('columns.reason'),
    ],
    entries.map((e) => [
      local.format(new Date(e.createdAt)),
      e.effectiveDate,
      e.traineeName,
      tPlan.has(`events.${e.kind}`) ? tPlan(`events.${e.kind}`) : e.kind,
      e.id,
      details.get(e.id) ?? '',
      e.actorName ?? tPlan('history.system'),
      e.reason ?? '',
    ]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`history-${todayFor(ctx)}.csv`),
      'Cache-Control': 'private, no-store',
    },
  });
}
