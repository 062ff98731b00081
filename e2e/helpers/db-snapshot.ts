// A fingerprint of every table: its row count and a hash of its content. Two snapshots that
// differ name the tables a request changed — inserted, deleted or updated rows alike.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Columns that reading may legitimately rewrite: the cached plan status and dashboard facts are
 * brought up to today before they are used (lib/access.ts, lib/program.ts), and a token's last use
 * is stamped when it works.
 * login_attempts grows with every sign-in, denied or not; the brake is tested on its own.
 */
const VOLATILE: Record<string, readonly string[]> = {
  trainees: ['status', 'current_stage', 'status_as_of', 'dashboard_facts'],
  api_tokens: ['last_used_at'],
};
const SKIPPED_TABLES = new Set(['login_attempts', 'sqlite_sequence', '__drizzle_migrations']);

export type Snapshot = Map<string, { rows: number; hash: string; columns: string[]; content: unknown[][] }>;

export function tableNames(db: Database.Database): string[] {
  return (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.has(name));
}

export function snapshot(db: Database.Database): Snapshot {
  const out: Snapshot = new Map();
  for (const table of tableNames(db)) {
    const columns = (db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !(VOLATILE[table] ?? []).includes(c));
    const select = columns.map((c) => `"${c}"`).join(', ');
    const rows = db.prepare(`select ${select} from "${table}" order by rowid`).raw().all();
    out.set(table, { rows: rows.length, hash: createHash('sha1').update(JSON.stringify(rows)).digest('hex'), columns, content: rows as unknown[][] });
  }
  return out;
}

/** The tables whose content differs, with their row counts before → after; empty when nothing changed. */
export function diff(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const [table, a] of after) {
    const b = before.get(table);
    if (!b) changes.push(`${table}: new table`);
    else if (a.hash !== b.hash) changes.push(`${table}: ${b.rows} → ${a.rows} rows${a.rows === b.rows ? ` (updated ${changedColumns(b, a)})` : ''}`);
  }
  return changes;
}

function changedColumns(before: { columns: string[]; content: unknown[][] }, after: { content: unknown[][] }): string {
  const changed = new Set<string>();
  after.content.forEach((row, i) => {
    row.forEach((value, c) => {
      if (JSON.stringify(value) !== JSON.stringify(before.content[i]?.[c])) changed.add(before.columns[c] ?? String(c));
    });
  });
  return [...changed].join(', ');
}
