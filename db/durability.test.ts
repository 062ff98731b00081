// Crash safety, backups and migrations, proved on real files (issue 9, "Durability").
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '@/domain/random';
import { backupDatabase } from './backup';
import { openDatabase } from './client';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrateDatabase, migrationsFolder } from './migrate';
import { organisations, programEvents, trainees, users } from './schema';

const KILLS = Number(process.env.CRASH_KILLS ?? 12);

function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-durability-')), name);
}

function prepareCrashDb(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  const org = db.insert(organisations).values({ name: 'Crash' }).returning().get();
  const user = db.insert(users).values({ orgId: org.id, username: 'crash', displayName: 'Crash', passwordHash: 'x' }).returning().get();
  const trainee = db
    .insert(trainees)
    .values({ orgId: org.id, userId: user.id, traineeClass: 'A', cohort: 'c', startDate: '2026-09-01' })
    .returning()
    .get();
  db.$client.close();
  return { orgId: org.id, traineeId: trainee.id };
}

function runWriterUntilKilled(file: string, ids: { orgId: number; traineeId: number }, start: number, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/test/crash-writer.ts', file, String(ids.orgId), String(ids.traineeId), String(start)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked.push(Number(match[1]));
        // The clock starts at the first commit, so every kill lands mid-stream, not during start-up.
        if (match && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('durability', () => {
  it(`every acknowledged write survives ${KILLS} SIGKILLs at random moments, and the file stays intact`, async () => {
    const file = tempFile('crash.db');
    const ids = prepareCrashDb(file);
    const rng = createRandom('crash-test');
    const acknowledged: number[] = [];
    let next = 1;
    for (let round = 0; round < KILLS; round++) {
      const acked = await runWriterUntilKilled(file, ids, next, 5 + Math.floor(rng() * 120));
      acknowledged.push(...acked);
      next = (acked.at(-1) ?? next - 1) + 1 + 1000; // a gap keeps each round's numbers apart
      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const keys = new Set(
        (db.prepare("select request_key from program_events where request_key like 'crash-%'").all() as { request_key: string }[]).map(
          (r) => r.request_key,
        ),
      );
      db.close();
      const lost = acked.filter((n) => !keys.has(`crash-${String(n).padStart(8, '0')}-record`));
      expect(lost, `acknowledged but missing after kill ${round + 1}`).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);
  }, 600_000);

  it('an online backup taken while writes continue restores with integrity and the rows it saw', async () => {
    const file = tempFile('live.db');
    const ids = prepareCrashDb(file);
    const writer = spawn(process.execPath, ['--import', 'tsx', 'db/test/crash-writer.ts', file, String(ids.orgId), String(ids.traineeId), '1'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
    const copy = tempFile('backup.db');
    const result = await backupDatabase(file, copy);
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    expect(result.integrity).toBe('ok');
    const restored = openDatabase(copy);
    const rows = restored.select().from(programEvents).all();
    expect(rows.length).toBeGreaterThan(0);
    // Every event in the copy is a complete, parseable row with its request key.
    expect(rows.every((r) => r.requestKey?.startsWith('crash-'))).toBe(true);
    expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.$client.close();
  }, 120_000);
});

describe('migrations', () => {
  type Journal = { entries: { idx: number; tag: string }[] };
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

  /** A migrations folder holding only the first `count` migrations. */
  function folderWithFirst(count: number): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-migrations-'));
    fs.mkdirSync(path.join(dir, 'meta'));
    const entries = journal.entries.slice(0, count);
    fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const entry of entries) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
    return dir;
  }

  function countRows(db: Database.Database): Record<string, number> {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) n from "${name}"`).get() as { n: number }).n]));
  }

  it('each migration, applied to a database full of demo data, loses no rows', async () => {
    const { seedDemoData } = await import('./seed');
    const full = tempFile('full.db');
    const fullDb = openDatabase(full);
    migrateDatabase(fullDb);
    await seedDemoData(fullDb, '2026-11-25');
    const expected = countRows(fullDb.$client);
    expect(expected.program_events).toBeGreaterThan(0);

    // The first migration creates the tables of an empty file: there is nothing it could lose.
    for (let k = 2; k <= journal.entries.length; k++) {
      // The database as it stood before migration k, filled with the demo data its columns can hold.
      const file = tempFile(`before-${k}.db`);
      const old = openDatabase(file);
      migrate(old, { migrationsFolder: folderWithFirst(k - 1) });
      old.$client.pragma('foreign_keys = OFF');
      old.$client.exec(`attach database '${full.replaceAll("'", "''")}' as src`);
      for (const table of Object.keys(expected)) {
        const columns = (old.$client.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`);
        if (columns.length === 0) continue;
        old.$client.exec(`insert into main."${table}" (${columns.join(',')}) select ${columns.join(',')} from src."${table}"`);
      }
      old.$client.exec('detach database src');
      old.$client.pragma('foreign_keys = ON');
      migrateDatabase(old);
      const after = countRows(old.$client);
      for (const [table, n] of Object.entries(expected)) expect({ table, k, rows: after[table] }).toEqual({ table, k, rows: n });
      expect(old.$client.pragma('foreign_key_check')).toEqual([]);
      old.$client.close();
    }
    fullDb.$client.close();
  }, 120_000);
});
