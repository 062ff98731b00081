import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/test/db';
import { organisations, userRoles, users } from '../schema';
import { countRecentFailures, findUserByUsername, recordLoginAttempt } from './users';

describe('user queries on a real migrated database', () => {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Test' }).returning().get();
  const user = db.insert(users).values({ orgId: org.id, username: 'amy', displayName: 'Amy', passwordHash: 'x' }).returning().get();
  db.insert(userRoles).values([{ userId: user.id, role: 'mentor' }, { userId: user.id, role: 'qa' }]).run();

  it('finds a user with all their roles', () => {
    expect(findUserByUsername(db, { username: 'amy' })?.roles.sort()).toEqual(['mentor', 'qa']);
    expect(findUserByUsername(db, { username: 'nobody' })).toBeNull();
  });

  it('counts only recent failures, per account and per address', () => {
    const now = 1_000_000_000;
    recordLoginAttempt(db, { username: 'amy', ip: '1.1.1.1', succeeded: false, at: now - 20 * 60_000 });
    recordLoginAttempt(db, { username: 'amy', ip: '1.1.1.1', succeeded: false, at: now - 60_000 });
    recordLoginAttempt(db, { username: 'bob', ip: '1.1.1.1', succeeded: false, at: now - 60_000 });
    recordLoginAttempt(db, { username: 'amy', ip: '2.2.2.2', succeeded: true, at: now - 60_000 });
    expect(countRecentFailures(db, { username: 'amy', ip: '1.1.1.1', since: now - 15 * 60_000 })).toEqual({
      forAccount: 1,
      forAddress: 2,
    });
  });
});
