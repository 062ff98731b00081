// Builds the production bundle into .next-bench (never the e2e build's .next) and serves it with
// `next start` on the benchmark's database, with the clock moved to the bench's fixed day.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SERVER_NODE_OPTIONS from '../scripts/server-node-options.json';

export const ROOT = path.resolve(import.meta.dirname, '..');
// BENCH_DIST_DIR lets two people measure in one tree without sharing a build.
export const DIST_DIR = process.env.BENCH_DIST_DIR || '.next-bench';

const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'domain', 'content', 'messages', 'public'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds when the bench build is missing or older than any source file; returns the seconds spent (0 = reused). */
export function ensureBenchBuild(log: (line: string) => void, force = false): number {
  const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(ROOT, p))));
  if (!force && built > sources) return 0;
  log(`building the production bundle into ${DIST_DIR} (next build)…`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  return Math.round((performance.now() - started) / 1000);
}

/** A port nothing listens on (another checkout's server may hold the usual ones). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export type BenchServer = { url: string; process: ChildProcess; stderr: () => string; stop: () => Promise<void> };

/**
 * Starts `next start` on the database file. `clockAt` is the instant the server's clock should read
 * now (bench/fixed-clock.mjs shifts Date by the difference).
 */
export async function startServer(params: {
  port: number;
  databasePath: string;
  clockAt: number;
  /** Node flags for the server process, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeOptions?: string[];
}): Promise<BenchServer> {
  const { port } = params;
  // Answering requests on a port someone else's server holds would measure the wrong app.
  if (await portInUse(port)) throw new Error(`port ${port} is already in use`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: params.databasePath,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    BENCH_FLOOR: '1',
    BENCH_CLOCK_OFFSET_MS: String(params.clockAt - Date.now()),
    // The same Node flags `npm start` gives the server (scripts/lib.mjs).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, ...SERVER_NODE_OPTIONS, `--import=${path.join(ROOT, 'bench/fixed-clock.mjs')}`].filter(Boolean).join(' '),
  };
  const args = [...(params.nodeOptions ?? []), path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${stdout}\n${stderr}`);
    try {
      const response = await fetch(`${url}/login`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
