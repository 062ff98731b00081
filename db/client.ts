// The one SQLite connection of a server process, with the pragmas every connection needs.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join('data', 'app.db'));
}

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  applyPragmas(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives a crash of this process; a power cut
  // may lose the last few commits but never corrupts the file (docs/decisions/003-durability.md).
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The server's connection, opened on first use; migrations are applied by `npm run db:migrate`, not here. */
export function getDb(): Db {
  if (!globalForDb.__db) globalForDb.__db = openDatabase(databasePath());
  return globalForDb.__db;
}
