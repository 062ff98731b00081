// Building a query with drizzle's builder costs about 0.1 ms — twenty times what SQLite then takes
// to answer a lookup by key — and a page runs dozens. The queries every page runs are built once
// per connection with placeholders and reused (drizzle's .prepare()); a transaction on the same
// connection runs them inside itself, so the same prepared query serves a Db and a Tx alike.
import type { DbOrTx } from './tx';

type Session = { client: object };
const byConnection = new WeakMap<object, Map<symbol, unknown>>();

/** The prepared query `key` for this connection, built by `build` the first time. */
export function prepared<T>(db: DbOrTx, key: symbol, build: () => T): T {
  const connection = (db as unknown as { session: Session }).session.client;
  let queries = byConnection.get(connection);
  if (!queries) {
    queries = new Map();
    byConnection.set(connection, queries);
  }
  let query = queries.get(key) as T | undefined;
  if (query === undefined) {
    query = build();
    queries.set(key, query);
  }
  return query;
}
