import { describe, expect, it } from 'vitest';
import { createAssessmentFixture } from '@/lib/test/assessment-fixture';
import { organisations, programEvents, trainees, users } from '../schema';
import { AUDIT_KINDS, countAuditEntries, listAuditEntries } from './audit';

function fixture() {
  const f = createAssessmentFixture();
  f.append([{ kind: 'absence_excused', effectiveDate: '2026-11-17', payload: { date: '2026-11-17' }, reason: '病假' }], '2026-11-16');
  f.append([{ kind: 'solo_failed', effectiveDate: '2026-11-20', payload: { scorePercent: 70 } }], '2026-11-20');
  // Another organisation's history must never show.
  const other = f.db.insert(organisations).values({ name: 'Third Org' }).returning().get();
  const user = f.db.insert(users).values({ orgId: other.id, username: 'x', displayName: 'x', passwordHash: 'x' }).returning().get();
  const t = f.db.insert(trainees).values({ orgId: other.id, userId: user.id, traineeClass: 'A', cohort: 'c', startDate: '2026-11-02' }).returning().get();
  f.db.insert(programEvents).values({ orgId: other.id, traineeId: t.id, kind: 'override', effectiveDate: '2026-11-02', payload: {}, reason: 'x' }).run();
  return f;
}

describe('the audit history', () => {
  it("lists the organisation's events except enrolment, newest first, with who and why", () => {
    const f = fixture();
    const all = listAuditEntries(f.db, { orgId: f.org.id, limit: 100, offset: 0 });
    expect(all.map((e) => e.kind).sort()).toEqual(['absence_excused', 'exam_recorded', 'extension_scheduled', 'solo_failed', 'stage_completed']);
    expect(all.some((e) => e.kind === 'enrolled')).toBe(false);
    expect(all.every((e) => e.traineeName === 'trainee-b')).toBe(true);
    const failed = all.find((e) => e.kind === 'solo_failed')!;
    expect(failed.actorName).toBe('lead');
    expect(all.find((e) => e.kind === 'extension_scheduled')!.actorName).toBeNull();
    expect(all.find((e) => e.kind === 'absence_excused')!.reason).toBe('病假');
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1]!.createdAt > all[i]!.createdAt || (all[i - 1]!.createdAt === all[i]!.createdAt && all[i - 1]!.id > all[i]!.id)).toBe(true);
    }
    expect(countAuditEntries(f.db, { orgId: f.org.id })).toBe(all.length);
    expect(AUDIT_KINDS).not.toContain('enrolled');
  });

  it('filters by trainee and kind on the server and pages through the rest', () => {
    const f = fixture();
    expect(listAuditEntries(f.db, { orgId: f.org.id, kind: 'absence_excused', limit: 10, offset: 0 }).map((e) => e.reason)).toEqual(['病假']);
    expect(countAuditEntries(f.db, { orgId: f.org.id, kind: 'enrolled' })).toBe(countAuditEntries(f.db, { orgId: f.org.id }));
    expect(countAuditEntries(f.db, { orgId: f.org.id, traineeId: f.trainee.id + 999 })).toBe(0);
    const total = countAuditEntries(f.db, { orgId: f.org.id, traineeId: f.trainee.id });
    const first = listAuditEntries(f.db, { orgId: f.org.id, traineeId: f.trainee.id, limit: 2, offset: 0 });
    const rest = listAuditEntries(f.db, { orgId: f.org.id, traineeId: f.trainee.id, limit: 100, offset: 2 });
    expect(first).toHaveLength(2);
    expect([...first, ...rest].map((e) => e.id)).toEqual(listAuditEntries(f.db, { orgId: f.org.id, limit: 100, offset: 0 }).map((e) => e.id));
    expect(first.length + rest.length).toBe(total);
  });
});
