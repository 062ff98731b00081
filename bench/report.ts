// The benchmark's verdict: each measurement against its target, as a table on the terminal and as
// JSON under bench/results/ (written through a .tmp file, so a crashed run leaves no half file).
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS } from './config';
import type { RouteJs } from './first-load-js';
import type { LoadResult } from './load';

export type PageKind = 'floor' | 'dynamic' | 'static';

export type PageMeasurement = {
  key: string;
  label: string;
  kind: PageKind;
  /** Sequential single requests before the load, ms (the median decides whether loading makes sense). */
  singleMs: number[];
  result: LoadResult | null;
  /** Why the page wasn't loaded (too slow for 20 connections to finish in time). */
  skipped?: string;
  ratio?: number;
  verdict?: Verdict;
};

export type WriteMeasurement = {
  writes: LoadResult;
  reads: LoadResult;
  attempted: { recordings: number; reviews: number };
  acknowledged: { recordings: number; reviews: number };
  landed: { recordings: number; reviews: number };
  sqliteBusy: number;
  serverErrors: number;
  verdict?: Verdict;
};

export type Verdict = { ok: boolean; failures: string[] };

export function judgePage(page: PageMeasurement, floorRps: number): Verdict {
  const failures: string[] = [];
  if (page.kind === 'floor') return { ok: true, failures };
  if (!page.result) return { ok: false, failures: [page.skipped ?? 'not measured'] };
  const r = page.result;
  const ratio = floorRps > 0 ? r.rps / floorRps : 0;
  page.ratio = Math.round(ratio * 100) / 100;
  if (r.errors > 0) failures.push(`${r.errors} error responses`);
  if (page.kind === 'static') {
    if (ratio < TARGETS.staticRatioOfFloor) failures.push(`${page.ratio}× the floor < ${TARGETS.staticRatioOfFloor}×`);
  } else {
    if (ratio < TARGETS.pageRatioOfFloor) failures.push(`${page.ratio}× the floor < ${TARGETS.pageRatioOfFloor}×`);
    if (r.p95 > TARGETS.pageP95Ms) failures.push(`p95 ${r.p95} ms > ${TARGETS.pageP95Ms} ms`);
  }
  return { ok: failures.length === 0, failures };
}

export function judgeWrites(w: WriteMeasurement, rate: number): Verdict {
  const failures: string[] = [];
  if (w.writes.rps < rate * 0.95) failures.push(`${w.writes.rps} writes/s < ${rate}`);
  if (w.writes.p99 > TARGETS.writeP99Ms) failures.push(`write p99 ${w.writes.p99} ms > ${TARGETS.writeP99Ms} ms`);
  if (w.sqliteBusy > 0) failures.push(`${w.sqliteBusy} SQLITE_BUSY`);
  if (w.serverErrors > 0) failures.push(`${w.serverErrors} 5xx`);
  if (w.writes.errors > 0) failures.push(`${w.writes.errors} failed writes`);
  if (w.reads.errors > 0) failures.push(`${w.reads.errors} failed reads alongside`);
  // Every acknowledged write is in the database, and nothing more than was sent (a write whose
  // answer the run's end cut off may have landed without being acknowledged).
  for (const kind of ['recordings', 'reviews'] as const) {
    if (w.landed[kind] < w.acknowledged[kind] || w.landed[kind] > w.attempted[kind]) {
      failures.push(`${kind}: ${w.landed[kind]} rows landed for ${w.acknowledged[kind]} acknowledged of ${w.attempted[kind]} sent`);
    }
  }
  return { ok: failures.length === 0, failures };
}

export function judgeFirstLoadJs(routes: readonly RouteJs[]): Verdict {
  const over = routes.filter((r) => r.kb > TARGETS.firstLoadJsKb);
  return { ok: over.length === 0, failures: over.map((r) => `${r.route} ${r.kb} kB > ${TARGETS.firstLoadJsKb} kB`) };
}

function pad(value: string | number, width: number, right = false): string {
  const text = String(value);
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatPageTable(pages: readonly PageMeasurement[], w: WriteMeasurement | null): string {
  // cpu ms: the server's CPU time per request — the cost of a page whatever else the machine was doing.
  const header = ['page', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'cpu ms', '× floor', 'target'];
  const widths = [44, 8, 8, 8, 8, 7, 7, 8, 6];
  const lines = [header.map((h, i) => pad(h, widths[i]!, i > 0)).join(' ')];
  for (const page of pages) {
    const r = page.result;
    const cells = r
      ? [page.label, r.rps, r.p50, r.p95, r.p99, r.errors, r.cpuMsPerRequest, page.kind === 'floor' ? '1.00' : (page.ratio ?? 0).toFixed(2), page.verdict?.ok === false ? 'MISS' : 'ok']
      : [page.label, '—', `${Math.round(page.singleMs.at(-1) ?? 0)}*`, '—', '—', '—', '—', '—', 'MISS'];
    lines.push(cells.map((c, i) => pad(c, widths[i]!, i > 0)).join(' '));
  }
  if (w) {
    const row = (label: string, r: LoadResult, ok: boolean | undefined) =>
      [label, r.rps, r.p50, r.p95, r.p99, r.errors, r.cpuMsPerRequest, '', ok === false ? 'MISS' : 'ok'].map((c, i) => pad(c, widths[i]!, i > 0)).join(' ');
    lines.push(row('writes: recording + review (server actions)', w.writes, w.verdict?.ok));
    lines.push(row('reads alongside the writes', w.reads, w.reads.errors === 0));
  }
  return lines.join('\n');
}

export function writeResults(dir: string, name: string, data: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}
