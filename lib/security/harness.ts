// Calling the app's server actions in a unit test, through their real wrapper (lib/action.ts:
// parse → actor → handler → result), against a freshly seeded demo database. The test file mocks
// '@/lib/session' (who is asking) and '@/db/client' (which database) with the `state` below:
//
//   const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown }));
//   vi.mock('@/lib/session', () => ({ getActor: async () => state.actor }));
//   vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
//   vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
import { eq } from 'drizzle-orm';
import * as adminTokens from '@/app/(app)/admin/tokens/actions';
import * as adminUsers from '@/app/(app)/admin/users/actions';
import * as callsImport from '@/app/(app)/calls/import/actions';
import * as classroom from '@/app/(app)/classroom/actions';
import * as drills from '@/app/(app)/drills/actions';
import * as leadDrills from '@/app/(app)/lead/drills/actions';
import * as enrol from '@/app/(app)/lead/enrol/actions';
import * as mentors from '@/app/(app)/lead/mentors/actions';
import * as shadowing from '@/app/(app)/shadowing/actions';
import * as planChanges from '@/app/(app)/trainees/[id]/actions';
import * as review from '@/app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions';
import * as samples from '@/app/(app)/trainees/[id]/calls/[day]/actions';
import * as waiver from '@/app/(app)/trainees/[id]/classroom/actions';
import * as probation from '@/app/(app)/trainees/[id]/probation/actions';
import * as floor from '@/app/(app)/trainees/[id]/shadowing/actions';
import * as solo from '@/app/(app)/trainees/[id]/solo/actions';
import * as changePassword from '@/app/(auth)/change-password/actions';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { trainees, userRoles, users } from '@/db/schema';
import type { ActionResult } from '@/lib/action';
import type { Actor } from '@/lib/authz';
import { createTestDb } from '@/lib/test/db';

export const TODAY = '2026-11-25';

/** Every server action that takes input from a form, by module: `<module>#<export>`. */
export const ACTION_MODULES = {
  'admin/tokens': adminTokens,
  'admin/users': adminUsers,
  'calls/import': callsImport,
  classroom,
  drills,
  'lead/drills': leadDrills,
  'lead/enrol': enrol,
  'lead/mentors': mentors,
  shadowing,
  'trainees/[id]': planChanges,
  'trainees/[id]/review': review,
  'trainees/[id]/calls': samples,
  'trainees/[id]/classroom': waiver,
  'trainees/[id]/probation': probation,
  'trainees/[id]/shadowing': floor,
  'trainees/[id]/solo': solo,
  'change-password': changePassword,
} as const;

/** The file behind each entry above; 'use server' modules missing here fail lib/security/bad-input.test.ts. */
export const ACTION_FILES: Record<keyof typeof ACTION_MODULES, string> = {
  'admin/tokens': 'app/(app)/admin/tokens/actions.ts',
  'admin/users': 'app/(app)/admin/users/actions.ts',
  'calls/import': 'app/(app)/calls/import/actions.ts',
  classroom: 'app/(app)/classroom/actions.ts',
  drills: 'app/(app)/drills/actions.ts',
  'lead/drills': 'app/(app)/lead/drills/actions.ts',
  'lead/enrol': 'app/(app)/lead/enrol/actions.ts',
  'lead/mentors': 'app/(app)/lead/mentors/actions.ts',
  shadowing: 'app/(app)/shadowing/actions.ts',
  'trainees/[id]': 'app/(app)/trainees/[id]/actions.ts',
  'trainees/[id]/review': 'app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions.ts',
  'trainees/[id]/calls': 'app/(app)/trainees/[id]/calls/[day]/actions.ts',
  'trainees/[id]/classroom': 'app/(app)/trainees/[id]/classroom/actions.ts',
  'trainees/[id]/probation': 'app/(app)/trainees/[id]/probation/actions.ts',
  'trainees/[id]/shadowing': 'app/(app)/trainees/[id]/shadowing/actions.ts',
  'trainees/[id]/solo': 'app/(app)/trainees/[id]/solo/actions.ts',
  'change-password': 'app/(auth)/change-password/actions.ts',
};

/** 'use server' modules not called here: they import Auth.js, which does not load under vitest. */
export const ACTION_FILES_ELSEWHERE: Record<string, string> = {
  'app/_actions/preferences.ts': 'language and role switches take a FormData of one choice; e2e/security.spec.ts and the matrix post them',
  'app/(auth)/login/actions.ts': 'sign-in: its schema is fuzzed here, the brake in lib/security/sign-in-window.test.ts and e2e/sign-in.spec.ts',
};

type AnyAction = (input: never) => Promise<ActionResult<unknown>>;

/** Every exported action of the modules above. */
export function listActions(): { key: string; fn: AnyAction }[] {
  return Object.entries(ACTION_MODULES).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === 'function')
      .map(([name, fn]) => ({ key: `${module}#${name}`, fn: fn as AnyAction })),
  );
}

export function actionFn(key: string): (input: unknown) => Promise<ActionResult<unknown>> {
  const [module, name] = key.split('#') as [keyof typeof ACTION_MODULES, string];
  const fn = (ACTION_MODULES[module] as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`no action ${key}`);
  return fn as (input: unknown) => Promise<ActionResult<unknown>>;
}

export type DemoWorld = {
  db: Db;
  orgId: number;
  actor(username: string): Actor;
  traineeId(username: string): number;
  userId(username: string): number;
  otherOrg: { orgId: number; traineeId: number; userId: number; mentorId: number };
};

/** The demo seed for TODAY, plus a second organisation whose ids make good foreign ids. */
export async function createDemoWorld(): Promise<DemoWorld> {
  const db = createTestDb();
  await seedDemoData(db, TODAY);
  const lead = db.select().from(users).where(eq(users.username, 'lead')).get()!;
  const raw = db.$client;
  const otherOrgId = Number(raw.prepare(`insert into organisations (name) values ('Other')`).run().lastInsertRowid);
  const mentorId = Number(
    raw.prepare(`insert into users (org_id, username, display_name, password_hash) values (?, 'other-mentor', '外部', ?)`).run(otherOrgId, lead.passwordHash)
      .lastInsertRowid,
  );
  raw.prepare(`insert into user_roles (user_id, role) values (?, 'mentor')`).run(mentorId);
  const otherUserId = Number(
    raw.prepare(`insert into users (org_id, username, display_name, password_hash) values (?, 'other-trainee', '外部学员', ?)`).run(otherOrgId, lead.passwordHash)
      .lastInsertRowid,
  );
  raw.prepare(`insert into user_roles (user_id, role) values (?, 'trainee')`).run(otherUserId);
  const otherTraineeId = Number(
    raw
      .prepare(`insert into trainees (org_id, user_id, trainee_class, cohort, start_date, mentor_id) values (?, ?, 'A', 'X', ?, ?)`)
      .run(otherOrgId, otherUserId, TODAY, mentorId).lastInsertRowid,
  );
  const userRow = (username: string) => {
    const row = db.select().from(users).where(eq(users.username, username)).get();
    if (!row) throw new Error(`no user ${username}`);
    const roles = db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.id)).all();
    return { ...row, roles };
  };
  return {
    db,
    orgId: lead.orgId,
    actor(username) {
      const u = userRow(username);
      return { userId: u.id, orgId: u.orgId, roles: u.roles.map((r) => r.role), displayName: u.displayName };
    },
    userId: (username) => userRow(username).id,
    traineeId(username) {
      const row = db.select({ id: trainees.id }).from(trainees).innerJoin(users, eq(users.id, trainees.userId)).where(eq(users.username, username)).get();
      if (!row) throw new Error(`no trainee ${username}`);
      return row.id;
    },
    otherOrg: { orgId: otherOrgId, traineeId: otherTraineeId, userId: otherUserId, mentorId },
  };
}

/**
 * Row counts of every table: a refused request must leave all of them as they were. login_attempts
 * is left out: it is the log the sign-in brake reads, and a refused password (change-password's
 * wrong current password) is meant to add to it.
 */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.$client
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name <> 'login_attempts' order by name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

/** A message key as lib/validation.ts encodes them: `validation.too_long{"maximum":80}`, `errors.not_found`. */
export const MESSAGE_KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+(\{.*\})?$/s;
