import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changePasswordSchema } from '@/app/(auth)/change-password/schema';
import { createStaffUser, resetPassword } from '@/app/(app)/admin/users/handlers';
import { enrolOneTrainee } from '@/app/(app)/lead/enrol/handlers';
import { enrolTraineeSchema } from '@/app/(app)/lead/enrol/schema';
import { seedDemoData } from '@/db/seed';
import { userRoles, users } from '@/db/schema';
import type { Actor } from './authz';
import { isCommonPassword } from './common-passwords';
import { generateOneTimePassword } from './one-time-password';
import { meetsPasswordPolicy, newPasswordField, PASSWORD_LENGTH, passwordLength } from './password-policy';
import { createTestDb } from './test/db';

const messages = (password: string) => newPasswordField.safeParse(password).error?.issues.map((i) => i.message) ?? [];

describe('the password policy', () => {
  it('wants 8 to 128 characters, counted as a person counts them', () => {
    expect(messages('river-l')).toEqual(['validation.too_short{"minimum":8}']);
    expect(messages('river-la')).toEqual([]);
    expect(messages('r'.repeat(63) + 'x'.repeat(65))).toEqual([]);
    expect(messages('ab'.repeat(64) + 'c')).toEqual(['validation.too_long{"maximum":128}']);
    // Four emoji are eight UTF-16 units but four characters: too short.
    expect(messages('😀🎉🚀🌟')).toEqual(['validation.too_short{"minimum":8}']);
    expect(messages('😀🎉🚀🌟😀🎉🚀🌟')).toEqual([]);
    expect(messages('长城'.repeat(64))).toEqual([]);
  });

  it('refuses the passwords guessing scripts try first, whatever their case or width', () => {
    for (const pw of ['password123', 'PASSWORD123', '12345678', 'qwertyuiop', 'woaini1314', 'ｐａｓｓｗｏｒｄ１２３', '88888888']) {
      expect(messages(pw), pw).toEqual(['account.validation.common']);
    }
  });

  it('accepts any other string of 8 to 128 characters — spaces, scripts, symbols — and refuses every shorter or longer one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 0, maxLength: 140 }), (pw) => {
        const length = passwordLength(pw);
        const ok = newPasswordField.safeParse(pw).success;
        if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) expect(ok).toBe(false);
        else expect(ok).toBe(!isCommonPassword(pw.normalize('NFKC')));
      }),
      { numRuns: 500 },
    );
  });

  it('is the one the change-password form uses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 140 }), (pw) => {
        const viaForm = changePasswordSchema.safeParse({ currentPassword: 'current-secret-1', newPassword: pw, confirmPassword: pw });
        if (pw === 'current-secret-1') return;
        expect(viaForm.success).toBe(meetsPasswordPolicy(pw));
      }),
      { numRuns: 300 },
    );
  });

  it('is met by every one-time password the system generates', () => {
    for (let i = 0; i < 2000; i++) expect(meetsPasswordPolicy(generateOneTimePassword())).toBe(true);
  });
});

describe('every place a password is set', () => {
  /** Where hashPassword is called, and why what it hashes meets the policy. */
  const CALL_SITES: Record<string, string> = {
    'app/(auth)/change-password/handlers.ts': 'the new password passed changePasswordSchema (newPasswordField)',
    'app/(app)/admin/users/handlers.ts': 'generateOneTimePassword, tested below',
    'app/(app)/lead/enrol/handlers.ts': 'generateOneTimePassword, tested below',
    'db/seed.ts': 'the demo password, tested below',
    'lib/password.ts': 'the definition',
  };

  function callSites(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && /\bhashPassword\(/.test(fs.readFileSync(full, 'utf8'))) {
          found.push(path.relative(process.cwd(), full).split(path.sep).join('/'));
        }
      }
    };
    for (const dir of ['app', 'lib', 'db', 'scripts', 'components']) walk(path.join(process.cwd(), dir));
    return found.sort();
  }

  it('is accounted for: a new call of hashPassword needs a line here', () => {
    expect(callSites()).toEqual(Object.keys(CALL_SITES).sort());
  });

  it('hands out initial and reset passwords that meet the policy, and the demo password meets it too', async () => {
    const db = createTestDb();
    await seedDemoData(db, '2026-11-25');
    expect(meetsPasswordPolicy('demo-pass-2026')).toBe(true);
    const actorOf = (username: string): Actor => {
      const u = db.select().from(users).where(eq(users.username, username)).get()!;
      const roles = db.select().from(userRoles).where(eq(userRoles.userId, u.id)).all().map((r) => r.role);
      return { userId: u.id, orgId: u.orgId, roles, displayName: u.displayName };
    };
    const admin = { db, actor: actorOf('admin') };
    const created = await createStaffUser({ username: 'policy-staff', displayName: '新同事', roles: ['qa'] }, admin);
    expect(meetsPasswordPolicy(created.initialPassword)).toBe(true);
    const reset = await resetPassword({ userId: created.userId }, admin);
    expect(meetsPasswordPolicy(reset.initialPassword)).toBe(true);
    const enrolled = await enrolOneTrainee(
      enrolTraineeSchema.parse({
        displayName: '新学员',
        username: 'policy-trainee',
        traineeClass: 'A',
        cohort: '2026-12',
        startDate: '2026-11-26',
        mentorId: String(actorOf('mentor1').userId),
        requestKey: '00000000-0000-4000-8000-000000000001',
      }),
      { db, actor: actorOf('lead') },
    );
    const password = JSON.stringify(enrolled).match(/"initialPassword":"([^"]+)"/)?.[1];
    expect(password && meetsPasswordPolicy(password)).toBe(true);
  });
});
