import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** Copies a live database to `destination` and checks the copy's integrity before reporting success. */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number; integrity: string }> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const progress = await db.backup(destination);
    const copy = new Database(destination, { readonly: true });
    try {
      const integrity = String(copy.pragma('integrity_check', { simple: true }));
      if (integrity !== 'ok') throw new Error(`backup failed its integrity check: ${integrity}`);
      return { pages: progress.totalPages, integrity };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}
