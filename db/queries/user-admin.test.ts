import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/test/db';
import { organisations, trainees, userRoles, users, type Role } from '../schema';
import { searchUsers, updateUserAccount } from './user-admin';

function fixture() {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  const add = (username: string, displayName: string, roles: Role[], orgId = org.id) => {
    const user = db.insert(users).values({ orgId, username, displayName, passwordHash: 'x' }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return user.id;
  };
  add('zhang_wei', '张伟', ['mentor', 'lead']);
  add('zhangxwei', '张小伟', ['qa']);
  const trainee = add('wang.fang', '王芳', ['trainee']);
  db.insert(trainees).values({ orgId: org.id, userId: trainee, traineeClass: 'A', cohort: 'c', startDate: '2026-11-02' }).run();
  add('zhang_out', '张外', ['qa'], other.id);
  return { db, org };
}

describe('searchUsers', () => {
  it('finds by username or name within the organisation, with roles in a fixed order', () => {
    const { db, org } = fixture();
    const { rows, more } = searchUsers(db, { orgId: org.id, query: '张', limit: 10 });
    expect(more).toBe(false);
    expect(rows.map((r) => [r.username, r.roles, r.isTrainee])).toEqual([
      ['zhang_wei', ['mentor', 'lead'], false],
      ['zhangxwei', ['qa'], false],
    ]);
    expect(searchUsers(db, { orgId: org.id, query: 'FANG', limit: 10 }).rows.map((r) => [r.username, r.isTrainee])).toEqual([['wang.fang', true]]);
  });

  it('treats % and _ typed in the box as letters', () => {
    const { db, org } = fixture();
    expect(searchUsers(db, { orgId: org.id, query: 'zhang_', limit: 10 }).rows.map((r) => r.username)).toEqual(['zhang_wei']);
    expect(searchUsers(db, { orgId: org.id, query: '%', limit: 10 }).rows).toEqual([]);
  });

  it('says when there are more results than shown', () => {
    const { db, org } = fixture();
    const page = searchUsers(db, { orgId: org.id, limit: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.more).toBe(true);
  });
});

describe('updateUserAccount', () => {
  it('reports whether the role list changed', () => {
    const { db, org } = fixture();
    const id = searchUsers(db, { orgId: org.id, query: 'zhangxwei', limit: 1 }).rows[0]!.id;
    expect(updateUserAccount(db, { orgId: org.id, userId: id, displayName: '张小伟', roles: ['qa'], endSessions: true })).toEqual({ rolesChanged: false });
    expect(updateUserAccount(db, { orgId: org.id, userId: id, displayName: '张小伟', roles: ['mentor'], endSessions: true })).toEqual({ rolesChanged: true });
    expect(searchUsers(db, { orgId: org.id, query: 'zhangxwei', limit: 1 }).rows[0]!.roles).toEqual(['mentor']);
  });
});
