import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, userRoles, users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { hashPassword, verifyPassword } from '@/lib/password';
import { createTestDb } from '@/lib/test/db';
import { changePassword } from './handlers';
import { changePasswordSchema } from './schema';

async function fixture() {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const user = db
    .insert(users)
    .values({ orgId: org.id, username: 'newbie', displayName: '新人', passwordHash: await hashPassword('Initial7xKp2m'), mustChangePassword: true })
    .returning()
    .get();
  db.insert(userRoles).values({ userId: user.id, role: 'trainee' }).run();
  const actor: Actor = { userId: user.id, orgId: org.id, roles: ['trainee'], displayName: '新人' };
  return { db, actor, row: () => db.select().from(users).where(eq(users.id, user.id)).get()! };
}

const parse = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
  changePasswordSchema.safeParse({ currentPassword, newPassword, confirmPassword });

describe('changePasswordSchema', () => {
  it('wants 8 to 128 characters, not a common password, confirmed, and not the current one', () => {
    expect(parse('Initial7xKp2m', 'short').error?.issues.map((i) => i.message)).toEqual(['validation.too_short{"minimum":8}']);
    expect(parse('Initial7xKp2m', 'x'.repeat(129)).success).toBe(false);
    expect(parse('Initial7xKp2m', 'password123').error?.issues[0]?.message).toBe('account.validation.common');
    expect(parse('Initial7xKp2m', '12345678').error?.issues[0]?.message).toBe('account.validation.common');
    expect(parse('Initial7xKp2m', 'river-lamp-49', 'river-lamp-48').error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['confirmPassword', 'account.validation.mismatch'],
    ]);
    expect(parse('Initial7xKp2m', 'Initial7xKp2m').error?.issues.map((i) => i.message)).toEqual(['account.validation.sameAsCurrent']);
    expect(parse('Initial7xKp2m', 'river-lamp-49').success).toBe(true);
  });
});

describe('changePassword', () => {
  it('replaces the password and clears the must-change flag without ending the session', async () => {
    const f = await fixture();
    const before = f.row().sessionVersion;
    await changePassword(parse('Initial7xKp2m', 'river-lamp-49').data!, { db: f.db, actor: f.actor });
    const row = f.row();
    expect(row.mustChangePassword).toBe(false);
    expect(row.sessionVersion).toBe(before);
    expect(await verifyPassword('river-lamp-49', row.passwordHash)).toBe(true);
  });

  it('refuses a wrong current password, and stops guessing at the sign-in limit', async () => {
    const f = await fixture();
    const input = parse('wrong-guess-1', 'river-lamp-49').data!;
    await expect(changePassword(input, { db: f.db, actor: f.actor })).rejects.toMatchObject({ code: 'wrong_current_password' });
    expect(f.row().mustChangePassword).toBe(true);
    for (let i = 0; i < 9; i++) await changePassword(input, { db: f.db, actor: f.actor }).catch(() => undefined);
    const right = parse('Initial7xKp2m', 'river-lamp-49').data!;
    await expect(changePassword(right, { db: f.db, actor: f.actor })).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
