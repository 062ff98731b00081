import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/test/db';
import type { Db } from '../client';
import { callReviews, calls, dailySamples, organisations, sampledCalls, trainees, userRoles, users, type Role, type TraineeStatus } from '../schema';
import {
  countDaySampledCalls,
  countPendingMentorReviews,
  listCohorts,
  listDashboardTrainees,
  listDayMentorReviews,
  listMentors,
} from './dashboard';

function fixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  const user = (username: string, displayName: string, roles: Role[], orgId = org.id, disabled = false) => {
    const row = db.insert(users).values({ orgId, username, displayName, passwordHash: 'x', disabled }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: row.id, role }).run();
    return row.id;
  };
  const mentorA = user('ma', '张伟', ['mentor']);
  const mentorB = user('mb', '刘洋', ['mentor']);
  const disabledMentor = user('md', '停用', ['mentor'], org.id, true);
  // Lost the mentor role but still named on a trainee: must still appear.
  const formerMentor = user('mf', '前导师', ['qa']);
  const outsiderMentor = user('mx', '外部', ['mentor'], other.id);
  const trainee = (
    username: string,
    name: string,
    values: { traineeClass: 'A' | 'B'; cohort: string; mentorId: number | null; status?: TraineeStatus },
    orgId = org.id,
  ) =>
    db
      .insert(trainees)
      .values({ orgId, userId: user(username, name, ['trainee'], orgId), startDate: '2026-11-02', status: values.status ?? 'on_track', ...values })
      .returning()
      .get().id;
  const t1 = trainee('t1', '赵一', { traineeClass: 'A', cohort: '2026-11', mentorId: mentorA });
  const t2 = trainee('t2', '钱二', { traineeClass: 'B', cohort: '2026-11', mentorId: mentorB });
  const t3 = trainee('t3', '孙三', { traineeClass: 'A', cohort: '2026-10', mentorId: mentorA, status: 'certified' });
  const t4 = trainee('t4', '李四', { traineeClass: 'B', cohort: '2026-09', mentorId: formerMentor, status: 'exited' });
  const t5 = trainee('t5', '周五', { traineeClass: 'A', cohort: '2026-10', mentorId: null });
  const outsider = trainee('tx', '外人', { traineeClass: 'A', cohort: '2027-01', mentorId: outsiderMentor }, other.id);
  return { db, org, other, mentorA, mentorB, disabledMentor, formerMentor, outsiderMentor, t1, t2, t3, t4, t5, outsider };
}

describe('listDashboardTrainees', () => {
  const f = fixture();
  const names = (rows: { displayName: string }[]) => rows.map((r) => r.displayName);

  it('lists the organisation’s trainees, newest cohort first, with the mentor’s name', () => {
    const rows = listDashboardTrainees(f.db, { orgId: f.org.id });
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.cohort)).toEqual(['2026-11', '2026-11', '2026-10', '2026-10', '2026-09']);
    expect(rows.find((r) => r.id === f.t1)).toMatchObject({ mentorName: '张伟', traineeClass: 'A', cohort: '2026-11', startDate: '2026-11-02' });
    expect(rows.find((r) => r.id === f.t5)?.mentorName).toBeNull();
    expect(rows.some((r) => r.id === f.outsider)).toBe(false);
  });

  it('filters by cohort, class and mentor', () => {
    expect(names(listDashboardTrainees(f.db, { orgId: f.org.id, cohort: '2026-10' })).sort()).toEqual(['周五', '孙三'].sort());
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, traineeClass: 'B' }).map((r) => r.id).sort()).toEqual([f.t2, f.t4].sort());
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, mentorId: f.mentorA }).map((r) => r.id).sort()).toEqual([f.t1, f.t3].sort());
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, cohort: '2026-11', traineeClass: 'A' }).map((r) => r.id)).toEqual([f.t1]);
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, cohort: '2027-01' })).toEqual([]);
  });

  it('pre-filters on the cached status when asked', () => {
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, cachedStatusIn: ['certified'] }).map((r) => r.id)).toEqual([f.t3]);
    expect(listDashboardTrainees(f.db, { orgId: f.org.id, cachedStatusNotIn: ['certified', 'exited'] }).map((r) => r.id).sort()).toEqual(
      [f.t1, f.t2, f.t5].sort(),
    );
  });
});

describe('listCohorts and listMentors', () => {
  const f = fixture();

  it('lists the organisation’s cohorts, newest first, once each', () => {
    expect(listCohorts(f.db, { orgId: f.org.id })).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('lists enabled mentors and anyone still mentoring a trainee, not other organisations’', () => {
    const mentors = listMentors(f.db, { orgId: f.org.id }).map((m) => m.id).sort();
    expect(mentors).toEqual([f.mentorA, f.mentorB, f.formerMentor].sort());
  });

  it('narrows to the mentors of a cohort’s or class’s trainees, keeping the one already chosen', () => {
    const ids = (params: { cohort?: string; traineeClass?: 'A' | 'B'; include?: number }) =>
      listMentors(f.db, { orgId: f.org.id, ...params }).map((m) => m.id).sort();
    expect(ids({ cohort: '2026-10' })).toEqual([f.mentorA]);
    expect(ids({ traineeClass: 'B' })).toEqual([f.mentorB, f.formerMentor].sort());
    expect(ids({ cohort: '2026-11', traineeClass: 'A' })).toEqual([f.mentorA]);
    expect(ids({ cohort: '2026-10', include: f.mentorB })).toEqual([f.mentorA, f.mentorB].sort());
    expect(ids({ cohort: '2027-01' })).toEqual([]);
    // Another organisation's mentor isn't offered even when asked to include it.
    expect(ids({ cohort: '2026-10', include: f.outsiderMentor })).toEqual([f.mentorA]);
  });
});

describe('pending reviews and a day’s reviews', () => {
  const f = fixture();
  const { db } = f;
  function sample(traineeId: number, day: string, n: number, orgId = f.org.id) {
    const ids = Array.from({ length: n }, (_, i) =>
      db
        .insert(calls)
        .values({ orgId, traineeId, externalId: `${traineeId}-${day}-${i}`, agentCode: 'x', startedAt: i, day, durationSec: 90, direction: 'inbound' })
        .returning()
        .get().id,
    );
    const s = db.insert(dailySamples).values({ traineeId, day, seed: 's', algorithm: 't', poolCallIds: ids }).returning().get();
    return ids.map((callId, slot) => db.insert(sampledCalls).values({ sampleId: s.id, callId, slot }).returning().get());
  }
  function review(traineeId: number, callId: number, day: string, kind: 'mentor' | 'assessment', extra: Partial<typeof callReviews.$inferInsert> = {}) {
    db.insert(callReviews)
      .values({ orgId: f.org.id, callId, traineeId, reviewerId: f.mentorA, kind, day, scorecardVersion: 1, items: {}, total: 88, criticalFailed: false, passed: true, ...extra })
      .run();
  }

  const day1 = sample(f.t1, '2026-11-23', 5);
  review(f.t1, day1[0]!.callId, '2026-11-23', 'mentor', { note: '开头规范', items: { opening: { rating: 'met' } } });
  review(f.t1, day1[1]!.callId, '2026-11-23', 'mentor', { passed: false, total: 62 });
  review(f.t1, day1[2]!.callId, '2026-11-23', 'assessment');
  db.update(sampledCalls).set({ replacedAt: 1, replaceReason: '录音损坏' }).where(eq(sampledCalls.id, day1[3]!.id)).run();
  sample(f.t1, '2026-11-24', 5);
  sample(f.t1, '2026-11-26', 5);
  sample(f.t2, '2026-11-24', 3);
  sample(f.outsider, '2026-11-24', 5, f.other.id);

  it('counts sampled calls without a mentor review up to the day, per trainee, in the organisation', () => {
    // Day 1: 5 sampled, 1 replaced, 2 reviewed by the mentor (a qa assessment doesn't count) → 2; day 2: 5; day 3 is after.
    const pending = countPendingMentorReviews(db, { orgId: f.org.id, traineeIds: [f.t1, f.t2, f.t3, f.outsider], upTo: '2026-11-25' });
    expect([...pending.entries()].sort()).toEqual([
      [f.t1, 7],
      [f.t2, 3],
    ].sort());
    expect(countPendingMentorReviews(db, { orgId: f.org.id, traineeIds: [], upTo: '2026-11-25' }).size).toBe(0);
  });

  it('reads the mentor’s reviews of one day with the call id, and the day’s sample size', () => {
    const reviews = listDayMentorReviews(db, { traineeId: f.t1, day: '2026-11-23' });
    expect(reviews.map((r) => [r.callId, r.passed, r.total, r.reviewerName])).toEqual([
      [day1[0]!.callId, true, 88, '张伟'],
      [day1[1]!.callId, false, 62, '张伟'],
    ]);
    expect(reviews[0]).toMatchObject({ externalId: `${f.t1}-2026-11-23-0`, note: '开头规范', items: { opening: { rating: 'met' } }, acknowledgedAt: null });
    expect(listDayMentorReviews(db, { traineeId: f.t2, day: '2026-11-23' })).toEqual([]);
    expect(countDaySampledCalls(db, { traineeId: f.t1, day: '2026-11-23' })).toBe(4);
    expect(countDaySampledCalls(db, { traineeId: f.t1, day: '2026-11-25' })).toBe(0);
  });
});
