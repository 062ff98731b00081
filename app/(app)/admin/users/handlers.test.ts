import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { organisations, trainees, userRoles, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { verifyPassword } from '@/lib/password';
import { createTestDb } from '@/lib/test/db';
import { createStaffUser, resetPassword, setDisabled, updateUser } from './handlers';
import { createStaffUserSchema, updateUserSchema } from './schema';

function fixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  function addUser(username: string, roles: Role[], orgId = org.id): Actor {
    const user = db.insert(users).values({ orgId, username, displayName: username, passwordHash: 'x' }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId, roles, displayName: username };
  }
  const admin = addUser('admin', ['admin']);
  const mentor = addUser('mentor', ['mentor']);
  const qa = addUser('qa', ['qa']);
  const traineeUser = addUser('trainee', ['trainee']);
  db.insert(trainees).values({ orgId: org.id, userId: traineeUser.userId, traineeClass: 'A', cohort: 'c', startDate: '2026-11-02', mentorId: mentor.userId }).run();
  const foreign = addUser('foreign', ['qa'], other.id);
  return { db, admin, mentor, qa, traineeUser, foreign, lead: addUser('lead', ['lead']) };
}

const ctx = (db: Db, actor: Actor) => ({ db, actor });
const userRow = (db: Db, id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const rolesOf = (db: Db, id: number) =>
  db
    .select()
    .from(userRoles)
    .where(eq(userRoles.userId, id))
    .all()
    .map((r) => r.role)
    .sort();

function refusal(fn: () => unknown): string | null {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return null;
}

describe('createStaffUser', () => {
  it('creates a staff user with roles and a one-time password to change at first sign-in', async () => {
    const f = fixture();
    const input = createStaffUserSchema.parse({ username: ' New.QA ', displayName: '新质检', roles: ['qa', 'mentor', 'qa'] });
    const created = await createStaffUser(input, ctx(f.db, f.admin));
    expect(created.username).toBe('new.qa');
    const row = userRow(f.db, created.userId);
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(created.initialPassword, row.passwordHash)).toBe(true);
    expect(rolesOf(f.db, created.userId)).toEqual(['mentor', 'qa']);
  });

  it('refuses a taken username, a trainee role and no role at all', async () => {
    const f = fixture();
    await expect(createStaffUser(createStaffUserSchema.parse({ username: 'Mentor', displayName: 'x', roles: ['qa'] }), ctx(f.db, f.admin))).rejects.toMatchObject({
      code: 'username_taken',
    });
    expect(createStaffUserSchema.safeParse({ username: 'abc', displayName: 'x', roles: ['trainee'] }).success).toBe(false);
    expect(createStaffUserSchema.safeParse({ username: 'abc', displayName: 'x', roles: [] }).success).toBe(false);
  });

  it('is for admins only', async () => {
    const f = fixture();
    const input = createStaffUserSchema.parse({ username: 'abc', displayName: 'x', roles: ['qa'] });
    await expect(createStaffUser(input, ctx(f.db, f.lead))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('updateUser', () => {
  const update = (f: ReturnType<typeof fixture>, actor: Actor, userId: number, roles: string[], displayName = 'n') =>
    updateUser(updateUserSchema.parse({ userId, displayName, roles }), ctx(f.db, actor));

  it('a role change ends the user’s sessions (session version bumped); a name change alone does not', () => {
    const f = fixture();
    const before = userRow(f.db, f.qa.userId).sessionVersion;
    expect(update(f, f.admin, f.qa.userId, ['qa'], '陈静')).toEqual({ rolesChanged: false });
    expect(userRow(f.db, f.qa.userId)).toMatchObject({ displayName: '陈静', sessionVersion: before });
    expect(update(f, f.admin, f.qa.userId, ['qa', 'lead'], '陈静')).toEqual({ rolesChanged: true });
    expect(userRow(f.db, f.qa.userId).sessionVersion).toBe(before + 1);
    expect(rolesOf(f.db, f.qa.userId)).toEqual(['lead', 'qa']);
  });

  it('an admin cannot remove their own admin role; other changes to themself keep their session', () => {
    const f = fixture();
    expect(refusal(() => update(f, f.admin, f.admin.userId, ['lead']))).toBe('cannot_remove_own_admin');
    expect(rolesOf(f.db, f.admin.userId)).toEqual(['admin']);
    const before = userRow(f.db, f.admin.userId).sessionVersion;
    update(f, f.admin, f.admin.userId, ['admin', 'lead']);
    expect(rolesOf(f.db, f.admin.userId)).toEqual(['admin', 'lead']);
    expect(userRow(f.db, f.admin.userId).sessionVersion).toBe(before);
  });

  it('keeps a trainee’s trainee role, needs a role for staff, and keeps a mentor with mentees a mentor', () => {
    const f = fixture();
    update(f, f.admin, f.traineeUser.userId, []);
    expect(rolesOf(f.db, f.traineeUser.userId)).toEqual(['trainee']);
    expect(refusal(() => update(f, f.admin, f.qa.userId, []))).toBe('user_needs_role');
    expect(refusal(() => update(f, f.admin, f.mentor.userId, ['qa']))).toBe('mentor_has_mentees');
    expect(rolesOf(f.db, f.mentor.userId)).toEqual(['mentor']);
  });

  it('cannot reach another organisation’s user', () => {
    const f = fixture();
    expect(refusal(() => update(f, f.admin, f.foreign.userId, ['lead']))).toBe('not_found');
  });
});

describe('setDisabled and resetPassword', () => {
  it('disabling ends the sessions; an admin cannot disable themself', () => {
    const f = fixture();
    const before = userRow(f.db, f.qa.userId).sessionVersion;
    setDisabled({ userId: f.qa.userId, disabled: true }, ctx(f.db, f.admin));
    expect(userRow(f.db, f.qa.userId)).toMatchObject({ disabled: true, sessionVersion: before + 1 });
    setDisabled({ userId: f.qa.userId, disabled: false }, ctx(f.db, f.admin));
    expect(userRow(f.db, f.qa.userId)).toMatchObject({ disabled: false, sessionVersion: before + 2 });
    expect(refusal(() => setDisabled({ userId: f.admin.userId, disabled: true }, ctx(f.db, f.admin)))).toBe('cannot_disable_self');
    expect(userRow(f.db, f.admin.userId).disabled).toBe(false);
  });

  it('a reset gives a new one-time password and ends the sessions; not for oneself', async () => {
    const f = fixture();
    const before = userRow(f.db, f.qa.userId).sessionVersion;
    const reset = await resetPassword({ userId: f.qa.userId }, ctx(f.db, f.admin));
    const row = userRow(f.db, f.qa.userId);
    expect(row).toMatchObject({ mustChangePassword: true, sessionVersion: before + 1 });
    expect(await verifyPassword(reset.initialPassword, row.passwordHash)).toBe(true);
    await expect(resetPassword({ userId: f.admin.userId }, ctx(f.db, f.admin))).rejects.toMatchObject({ code: 'cannot_reset_own_password' });
    await expect(resetPassword({ userId: f.foreign.userId }, ctx(f.db, f.admin))).rejects.toMatchObject({ code: 'not_found' });
  });
});
