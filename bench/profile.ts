// `npx tsx bench/profile.ts --page today [--size small] [--seconds 10]`: serves the bench database
// with `node --cpu-prof`, loads one key page at 20 connections, and lists where the server's CPU
// went (self time by function, and by package). The .cpuprofile is kept for Chrome DevTools.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_TODAY, CONNECTIONS, parseSize, TARGETS } from './config';
import { cachedDatabase, createWriteTargets, keyPages, log, runCopy, signInScenario } from './harness';
import { runLoad } from './load';
import { buildScenario } from './scenarios';
import { ensureBenchBuild, findFreePort, ROOT, startServer } from './server';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Wall-clock bounds (ms) of the measurement and the wall time the profiled process started at. */
export type Window = { from: number; to: number; processStart: number };

function area(url: string): string {
  if (!url) return '(native / V8)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node';
  const chunk = url.match(/\.next-bench\/server\/chunks\/(?:ssr\/)?(.*)$/);
  if (chunk) return `app bundle (${chunk[1]!.replace(/\._\.js$|\.js$/, '')})`;
  return url.replace(`file://${ROOT}/`, '');
}

const maps = new Map<string, SourceMap | null>();

/** The frame's original source file and line (the bundles and Next's runtime are minified, with source maps). */
function original(frame: CallFrame): { source: string; line: number } | null {
  if (!frame.url.startsWith('file://')) return null;
  const file = fileURLToPath(frame.url);
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (!entry?.originalSource) return null;
  const source = entry.originalSource
    .replace(/^turbopack:\/\/\/\[project\]\//, '')
    .replace(/^.*node_modules\//, 'node_modules/')
    .replace(/^webpack:\/\/.*?\//, '');
  return { source, line: (entry.originalLine ?? 0) + 1 };
}

export function summarise(file: string, top = 30, window?: Window): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // Only the measured load counts, not start-up, sign-ins or the warm-up: sample times are relative
  // to the profile's start, which is the process's start give or take a few milliseconds.
  let elapsedMicros = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedMicros += delta;
    const wall = (window?.processStart ?? 0) + elapsedMicros / 1000;
    if (window && (wall < window.from || wall > window.to)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const bySource = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const mapped = original(frame);
    const where = mapped ? `${mapped.source}:${mapped.line}` : `${area(frame.url)}:${frame.lineNumber + 1}`;
    const name = `${frame.functionName || '(anonymous)'}  ${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const key = frame.functionName === '(idle)' ? '(idle)' : area(frame.url);
    byArea.set(key, (byArea.get(key) ?? 0) + micros);
    const source = mapped?.source ?? (frame.functionName.startsWith('(') ? frame.functionName : area(frame.url));
    bySource.set(source, (bySource.get(source) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = ['self time by package / file:'];
  for (const [name, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(micros)}  ${name}`);
  lines.push('', 'self time by source file:');
  for (const [name, micros] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(micros)}  ${name}`);
  lines.push('', 'self time by function:');
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(micros)}  ${name}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { page: { type: 'string' }, size: { type: 'string' }, seconds: { type: 'string' }, top: { type: 'string' }, summarise: { type: 'string' } },
  });
  if (values.summarise) {
    const windowFile = `${values.summarise}.window.json`;
    const saved = fs.existsSync(windowFile) ? (JSON.parse(fs.readFileSync(windowFile, 'utf8')) as Window) : undefined;
    console.log(summarise(values.summarise, Number(values.top ?? 30), saved));
    return;
  }
  const size = parseSize(values.size ?? 'small');
  const { file } = await cachedDatabase(size);
  ensureBenchBuild(log);
  const runDb = runCopy(file, size);
  const scenario = buildScenario(runDb, BENCH_TODAY);
  const dir = path.join(ROOT, 'bench', '.cache', 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const processStart = Date.now();
  const server = await startServer({
    port: await findFreePort(),
    databasePath: runDb,
    clockAt: Date.parse(`${BENCH_TODAY}T02:00:00Z`),
    nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${values.page ?? 'page'}-${process.pid}.cpuprofile`],
  });
  const window: Window = { from: 0, to: 0, processStart };
  try {
    const writes = values.page === 'writes';
    const reviewTasks = writes ? scenario.reviewWrites.slice(0, 2000) : [];
    const sessions = await signInScenario(server, scenario, reviewTasks);
    const page = writes
      ? { label: 'writes (recordings and reviews, as fast as they go)', next: createWriteTargets({ baseUrl: server.url, scenario, reviewTasks, cookie: sessions.cookie }).next }
      : keyPages(scenario, sessions).find((p) => p.key === (values.page ?? 'today'));
    if (!page) throw new Error(`--page must be one of floor, today, timeline, mentor, review, lead-cohort, lead, lesson, writes`);
    await runLoad({ url: server.url, connections: CONNECTIONS, seconds: 3, next: page.next });
    window.from = Date.now();
    const result = await runLoad({ url: server.url, connections: CONNECTIONS, seconds: Number(values.seconds ?? 10), next: page.next });
    window.to = Date.now();
    log(`${page.label}: ${result.rps} req/s, p95 ${result.p95} ms (target p95 ${TARGETS.pageP95Ms} ms)`);
  } finally {
    await server.stop();
  }
  const written = path.join(dir, `${values.page ?? 'page'}-${process.pid}.cpuprofile`);
  if (!fs.existsSync(written)) throw new Error(`no profile written at ${written}`);
  fs.writeFileSync(`${written}.window.json`, JSON.stringify(window));
  console.log(`\n${summarise(written, Number(values.top ?? 30), window)}\n\nprofile: ${path.relative(ROOT, written)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
