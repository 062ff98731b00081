// A second `next start` of the same production build, on its own freshly seeded database.
// The shared e2e server's database is written by the other spec files running alongside; the
// attack tests need a database nobody else touches, so that "nothing changed" can be checked
// table by table after every forged request.
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './inventory';

export type PrivateServer = {
  baseURL: string;
  dbPath: string;
  /** A short-lived writable connection for test setup (inserting users of another organisation, disabling one). */
  write<T>(fn: (db: Database.Database) => T): T;
  /** A read-only connection for lookups and snapshots. */
  read: Database.Database;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`private server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`private server did not answer ${url} within 60 s:\n${output()}`);
}

export async function startPrivateServer(): Promise<PrivateServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-attack-'));
  const dbPath = path.join(dir, 'attack.db');
  const env = { ...process.env, DATABASE_PATH: dbPath, NEXT_TELEMETRY_DISABLED: '1' };
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  // The same seed the shared server got (SEED_TODAY/APP_TODAY come from scripts/e2e.mjs when today is not a working day).
  execFileSync(tsx, ['db/migrate.ts'], { cwd: ROOT, env, stdio: 'pipe' });
  execFileSync(tsx, ['db/seed.ts'], { cwd: ROOT, env, stdio: 'pipe' });

  const port = await freePort();
  const next = path.join(ROOT, 'node_modules', '.bin', 'next');
  let log = '';
  // A long keep-alive: with Node's 5 s default, a socket the client reuses just as the server closes
  // it fails the request with ECONNRESET — a race of the test harness, not of the app.
  const child = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1', '--keepAliveTimeout', '600000'], {
    cwd: ROOT,
    env: { ...env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '', APP_TODAY: process.env.APP_TODAY ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends the server and nothing else.
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseURL}/login`, child, () => log);

  const read = new Database(dbPath, { readonly: true, fileMustExist: true });
  return {
    baseURL,
    dbPath,
    read,
    write(fn) {
      const db = new Database(dbPath, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    output: () => log,
    async stop() {
      read.close();
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
