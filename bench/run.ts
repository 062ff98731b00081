// `npm run bench [-- --size small|default|large]`: generates (or reuses) a call-center-sized
// database, builds and serves the production app on it, loads the key pages as signed-in users of
// the right roles next to a bare page of ours (the framework's floor, measured again before every
// page so background load on a shared machine shows in both), mixes real server-action writes with
// reads at a fixed rate, and checks every figure against its target. Exits non-zero when one is
// missed. `npm run bench -- seed --size small` writes the generated data to DATABASE_PATH instead,
// to look at the dashboards with realistic volume.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/client';
import { todayInTimeZone } from '@/domain/dates';
import { BENCH_TODAY, CONNECTIONS, MIXED_READS_PER_SECOND, parseSize, SIZES, TARGETS } from './config';
import { generateBenchDatabase } from './data/generate';
import { measureFirstLoadJs, measureHtmlScripts } from './first-load-js';
import { cachedDatabase, createWriteTargets, cycle, keyPages, log, runCopy, signInScenario, type PageSpec } from './harness';
import { runArrivals, runLoad, type LoadResult, type Target } from './load';
import {
  formatPageTable,
  judgeFirstLoadJs,
  judgePage,
  judgeWrites,
  writeResults,
  type PageMeasurement,
  type WriteMeasurement,
} from './report';
import { buildScenario, countWrittenRows, type ReviewTask, type Scenario } from './scenarios';
import { DIST_DIR, ensureBenchBuild, findFreePort, ROOT, startServer, type BenchServer } from './server';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    size: { type: 'string' },
    port: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    only: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

const size = parseSize(values.size);
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedCommand(): Promise<void> {
  const file = databasePath();
  if (fs.existsSync(file) && fs.statSync(file).size > 0 && !values.force) {
    console.error(`✗ ${file} exists; the generated data replaces the whole database: pass --force to overwrite it`);
    process.exit(1);
  }
  // Someone is going to look at it today, so the data is laid out as of the organisation's real today.
  const today = process.env.SEED_TODAY ?? todayInTimeZone(Date.now(), 'Asia/Shanghai');
  log(`writing the ${size} generated data to ${file} as of ${today}…`);
  const summary = await generateBenchDatabase({ file, size, today, log });
  log(`${summary.totalRows.toLocaleString('en')} rows in ${summary.seconds} s`);
  log('sign in as lead, qa, mentor1…, trainee1… with the password demo-pass-2026');
}

async function timeOne(server: BenchServer, target: Target): Promise<number> {
  const started = performance.now();
  const response = await fetch(server.url + target.path, { headers: { cookie: target.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${target.path}: HTTP ${response.status}`);
  return performance.now() - started;
}

/** Waits until the floor page answers quickly again: requests left over from a slow phase are done. */
async function settle(server: BenchServer, cookie: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if ((await timeOne(server, { path: '/bench-floor', cookie })) < 150) return;
    await sleep(500);
  }
}

async function load(server: BenchServer, spec: PageSpec, seconds: number): Promise<LoadResult> {
  return runLoad({ url: server.url, connections: CONNECTIONS, seconds, next: spec.next, pids: [server.process.pid!] });
}

async function measurePage(server: BenchServer, spec: PageSpec, seconds: number, lead: string): Promise<PageMeasurement> {
  const singleMs: number[] = [];
  for (let i = 0; i < 3; i++) singleMs.push(Math.round(await timeOne(server, spec.next())));
  const median = [...singleMs].sort((a, b) => a - b)[1]!;
  // Twenty connections on a page that takes seconds would only queue minutes of work past the run.
  if (median > 1500) {
    log(`${spec.label}: ${median} ms for one request: not loaded`);
    return { key: spec.key, label: spec.label, kind: spec.kind, singleMs, result: null, skipped: `one request takes ${median} ms` };
  }
  const result = await load(server, spec, seconds);
  await settle(server, lead);
  log(`${spec.label}: ${result.rps} req/s, p95 ${result.p95} ms, ${result.errors} errors, server CPU ${result.cpuMsPerRequest} ms/request (machine ${result.cpu.machinePercent}%, others ${result.cpu.othersPercent}%)`);
  return { key: spec.key, label: spec.label, kind: spec.kind, singleMs, result };
}

async function measureWrites(params: {
  server: BenchServer;
  scenario: Scenario;
  reviewTasks: ReviewTask[];
  cookie: (username: string) => string;
  readPages: PageSpec[];
  seconds: number;
  runDb: string;
}): Promise<WriteMeasurement> {
  const { server, scenario, cookie, seconds, runDb } = params;
  const writeTargets = createWriteTargets({ baseUrl: server.url, scenario, reviewTasks: params.reviewTasks, cookie });
  const { attempted, acknowledged } = writeTargets;
  const nextWrite = writeTargets.next;
  const nextRead = cycle(params.readPages.map((p) => p.next));

  const before = countWrittenRows(runDb);
  const stderrBefore = server.stderr().length;
  log(`mixed: ${TARGETS.writesPerSecond} writes/s (recordings + reviews) and ${MIXED_READS_PER_SECOND} page reads/s for ${seconds} s…`);
  const pids = [server.process.pid!];
  const [writes, reads] = await Promise.all([
    runArrivals({ url: server.url, seconds, rate: TARGETS.writesPerSecond, next: nextWrite, pids, seed: 'writes' }),
    runArrivals({ url: server.url, seconds, rate: MIXED_READS_PER_SECOND, next: () => nextRead()(), pids, seed: 'reads' }),
  ]);
  // Let the last in-flight writes finish before counting rows.
  await sleep(1000);
  const after = countWrittenRows(runDb);
  const serverLog = server.stderr().slice(stderrBefore);
  const fivexx = (r: LoadResult) => Object.entries(r.statusCodes).reduce((sum, [code, count]) => sum + (code.startsWith('5') ? count : 0), 0);
  const measurement: WriteMeasurement = {
    writes,
    reads,
    attempted,
    acknowledged,
    landed: { recordings: after.recordings - before.recordings, reviews: after.mentorReviews - before.mentorReviews },
    sqliteBusy: (serverLog.match(/SQLITE_BUSY/g) ?? []).length,
    serverErrors: fivexx(writes) + fivexx(reads),
  };
  log(`writes: ${writes.rps}/s, p99 ${writes.p99} ms; landed ${measurement.landed.recordings} recordings and ${measurement.landed.reviews} reviews`);
  return measurement;
}

async function main(): Promise<void> {
  if (positionals[0] === 'seed') return seedCommand();
  const spec = SIZES[size];
  const startedAt = performance.now();
  const { file: cached, summary } = await cachedDatabase(size, values.regenerate);
  const buildSeconds = ensureBenchBuild(log, values.rebuild);
  const distDir = path.join(ROOT, DIST_DIR);
  const runDb = runCopy(cached, size);
  const scenario = buildScenario(runDb, BENCH_TODAY);
  const port = values.port ? Number(values.port) : await findFreePort();
  log(`starting next start on :${port} (organisation day ${BENCH_TODAY})…`);
  const server = await startServer({ port, databasePath: runDb, clockAt: Date.parse(`${BENCH_TODAY}T02:00:00Z`) });
  const pages: PageMeasurement[] = [];
  const served: { key: string; htmlKb: number; scripts: { files: number; kb: number } }[] = [];
  let writes: WriteMeasurement | null = null;
  try {
    const reviewTasks = scenario.reviewWrites.slice(0, Math.ceil((TARGETS.writesPerSecond * spec.mixedSeconds) / 2) + 50);
    const sessions = await signInScenario(server, scenario, reviewTasks);
    const specs = keyPages(scenario, sessions);
    const floor = specs.find((s) => s.kind === 'floor')!;
    const only = values.only?.split(',');
    const measured = specs.filter((s) => s.kind !== 'floor' && (!only || only.includes(s.key)));

    // Every page once and a short burst, so no measurement pays for the server's first requests (JIT, module loading).
    log('warming up…');
    for (const page of [floor, ...measured]) {
      for (let i = 0; i < 3; i++) await timeOne(server, page.next());
      if (page.key !== 'lead') await load(server, page, 2);
      await settle(server, sessions.lead);
    }
    for (const page of measured) {
      pages.push(await measurePage(server, { ...floor, key: `floor-before-${page.key}`, label: `floor (before ${page.key})` }, spec.pageSeconds, sessions.lead));
      pages.push(await measurePage(server, page, spec.pageSeconds, sessions.lead));
    }
    // What the browser really loads for each key page: its HTML's scripts, and the HTML's own size.
    for (const page of specs) {
      const target = page.next();
      const response = await fetch(server.url + target.path, { headers: { cookie: target.cookie } });
      const html = await response.text();
      served.push({ key: page.key, htmlKb: Math.round((Buffer.byteLength(html) / 1024) * 10) / 10, scripts: measureHtmlScripts(distDir, html) });
    }
    if (!only || only.includes('writes')) {
      writes = await measureWrites({
        server,
        scenario,
        reviewTasks,
        cookie: sessions.cookie,
        readPages: specs.filter((s) => ['today', 'timeline', 'mentor', 'review'].includes(s.key)),
        seconds: spec.mixedSeconds,
        runDb,
      });
    }
  } finally {
    await server.stop();
  }

  // Each page is compared with the floor measured just before it, under the same background load.
  const floors = pages.filter((p) => p.kind === 'floor' && p.result).map((p) => p.result!.rps).sort((a, b) => a - b);
  const floorRps = floors.length ? floors[Math.floor(floors.length / 2)]! : 0;
  pages.forEach((page, i) => {
    const before = pages[i - 1];
    page.verdict = judgePage(page, before?.kind === 'floor' && before.result ? before.result.rps : floorRps);
  });
  if (writes) writes.verdict = judgeWrites(writes, TARGETS.writesPerSecond);
  const firstLoadJs = measureFirstLoadJs(distDir);
  const jsVerdict = judgeFirstLoadJs(firstLoadJs);

  console.log(
    `\nBenchmark, ${size}: ${spec.trainees} trainees, ${summary.totalRows.toLocaleString('en')} rows; ${CONNECTIONS} connections, ${spec.pageSeconds} s per page; floor median ${floorRps} req/s; × floor = the floor measured just before\n`,
  );
  console.log(formatPageTable(pages, writes));
  console.log('\nFirst-load JS (gzip), largest routes:');
  for (const route of firstLoadJs.slice(0, 6)) console.log(`  ${route.kb.toFixed(1).padStart(6)} kB  ${route.route}`);
  const keyRoutes = ['/bench-floor', '/today', '/trainees/[id]', '/mentor', '/trainees/[id]/calls/[day]/[callId]/review', '/lead', '/classroom/[moduleId]/[lessonId]'];
  console.log(`  key routes: ${keyRoutes.map((r) => `${r} ${firstLoadJs.find((x) => x.route === r)?.kb ?? '?'} kB`).join(', ')}`);
  console.log(`  as served (HTML size; its scripts, gzip): ${served.map((s) => `${s.key} ${s.htmlKb} kB; ${s.scripts.kb} kB`).join(' · ')}`);

  const failures = [
    ...pages.flatMap((p) => (p.verdict?.ok === false ? p.verdict.failures.map((f) => `${p.label}: ${f}`) : [])),
    ...(writes?.verdict?.ok === false ? writes.verdict.failures.map((f) => `writes: ${f}`) : []),
    ...jsVerdict.failures.map((f) => `first-load JS: ${f}`),
  ];
  const result = {
    date: new Date().toISOString(),
    size,
    benchToday: BENCH_TODAY,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    data: summary,
    buildSeconds,
    connections: CONNECTIONS,
    secondsPerPage: spec.pageSeconds,
    targets: TARGETS,
    floorRps,
    pages,
    writes,
    firstLoadJs,
    served,
    failures,
    passed: failures.length === 0,
    totalSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  const written = writeResults(RESULTS_DIR, `${result.date.slice(0, 10)}-${size}`, result);
  console.log(`\n${failures.length === 0 ? '✓ every target met' : `✗ ${failures.length} target(s) missed:\n  - ${failures.join('\n  - ')}`}`);
  console.log(`results: ${path.relative(ROOT, written)} (${result.totalSeconds} s)`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
