import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/test/db';
import { prepared } from './prepared';
import { organisations } from './schema';

const ORG_NAME = Symbol('orgName');
const orgName = (db: ReturnType<typeof createTestDb>) =>
  prepared(db, ORG_NAME, () => db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, sql.placeholder('id'))).prepare());

describe('prepared queries', () => {
  it('are built once per connection and answer with the current data', () => {
    const db = createTestDb();
    const id = db.insert(organisations).values({ name: 'First' }).returning().get().id;
    const query = orgName(db);
    expect(orgName(db)).toBe(query);
    expect(query.get({ id })).toEqual({ name: 'First' });
    db.update(organisations).set({ name: 'Renamed' }).where(eq(organisations.id, id)).run();
    expect(orgName(db).get({ id })).toEqual({ name: 'Renamed' });
  });

  it('are separate for separate connections', () => {
    const a = createTestDb();
    const b = createTestDb();
    expect(orgName(a)).not.toBe(orgName(b));
  });

  it('run inside a transaction on the same connection, and see its rollback', () => {
    const db = createTestDb();
    const id = db.insert(organisations).values({ name: 'Before' }).returning().get().id;
    expect(orgName(db).get({ id })).toEqual({ name: 'Before' });
    expect(() =>
      db.transaction((tx) => {
        tx.update(organisations).set({ name: 'Inside' }).where(eq(organisations.id, id)).run();
        const reused = prepared(tx, ORG_NAME, (): ReturnType<typeof orgName> => {
          throw new Error("should reuse the connection's query");
        });
        expect(reused.get({ id })).toEqual({ name: 'Inside' });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(orgName(db).get({ id })).toEqual({ name: 'Before' });
  });
});
