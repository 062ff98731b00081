// Each test file gets its own SQLite file, migrated with the real migrations.
// The first call migrates a template once per process; later calls copy it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

let template: string | null = null;
const opened: { db: Db; dir: string }[] = [];

function migratedTemplate(): string {
  if (template) return template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-template-'));
  const file = path.join(dir, 'template.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  template = file;
  return file;
}

export function createTestDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-test-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(migratedTemplate(), file);
  const db = openDatabase(file);
  opened.push({ db, dir });
  return db;
}

afterAll(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export { Database };
