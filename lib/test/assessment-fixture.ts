// A small organisation for the assessment tests: a lead, a qa specialist, two mentors, a class B
// trainee whose program runs on known November 2026 dates (no public holidays that month), and a
// lead of another organisation. B: classroom 11-02…11-03, shadowing 11-04…11-06, supervised
// 11-09…11-13, solo week Mon 11-16 … Fri 11-20, probation from 11-23 (two weeks: to Fri 12-04).
import type { Db } from '@/db/client';
import { calls, organisations, trainees, userRoles, users, type Role } from '@/db/schema';
import type { ProgramEventDraft } from '@/domain/events';
import type { Actor } from '@/lib/authz';
import { loadScorecard } from '@/lib/content/scorecard';
import { appendProgramEvents, loadProgramContext, type PlannedTrainee } from '@/lib/program';
import { createTestDb } from './db';

export const SOLO_DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
export const SOLO_START = '2026-11-16';
export const PROBATION_START = '2026-11-23';
export const PROBATION_END = '2026-12-04';

export type AssessmentFixture = ReturnType<typeof createAssessmentFixture>;

export function createAssessmentFixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Assessment Org' }).returning().get();
  const otherOrg = db.insert(organisations).values({ name: 'Other Org' }).returning().get();

  function addUser(username: string, roles: Role[], orgId = org.id): Actor {
    const user = db.insert(users).values({ orgId, username, displayName: username, passwordHash: 'x' }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId, roles, displayName: username };
  }

  const lead = addUser('lead', ['lead']);
  const qa = addUser('qa', ['qa']);
  const mentor = addUser('mentor', ['mentor']);
  const otherMentor = addUser('other-mentor', ['mentor']);
  const otherLead = addUser('other-lead', ['lead'], otherOrg.id);
  const traineeActor = addUser('trainee-b', ['trainee']);
  const row = db
    .insert(trainees)
    .values({ orgId: org.id, userId: traineeActor.userId, traineeClass: 'B', cohort: 'c1', startDate: '2026-11-02', mentorId: mentor.userId })
    .returning()
    .get();
  const trainee: PlannedTrainee = { id: row.id, orgId: org.id, traineeClass: 'B', startDate: '2026-11-02' };

  function append(drafts: ProgramEventDraft[], today: string) {
    return appendProgramEvents(db, { ctx: loadProgramContext(db, org.id), trainee, drafts, actorId: lead.userId, today });
  }
  append(
    [
      { kind: 'enrolled', effectiveDate: '2026-11-02', payload: { traineeClass: 'B' } },
      { kind: 'stage_completed', effectiveDate: '2026-11-03', payload: { stage: 'classroom' } },
      { kind: 'exam_recorded', effectiveDate: '2026-11-13', payload: { passed: true, scorePercent: 90 } },
    ],
    '2026-11-13',
  );

  /** `perDay` calls on each of the given days; returns their ids in order. */
  function addCalls(days: readonly string[], perDay: number): number[] {
    const ids: number[] = [];
    for (const day of days) {
      for (let i = 0; i < perDay; i++) {
        const inserted = db
          .insert(calls)
          .values({
            orgId: org.id,
            traineeId: trainee.id,
            externalId: `C-${day}-${i}`,
            agentCode: 'trainee-b',
            startedAt: Date.parse(`${day}T02:00:00Z`) + i * 600_000,
            day,
            durationSec: 180,
            direction: 'inbound',
          })
          .returning()
          .get();
        ids.push(inserted.id);
      }
    }
    return ids;
  }

  return { db, org, lead, qa, mentor, otherMentor, otherLead, traineeActor, trainee, append, addCalls };
}

/** A complete scorecard answer: every item at `rating`, optionally a critical item ticked (with its note). */
export function reviewAnswer(rating: 'met' | 'partial' | 'not_met', critical = false) {
  const scorecard = loadScorecard();
  return {
    scorecardVersion: scorecard.version,
    items: Object.fromEntries(scorecard.items.map((item) => [item.id, { rating }])),
    critical: Object.fromEntries(scorecard.criticalItems.map((c, i) => [c.id, critical && i === 0])),
    note: critical ? '与客户争吵。' : '',
  };
}
