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
  reusePreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every statement anew on every execution; compiling SQL was a few percent of every
 * page's server time. The same SQL text gets the same compiled statement back (SQLite recompiles it
 * itself after a schema change). drizzle switches some statements to raw (array) rows and never back,
 * and our own code plucks single columns, so a statement is handed out in its default mode. Least
 * recently used statements beyond the cap are dropped, so SQL built with a variable number of
 * placeholders cannot grow the cache without bound.
 */
export function reusePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
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
