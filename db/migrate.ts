// Applies the committed migrations: an explicit step run before the server starts.
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import { databasePath, openDatabase, type Db } from './client';

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = databasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.close();
  console.log(`migrated ${file}`);
}
