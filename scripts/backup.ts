// `npm run backup [destination]`: an online, consistent copy of the database while the app keeps
// serving writes (SQLite's backup API copies pages and restarts if a writer changes them mid-way).
import path from 'node:path';
import { backupDatabase } from '@/db/backup';
import { databasePath } from '@/db/client';

const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = path.resolve(process.argv[2] ?? path.join(path.dirname(source), 'backups', `app-${stamp}.db`));
const result = await backupDatabase(source, destination);
console.log(`backup written to ${destination} (${result.pages} pages, integrity ${result.integrity})`);
