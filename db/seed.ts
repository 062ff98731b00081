// Demo data: one organisation with every role and eight trainees at different points of the
// program. Deterministic for a given `today`, so a fresh clone always shows the same story.
import path from 'node:path';
import { count } from 'drizzle-orm';
import { hashPassword } from '@/lib/password';
import { databasePath, openDatabase, type Db } from './client';
import { migrateDatabase } from './migrate';
import { mentorAssignments, organisations, programEvents, trainees, userRoles, users, type Role } from './schema';
import { seedAssessment } from './seed/assessment';
import { seedClassroom } from './seed/classroom';
import { seedFloorShadowing } from './seed/floor-shadowing';
import { seedFloorCalls } from './seed/floor-calls';
import type { SeedContext } from './seed/context';
import { chooseStartDate, seedProgramHistory, TRAINEE_STORIES, type StoryRun } from './seed/program-history';
import { addWorkingDays, isWorkingDay } from '@/domain/calendar';
import { loadProgramContext, rebuildAllStatuses } from '@/lib/program';

export const DEMO_PASSWORD = 'demo-pass-2026';

export type DemoUser = { username: string; displayName: string; roles: Role[] };

export const DEMO_STAFF: DemoUser[] = [
  { username: 'admin', displayName: '王强', roles: ['admin'] },
  { username: 'lead', displayName: '李娜', roles: ['lead'] },
  { username: 'qa', displayName: '陈静', roles: ['qa'] },
  { username: 'mentor1', displayName: '张伟', roles: ['mentor'] },
  { username: 'mentor2', displayName: '刘洋', roles: ['mentor'] },
  { username: 'supervisor', displayName: '周敏', roles: ['lead', 'qa'] },
];

export type DemoTrainee = {
  username: string;
  displayName: string;
  traineeClass: 'A' | 'B';
  cohort: string;
  mentor: 'mentor1' | 'mentor2';
  /**
   * Working days before `today` that the trainee started, for trainees without a story;
   * the others' start dates come from their story in db/seed/program-history.ts.
   */
  startedDaysAgo: number;
};

export const DEMO_TRAINEES: DemoTrainee[] = [
  { username: 'trainee1', displayName: '赵晓雯', traineeClass: 'A', cohort: '2026-11', mentor: 'mentor1', startedDaysAgo: 1 },
  { username: 'trainee2', displayName: '钱浩', traineeClass: 'A', cohort: '2026-11', mentor: 'mentor2', startedDaysAgo: 8 },
  { username: 'trainee3', displayName: '孙丽', traineeClass: 'A', cohort: '2026-10', mentor: 'mentor1', startedDaysAgo: 15 },
  { username: 'trainee4', displayName: '李明', traineeClass: 'B', cohort: '2026-10', mentor: 'mentor2', startedDaysAgo: 12 },
  { username: 'trainee5', displayName: '周婷', traineeClass: 'A', cohort: '2026-09', mentor: 'mentor1', startedDaysAgo: 46 },
  { username: 'trainee6', displayName: '吴磊', traineeClass: 'B', cohort: '2026-10', mentor: 'mentor2', startedDaysAgo: 22 },
  { username: 'trainee7', displayName: '郑芳', traineeClass: 'B', cohort: '2026-09', mentor: 'mentor1', startedDaysAgo: 60 },
  { username: 'trainee8', displayName: '王俊', traineeClass: 'A', cohort: '2026-08', mentor: 'mentor2', startedDaysAgo: 100 },
  { username: 'trainee9', displayName: '林雨桐', traineeClass: 'A', cohort: '2026-11', mentor: 'mentor1', startedDaysAgo: 2 },
  { username: 'trainee10', displayName: '何嘉怡', traineeClass: 'B', cohort: '2026-11', mentor: 'mentor2', startedDaysAgo: 1 },
  { username: 'trainee11', displayName: '冯子健', traineeClass: 'B', cohort: '2026-10', mentor: 'mentor2', startedDaysAgo: 0 },
  { username: 'trainee12', displayName: '陈思远', traineeClass: 'A', cohort: '2026-09', mentor: 'mentor1', startedDaysAgo: 0 },
  { username: 'trainee13', displayName: '褚晓光', traineeClass: 'B', cohort: '2026-09', mentor: 'mentor2', startedDaysAgo: 0 },
  { username: 'trainee14', displayName: '卫佳琪', traineeClass: 'A', cohort: '2026-12', mentor: 'mentor1', startedDaysAgo: 0 },
  // Probation ended on the previous working day, no assessor has scored yet (db/seed/assessment.ts).
  { username: 'trainee15', displayName: '唐诗涵', traineeClass: 'A', cohort: '2026-09', mentor: 'mentor1', startedDaysAgo: 52 },
];

function orgIdOf(db: Db): number {
  return db.select({ id: organisations.id }).from(organisations).get()!.id;
}

export function isDatabaseEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(organisations).get()?.n ?? 0) === 0;
}

export async function seedDemoData(db: Db, today: string): Promise<void> {
  // One hash for every demo account: scrypt is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    const org = tx.insert(organisations).values({ name: '客户服务中心(演示)', timeZone: 'Asia/Shanghai' }).returning().get();
    const userIds = new Map<string, number>();
    for (const person of [...DEMO_STAFF, ...DEMO_TRAINEES.map((t) => ({ ...t, roles: ['trainee'] as Role[] }))]) {
      const user = tx
        .insert(users)
        .values({ orgId: org.id, username: person.username, displayName: person.displayName, passwordHash })
        .returning()
        .get();
      userIds.set(person.username, user.id);
      for (const role of person.roles) tx.insert(userRoles).values({ userId: user.id, role }).run();
    }
    const leadId = userIds.get('lead')!;
    const traineeIds = new Map<string, number>();
    const program = loadProgramContext(tx, org.id);
    const anchor = isWorkingDay(program.calendar, today) ? today : addWorkingDays(program.calendar, today, 1);
    const stories = new Map(TRAINEE_STORIES.map((story) => [story.username, story]));
    const runs: StoryRun[] = [];
    for (const demo of DEMO_TRAINEES) {
      const story = stories.get(demo.username);
      const run = story ? { story, demo, sim: chooseStartDate(program, demo.traineeClass, today, story) } : null;
      const startDate = run ? run.sim.startDate : addWorkingDays(program.calendar, anchor, -demo.startedDaysAgo);
      const mentorId = userIds.get(demo.mentor)!;
      const trainee = tx
        .insert(trainees)
        .values({
          orgId: org.id,
          userId: userIds.get(demo.username)!,
          traineeClass: demo.traineeClass,
          cohort: demo.cohort,
          startDate,
          mentorId,
        })
        .returning()
        .get();
      traineeIds.set(demo.username, trainee.id);
      tx.insert(mentorAssignments).values({ traineeId: trainee.id, mentorId, fromDate: startDate, assignedBy: leadId }).run();
      if (run) {
        runs.push(run);
        continue;
      }
      tx.insert(programEvents)
        .values({
          orgId: org.id,
          traineeId: trainee.id,
          kind: 'enrolled',
          effectiveDate: startDate,
          payload: { traineeClass: demo.traineeClass },
          actorId: leadId,
          createdAt: Date.parse(`${startDate}T01:00:00Z`),
        })
        .run();
    }
    const ctx: SeedContext = { tx, orgId: org.id, today, userIds, traineeIds };
    seedProgramHistory(ctx, runs);
    // feature seeds
    seedAssessment(ctx);
    seedClassroom(ctx);
    seedFloorShadowing(ctx);
    seedFloorCalls(ctx);
    void ctx;
  });
  // Trainees without a story were inserted with a bare enrolment: compute everyone's cached status.
  rebuildAllStatuses(db, loadProgramContext(db, orgIdOf(db)), today);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const db = openDatabase(databasePath());
  migrateDatabase(db);
  if (!isDatabaseEmpty(db) && !process.argv.includes('--force')) {
    console.log('database already has data; not seeding (use --force on an empty file)');
  } else {
    const today = process.env.SEED_TODAY ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await seedDemoData(db, today);
    console.log(`seeded demo data for ${today}`);
  }
  db.$client.close();
}
