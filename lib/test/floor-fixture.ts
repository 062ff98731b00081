// A small organisation for the on-the-floor tests (shadowing, drills, live listening, the mentor
// queue): a lead, two mentors and trainees whose classroom ended on a known day, so every stage
// falls on known dates of November 2026 (no public holidays that month).
import { vi } from 'vitest';
import type { Db } from '@/db/client';
import { organisations, trainees, userRoles, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { appendProgramEvents, loadProgramContext } from '@/lib/program';
import { createTestDb } from './db';

export type FixtureTrainee = { id: number; userId: number; orgId: number; traineeClass: 'A' | 'B'; startDate: string; actor: Actor };

/** Pins "now" to noon in Shanghai on `day`, so todayFor() answers `day`. Only Date is faked. */
export function setToday(day: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T04:00:00Z`));
}

export function createFloorFixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Floor Org' }).returning().get();
  const otherOrg = db.insert(organisations).values({ name: 'Other Org' }).returning().get();

  function addUser(username: string, roles: Role[], orgId = org.id): Actor {
    const user = db.insert(users).values({ orgId, username, displayName: username, passwordHash: 'x' }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId, roles, displayName: username };
  }

  const lead = addUser('lead', ['lead']);
  const mentor1 = addUser('mentor1', ['mentor']);
  const mentor2 = addUser('mentor2', ['mentor']);

  /** A trainee whose classroom was completed on `classroomDone` (the next stage starts the working day after). */
  function addTrainee(username: string, traineeClass: 'A' | 'B', mentor: Actor, startDate: string, classroomDone: string, orgId = org.id): FixtureTrainee {
    const actor = addUser(username, ['trainee'], orgId);
    const row = db
      .insert(trainees)
      .values({ orgId, userId: actor.userId, traineeClass, cohort: 'c1', startDate, mentorId: mentor.userId })
      .returning()
      .get();
    const trainee = { id: row.id, userId: actor.userId, orgId, traineeClass, startDate, actor };
    const ctx = loadProgramContext(db, orgId);
    appendProgramEvents(db, {
      ctx,
      trainee,
      drafts: [
        { kind: 'enrolled', effectiveDate: startDate, payload: { traineeClass } },
        { kind: 'stage_completed', effectiveDate: classroomDone, payload: { stage: 'classroom' } },
      ],
      actorId: lead.userId,
      today: classroomDone,
    });
    return trainee;
  }

  // shadowing Mon 11-09 … Fri 11-13, drills 11-16 … 11-18, supervised from 11-19
  const shadowing = addTrainee('shadow-a', 'A', mentor1, '2026-11-02', '2026-11-06');
  // shadowing 11-02 … 11-06, drills Mon 11-09 … Wed 11-11, supervised from 11-12
  const drilling = addTrainee('drill-a', 'A', mentor1, '2026-10-26', '2026-10-30');
  // B: shadowing Wed 11-04 … Fri 11-06, supervised Mon 11-09 … Fri 11-13
  const classB = addTrainee('class-b', 'B', mentor2, '2026-11-02', '2026-11-03');
  const outsider = addTrainee('outsider', 'A', addUser('mentor-x', ['mentor'], otherOrg.id), '2026-11-02', '2026-11-06', otherOrg.id);

  return { db, org, lead, mentor1, mentor2, shadowing, drilling, classB, outsider };
}

export function context(db: Db, actor: Actor) {
  return { db, actor };
}

/** A request key in the shape the forms send (crypto.randomUUID()). */
export function key(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
