// A small organisation for the supervised-calls tests: staff, a class-B trainee who is in the
// supervised-calls stage on TODAY, and a second trainee of another mentor.
import type { Db } from '@/db/client';
import { organisations, programEvents, trainees, userRoles, users, type Role } from '@/db/schema';
import type { CallReviewInput } from '@/domain/scorecard';
import type { Actor } from '@/lib/authz';
import { loadScorecard } from '@/lib/content/scorecard';
import { createTestDb } from './db';

// B: classroom 2 days (Mon 2 – Tue 3 Nov), shadowing 3 (Wed 4 – Fri 6), supervised 5 (Mon 9 – Fri 13).
export const START_DATE = '2026-11-02';
export const SUPERVISED_DAYS = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
export const TODAY = '2026-11-11';
/** 2026-11-11 15:00 in Asia/Shanghai. */
export const NOW_MS = Date.parse('2026-11-11T15:00:00+08:00');

export type CallsFixture = {
  db: Db;
  orgId: number;
  traineeId: number;
  otherTraineeId: number;
  actors: Record<'admin' | 'lead' | 'mentor' | 'otherMentor' | 'trainee' | 'otherTrainee' | 'qa', Actor>;
};

export function createCallsFixture(): CallsFixture {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Floor test', timeZone: 'Asia/Shanghai' }).returning().get();
  const make = (username: string, roles: Role[]): Actor => {
    const user = db.insert(users).values({ orgId: org.id, username, displayName: username, passwordHash: 'x' }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId: org.id, roles, displayName: username };
  };
  const actors = {
    admin: make('admin', ['admin']),
    lead: make('lead', ['lead']),
    qa: make('qa', ['qa']),
    mentor: make('mentor', ['mentor']),
    otherMentor: make('othermentor', ['mentor']),
    trainee: make('trainee', ['trainee']),
    otherTrainee: make('othertrainee', ['trainee']),
  };
  const enrol = (who: Actor, mentor: Actor, traineeClass: 'A' | 'B') => {
    const row = db
      .insert(trainees)
      .values({ orgId: org.id, userId: who.userId, traineeClass, cohort: '2026-11', startDate: START_DATE, mentorId: mentor.userId, currentStage: 'supervised' })
      .returning()
      .get();
    db.insert(programEvents).values({ orgId: org.id, traineeId: row.id, kind: 'enrolled', effectiveDate: START_DATE, payload: { traineeClass } }).run();
    db.insert(programEvents)
      .values({ orgId: org.id, traineeId: row.id, kind: 'stage_completed', effectiveDate: '2026-11-03', payload: { stage: 'classroom' } })
      .run();
    return row.id;
  };
  const traineeId = enrol(actors.trainee, actors.mentor, 'B');
  const otherTraineeId = enrol(actors.otherTrainee, actors.otherMentor, 'B');
  return { db, orgId: org.id, traineeId, otherTraineeId, actors };
}

/** A complete review of the current scorecard: every item 'met', nothing critical. */
export function fullReview(overrides: Partial<CallReviewInput> = {}): CallReviewInput {
  const scorecard = loadScorecard();
  return {
    scorecardVersion: scorecard.version,
    items: Object.fromEntries(scorecard.items.map((i) => [i.id, { rating: 'met' }])),
    critical: Object.fromEntries(scorecard.criticalItems.map((c) => [c.id, false])),
    note: '',
    ...overrides,
  };
}
