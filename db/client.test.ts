import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/test/db';
import { organisations } from './schema';

describe('prepared statements are reused', () => {
  it('hands out the same compiled statement for the same SQL', () => {
    const db = createTestDb();
    const first = db.$client.prepare('select 1 as one');
    expect(db.$client.prepare('select 1 as one')).toBe(first);
    expect(db.$client.prepare('select 2 as two')).not.toBe(first);
  });

  it('gives a statement back in object-row mode after drizzle read arrays with it', () => {
    const db = createTestDb();
    const statement = db.$client.prepare('select 1 as one');
    expect(statement.raw().get()).toEqual([1]);
    expect(db.$client.prepare('select 1 as one').get()).toEqual({ one: 1 });
    expect(db.$client.prepare('select 1 as one').pluck().get()).toBe(1);
    expect(db.$client.prepare('select 1 as one').get()).toEqual({ one: 1 });
  });

  it('keeps answering right through drizzle queries, writes and a schema change', () => {
    const db = createTestDb();
    const count = () => db.select({ n: sql<number>`count(*)` }).from(organisations).get()!.n;
    const before = count();
    db.insert(organisations).values({ name: 'Cache test', timeZone: 'Asia/Shanghai' }).run();
    expect(count()).toBe(before + 1);
    db.$client.exec('create table scratch (id integer primary key)');
    expect(count()).toBe(before + 1);
    expect(db.select().from(organisations).where(eq(organisations.name, 'Cache test')).all()).toHaveLength(1);
  });

  it('drops the least recently used statements beyond its cap', () => {
    const db = createTestDb();
    const kept = db.$client.prepare('select 0 as n');
    const early = db.$client.prepare('select 1 as n');
    for (let i = 2; i <= 600; i++) {
      db.$client.prepare(`select ${i} as n`);
      if (i % 100 === 0) db.$client.prepare('select 0 as n');
    }
    expect(db.$client.prepare('select 0 as n')).toBe(kept);
    const again = db.$client.prepare('select 1 as n');
    expect(again).not.toBe(early);
    expect(again.get()).toEqual({ n: 1 });
  });
});
