import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordings, traineeDays } from '@/db/schema';
import { getTraineeDay } from '@/db/queries/shadowing';
import { insertDrillGroup } from '@/db/queries/drills';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { context, createFloorFixture, key, setToday } from '@/lib/test/floor-fixture';
import { confirmShadowingDay } from '../trainees/[id]/shadowing/handlers';
import { logRecording, markLiveShadowing, removeRecording } from './handlers';
import { logRecordingSchema } from './schema';

// The messages the action wrapper would send back per field (lib/action.ts toFieldErrors).
function fieldErrorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (errors[issue.path.map(String).join('.')] ??= []).push(issue.message);
  return errors;
}

afterEach(() => {
  vi.useRealTimers();
});

const entry = {
  recordingRef: 'REC-20261109-001',
  agentName: '王芳',
  callType: 'complaint' as const,
  wentWell: '先安抚情绪再处理问题',
  toLearn: '复述确认客户诉求',
};

function expectRefusal(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected the refusal ${code}`);
}

describe('logRecording', () => {
  it('records a recording on a shadowing day and counts it on the day row', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const result = logRecording({ ...entry, day: '2026-11-09', requestKey: key(1) }, context(f.db, f.shadowing.actor));
    expect(result.duplicate).toBe(false);
    expect(result.nextRequestKey).not.toBe(key(1));
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.recordingsLogged).toBe(1);
  });

  it('the same form submitted twice records once', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const input = { ...entry, day: '2026-11-09', requestKey: key(2) };
    const first = logRecording(input, context(f.db, f.shadowing.actor));
    const second = logRecording(input, context(f.db, f.shadowing.actor));
    expect(second).toMatchObject({ recordingId: first.recordingId, duplicate: true });
    expect(f.db.select().from(recordings).all()).toHaveLength(1);
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.recordingsLogged).toBe(1);
  });

  it('ten recordings and the live shadowing make the day met (seeds/000 篇二 四(二)4 1)', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    const ctx = context(f.db, f.shadowing.actor);
    const programCtx = loadProgramContext(f.db, f.org.id);
    const quota = programCtx.settings.quotas.shadowing.recordingsPerDay;
    markLiveShadowing({ day: '2026-11-10', attended: true }, ctx);
    for (let i = 0; i < quota - 1; i++) logRecording({ ...entry, day: '2026-11-10', requestKey: key(100 + i) }, ctx);
    let plan = computeTraineePlan(f.db, programCtx, f.shadowing, '2026-11-10');
    expect(plan.todayEvaluation?.status).toBe('pending');
    logRecording({ ...entry, day: '2026-11-10', requestKey: key(200) }, ctx);
    plan = computeTraineePlan(f.db, programCtx, f.shadowing, '2026-11-10');
    expect(plan.todayEvaluation?.status).toBe('met');
    expect(plan.todayEvaluation?.requirements.find((r) => r.code === 'recordings')).toMatchObject({ done: quota, target: quota });
  });

  it('missing fields are refused with a message for each', () => {
    const parsed = logRecordingSchema.safeParse({ day: '2026-11-09', recordingRef: '  ', callType: '', requestKey: key(3) });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed);
    for (const field of ['recordingRef', 'agentName', 'callType', 'wentWell', 'toLearn']) {
      expect(errors[field], field).toEqual(['validation.required']);
    }
    expect(logRecordingSchema.safeParse({ ...entry, day: '2026-11-31', requestKey: key(3) }).success).toBe(false);
    expect(logRecordingSchema.safeParse({ ...entry, day: '2026-11-09', callType: 'gossip', requestKey: key(3) }).success).toBe(false);
    expect(logRecordingSchema.safeParse({ ...entry, day: '2026-11-09', requestKey: 'short' }).success).toBe(false);
  });

  it('refuses a weekend, a future day, a day older than the previous working day and a stage without recordings', () => {
    const f = createFloorFixture();
    const ctx = context(f.db, f.shadowing.actor);
    setToday('2026-11-11');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-07', requestKey: key(4) }, ctx), 'day_not_working');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-12', requestKey: key(5) }, ctx), 'day_in_future');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-09', requestKey: key(6) }, ctx), 'day_outside_window');
    // classroom days have no recordings quota, today or later
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-06', requestKey: key(7) }, ctx), 'day_not_shadowing');
    setToday('2026-11-06');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-06', requestKey: key(8) }, ctx), 'day_not_shadowing');
    // class B in supervised calls: no recordings quota in a regular supervised block
    setToday('2026-11-10');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-10', requestKey: key(9) }, context(f.db, f.classB.actor)), 'day_not_shadowing');
    expect(f.db.select().from(recordings).all()).toHaveLength(0);
  });

  it('allows the previous working day until the mentor confirms it', () => {
    const f = createFloorFixture();
    const ctx = context(f.db, f.shadowing.actor);
    setToday('2026-11-10');
    logRecording({ ...entry, day: '2026-11-09', requestKey: key(10) }, ctx);
    confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-09', liveShadowing: true }, context(f.db, f.mentor1));
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-09', requestKey: key(11) }, ctx), 'day_confirmed');
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.recordingsLogged).toBe(1);
  });

  it("can't log for another trainee: the trainee comes from the session, staff have none", () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-09', requestKey: key(12) }, context(f.db, f.mentor1)), 'not_found');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-09', requestKey: key(13) }, context(f.db, f.lead)), 'not_found');
    // A forged traineeId is not part of the input: zod strips it and the recording is the caller's own.
    const forged = logRecordingSchema.parse({ ...entry, day: '2026-11-09', requestKey: key(14), traineeId: f.drilling.id });
    logRecording(forged, context(f.db, f.shadowing.actor));
    const rows = f.db.select().from(recordings).all();
    expect(rows.map((r) => r.traineeId)).toEqual([f.shadowing.id]);
    // A request key already used by another trainee is not a licence to read or write their row.
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-09', requestKey: key(14) }, context(f.db, f.drilling.actor)), 'conflict');
  });

  it('a drills-stage trainee without a group that day keeps shadowing; with a group they drill', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const ctx = context(f.db, f.drilling.actor);
    logRecording({ ...entry, day: '2026-11-09', requestKey: key(15) }, ctx);
    insertDrillGroup(f.db, { orgId: f.org.id, day: '2026-11-10', name: 'G1', scenarioId: 'hold-check-with-colleague', createdBy: f.lead.userId, traineeIds: [f.drilling.id] });
    setToday('2026-11-10');
    expectRefusal(() => logRecording({ ...entry, day: '2026-11-10', requestKey: key(16) }, ctx), 'day_not_shadowing');
  });
});

describe('removeRecording and markLiveShadowing', () => {
  it('a mistaken recording is removed and the count follows; a second click changes nothing', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const ctx = context(f.db, f.shadowing.actor);
    const { recordingId } = logRecording({ ...entry, day: '2026-11-09', requestKey: key(20) }, ctx);
    logRecording({ ...entry, day: '2026-11-09', requestKey: key(21) }, ctx);
    expect(removeRecording({ recordingId }, ctx)).toEqual({ deleted: true });
    expect(removeRecording({ recordingId }, ctx)).toEqual({ deleted: false });
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.recordingsLogged).toBe(1);
  });

  it("another trainee can't remove someone's recording", () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const { recordingId } = logRecording({ ...entry, day: '2026-11-09', requestKey: key(22) }, context(f.db, f.shadowing.actor));
    expect(removeRecording({ recordingId }, context(f.db, f.drilling.actor))).toEqual({ deleted: false });
    expect(f.db.select().from(recordings).all()).toHaveLength(1);
  });

  it('the trainee ticks the live shadowing on a shadowing day, not on a drills day', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    markLiveShadowing({ day: '2026-11-09', attended: true }, context(f.db, f.shadowing.actor));
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.liveShadowing).toBe(true);
    expectRefusal(() => markLiveShadowing({ day: '2026-11-09', attended: true }, context(f.db, f.drilling.actor)), 'day_not_shadowing');
    expect(f.db.select().from(traineeDays).all()).toHaveLength(1);
  });
});
