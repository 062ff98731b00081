import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { listActiveMentors, listMentorAssignments, listMentorsWithCounts, listTraineesWithMentor } from '@/db/queries/mentors';
import { getTrainee, listMentees, listPastMentees } from '@/db/queries/trainees';
import { organisations, userRoles, users, type Role } from '@/db/schema';
import { traineeSubject } from '@/lib/access';
import { can, type Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { createTestDb } from '@/lib/test/db';
import { key, setToday } from '@/lib/test/floor-fixture';
import { writeEnrolments } from '../enrol/handlers';
import { reassignTraineeMentor } from './handlers';
import { reassignMentorSchema } from './schema';

afterEach(() => {
  vi.useRealTimers();
});

function fixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  function addUser(username: string, roles: Role[], opts: { orgId?: number; disabled?: boolean } = {}): Actor {
    const orgId = opts.orgId ?? org.id;
    const user = db.insert(users).values({ orgId, username, displayName: username, passwordHash: 'x', disabled: opts.disabled ?? false }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId, roles, displayName: username };
  }
  const lead = addUser('lead', ['lead']);
  const mentor1 = addUser('mentor1', ['mentor']);
  const mentor2 = addUser('mentor2', ['mentor']);
  const retired = addUser('retired', ['mentor'], { disabled: true });
  const foreignLead = addUser('foreign-lead', ['lead'], { orgId: other.id });
  setToday('2026-11-16');
  const written = writeEnrolments(db, {
    actor: lead,
    requestKey: key(1),
    entries: [
      { row: null, displayName: '甲', username: 'jia', traineeClass: 'A', cohort: 'c', startDate: '2026-11-16', mentorId: mentor1.userId, passwordHash: 'h' },
      { row: null, displayName: '乙', username: 'yi', traineeClass: 'B', cohort: 'c', startDate: '2026-12-01', mentorId: mentor1.userId, passwordHash: 'h' },
    ],
  });
  if (written.status !== 'written') throw new Error('fixture not written');
  const [started, future] = written.traineeIds as [number, number];
  return { db, org, lead, mentor1, mentor2, retired, foreignLead, started, future };
}

const input = (traineeId: number, mentorId: number, reason = '原指导客服代表调岗') => reassignMentorSchema.parse({ traineeId, mentorId: String(mentorId), reason });
const ctx = (db: Db, actor: Actor) => ({ db, actor });

describe('reassignTraineeMentor', () => {
  it('closes the current assignment today, opens the new one and keeps the history', () => {
    const f = fixture();
    const outcome = reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.lead));
    expect(outcome).toEqual({ status: 'reassigned', mentorName: 'mentor2', effectiveDate: '2026-11-16' });
    expect(listMentorAssignments(f.db, { traineeId: f.started })).toMatchObject([
      { mentorId: f.mentor2.userId, fromDate: '2026-11-16', toDate: null, reason: '原指导客服代表调岗', assignedByName: 'lead' },
      { mentorId: f.mentor1.userId, fromDate: '2026-11-16', toDate: '2026-11-16', reason: null },
    ]);
    const trainee = getTrainee(f.db, { orgId: f.org.id, traineeId: f.started })!;
    expect(trainee.mentorId).toBe(f.mentor2.userId);
    // The past mentor still reads the record; they no longer act as its mentor.
    expect(can(f.mentor1, 'trainee.read', traineeSubject(trainee))).toBe(true);
    expect(can(f.mentor1, 'day.confirm', traineeSubject(trainee))).toBe(false);
    expect(can(f.mentor2, 'day.confirm', traineeSubject(trainee))).toBe(true);
  });

  it('hands over a trainee who has not started yet from their first day', () => {
    const f = fixture();
    const outcome = reassignTraineeMentor(input(f.future, f.mentor2.userId), ctx(f.db, f.lead));
    expect(outcome).toMatchObject({ status: 'reassigned', effectiveDate: '2026-12-01' });
  });

  it('records the same form sent twice once', () => {
    const f = fixture();
    reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.lead));
    expect(reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.lead))).toEqual({ status: 'unchanged', mentorName: 'mentor2' });
    expect(listMentorAssignments(f.db, { traineeId: f.started })).toHaveLength(2);
  });

  it('needs a reason, an active mentor, a lead and a trainee of the organisation', () => {
    const f = fixture();
    expect(reassignMentorSchema.safeParse({ traineeId: f.started, mentorId: String(f.mentor2.userId), reason: '  ' }).success).toBe(false);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof AppError ? e.code : 'other';
      }
      return null;
    };
    expect(code(() => reassignTraineeMentor(input(f.started, f.retired.userId), ctx(f.db, f.lead)))).toBe('mentor_unavailable');
    expect(code(() => reassignTraineeMentor(input(f.started, f.lead.userId), ctx(f.db, f.lead)))).toBe('mentor_unavailable');
    expect(code(() => reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.mentor1)))).toBe('not_found');
    expect(code(() => reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.foreignLead)))).toBe('not_found');
    expect(listMentorAssignments(f.db, { traineeId: f.started })).toHaveLength(1);
  });
});

describe('mentor queries', () => {
  it('count current and past mentees, and list past mentees separately from current ones', () => {
    const f = fixture();
    reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.lead));
    expect(listMentorsWithCounts(f.db, { orgId: f.org.id }).map((m) => [m.username, m.currentMentees, m.pastMentees, m.disabled])).toEqual([
      ['mentor1', 1, 1, false],
      ['mentor2', 1, 0, false],
      ['retired', 0, 0, true],
    ]);
    expect(listActiveMentors(f.db, { orgId: f.org.id }).map((m) => m.username)).toEqual(['mentor1', 'mentor2']);
    expect(listMentees(f.db, { orgId: f.org.id, mentorId: f.mentor1.userId }).map((t) => t.displayName)).toEqual(['乙']);
    expect(listPastMentees(f.db, { orgId: f.org.id, mentorId: f.mentor1.userId })).toMatchObject([{ id: f.started, displayName: '甲', mentoredUntil: '2026-11-16' }]);
    expect(listPastMentees(f.db, { orgId: f.org.id, mentorId: f.mentor2.userId })).toEqual([]);
    expect(listTraineesWithMentor(f.db, { orgId: f.org.id, mentorId: f.mentor2.userId }).map((t) => [t.displayName, t.mentorName])).toEqual([['甲', 'mentor2']]);
  });

  it('a mentor given back a trainee is current again, not past', () => {
    const f = fixture();
    reassignTraineeMentor(input(f.started, f.mentor2.userId), ctx(f.db, f.lead));
    reassignTraineeMentor(input(f.started, f.mentor1.userId, '调回'), ctx(f.db, f.lead));
    expect(listPastMentees(f.db, { orgId: f.org.id, mentorId: f.mentor1.userId })).toEqual([]);
    expect(listPastMentees(f.db, { orgId: f.org.id, mentorId: f.mentor2.userId }).map((t) => t.displayName)).toEqual(['甲']);
  });
});
