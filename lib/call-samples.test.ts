import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDailySample, listSampledCallRows } from '@/db/queries/calls';
import { dailySamples, sampledCalls, traineeDays } from '@/db/schema';
import { loadProgramSettings } from './content/program';
import { decodeSampleAlgorithm, drawDailySample, encodeSampleAlgorithm, replaceDailySampleCall, verifyDailySample } from './call-samples';
import { importCalls, validateCallRows } from './calls-import';
import { AppError } from './errors';
import { createCallsFixture, NOW_MS, TODAY, type CallsFixture } from './test/calls-fixture';

const { sampledCallsPerDay, minCallSeconds } = loadProgramSettings().quotas.supervised;

/** Imports `durations.length` calls for the day, one a minute from 09:00. */
function importDay(f: CallsFixture, day: string, durations: number[], agent = 'trainee', prefix = `${agent}-${day}`) {
  const raw = durations.map((durationSec, i) => ({
    row: i,
    values: {
      callId: `${prefix}-${String(i).padStart(2, '0')}`,
      agent,
      startTime: `${day} 09:${String(i).padStart(2, '0')}:00`,
      durationSec,
      direction: 'inbound',
    },
  }));
  const { rows, issues } = validateCallRows(raw, { timeZone: 'Asia/Shanghai', nowMs: NOW_MS });
  expect(issues).toEqual([]);
  const result = importCalls(f.db, { orgId: f.orgId, rows, nowMs: NOW_MS });
  expect(result.ok).toBe(true);
}

function dayFacts(f: CallsFixture, day: string) {
  return f.db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, f.traineeId), eq(traineeDays.day, day))).get();
}

function expectAppError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected AppError(${code})`);
}

describe('sample parameters in the algorithm column', () => {
  it('round-trips and refuses what it cannot read', () => {
    const p = { algorithm: 'v1', count: 5, minCallSeconds: 30 };
    expect(encodeSampleAlgorithm(p)).toBe('v1?count=5&minCallSeconds=30');
    expect(decodeSampleAlgorithm(encodeSampleAlgorithm(p))).toEqual(p);
    expect(decodeSampleAlgorithm('v1')).toBeNull();
    expect(decodeSampleAlgorithm('v1?count=-1&minCallSeconds=30')).toBeNull();
  });
});

describe('drawDailySample', () => {
  it('draws the quota from calls of at least the minimum length, stores seed and pool, and counts the day', () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [120, 15, 300, 45, 60, 0, 90, 200, 31, 29]);
    const { sampleId, created } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    expect(created).toBe(true);

    const sample = getDailySample(f.db, { traineeId: f.traineeId, day: TODAY })!;
    expect(sample.id).toBe(sampleId);
    expect(sample.poolCallIds).toHaveLength(10);
    expect(sample.seed).toMatch(new RegExp(`^call-sample:v1:${f.traineeId}:${TODAY}:`));
    expect(sample.shortfall).toBe(0);
    expect(decodeSampleAlgorithm(sample.algorithm)).toEqual({ algorithm: 'v1', count: sampledCallsPerDay, minCallSeconds });

    const rows = listSampledCallRows(f.db, { sampleId });
    expect(rows.map((r) => r.slot)).toEqual([0, 1, 2, 3, 4].slice(0, sampledCallsPerDay));
    const facts = dayFacts(f, TODAY)!;
    expect(facts.callsHandled).toBe(9);
    expect(facts.callsSampled).toBe(sampledCallsPerDay);
    expect(facts.callsReviewed).toBe(0);

    const verification = verifyDailySample(f.db, { sample, traineeId: f.traineeId });
    expect(verification).toMatchObject({ supported: true, drawMatches: true, shortfallMatches: true, matches: true, poolSize: 9, eligibleCount: 7 });
    expect(verification.recomputedDraw).toEqual(rows.map((r) => r.callId));
  });

  it('returns the stored sample on a second draw, whoever asks', () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [60, 60, 60, 60, 60, 60, 60]);
    const first = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    const second = drawDailySample(f.db, f.actors.lead, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS + 1000 });
    expect(second).toEqual({ sampleId: first.sampleId, created: false });
    expect(f.db.select().from(dailySamples).all()).toHaveLength(1);
    expect(f.db.select().from(sampledCalls).all()).toHaveLength(sampledCallsPerDay);
  });

  it('draws every call and shows the shortfall when the day has fewer than the quota', () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [100, 20, 0]);
    const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    const sample = f.db.select().from(dailySamples).where(eq(dailySamples.id, sampleId)).get()!;
    // The 20 s call tops the sample up; the unanswered one is never sampled.
    expect(listSampledCallRows(f.db, { sampleId })).toHaveLength(2);
    expect(sample.shortfall).toBe(sampledCallsPerDay - 2);
    expect(verifyDailySample(f.db, { sample, traineeId: f.traineeId }).matches).toBe(true);
  });

  it('refuses a day without calls, a future day and a day outside the supervised stage', () => {
    const f = createCallsFixture();
    expectAppError(() => drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS }), 'sample_no_calls');
    expectAppError(() => drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: '2026-11-12', nowMs: NOW_MS }), 'sample_future_day');
    importDay(f, '2026-11-05', [60, 60]);
    expectAppError(
      () => drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: '2026-11-05', nowMs: NOW_MS }),
      'sample_not_supervised_day',
    );
    expect(f.db.select().from(dailySamples).all()).toHaveLength(0);
  });

  it("answers not found to another mentor, the trainee and qa", () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [60, 60]);
    for (const who of [f.actors.otherMentor, f.actors.trainee, f.actors.qa, f.actors.admin]) {
      expectAppError(() => drawDailySample(f.db, who, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS }), 'not_found');
    }
  });

  it('stored draws replay the domain rule exactly', () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [45, 61, 300, 12, 99, 250, 31, 32, 33, 34, 35, 36]);
    const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    const sample = getDailySample(f.db, { traineeId: f.traineeId, day: TODAY })!;
    // Tampering with the stored draw is caught by the replay.
    const first = listSampledCallRows(f.db, { sampleId })[0]!;
    const outsider = sample.poolCallIds.find((id) => !listSampledCallRows(f.db, { sampleId }).some((r) => r.callId === id))!;
    f.db.update(sampledCalls).set({ callId: outsider }).where(eq(sampledCalls.id, first.id)).run();
    const verification = verifyDailySample(f.db, { sample, traineeId: f.traineeId });
    expect(verification.drawMatches).toBe(false);
    expect(verification.matches).toBe(false);
  });
});

describe('replaceDailySampleCall', () => {
  function drawn() {
    const f = createCallsFixture();
    importDay(f, TODAY, [120, 130, 140, 150, 160, 170, 180, 190]);
    const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    return { f, sampleId };
  }

  it('swaps a call with a reason, keeps the slot, records who and why, and the replay still matches', () => {
    const { f, sampleId } = drawn();
    const before = listSampledCallRows(f.db, { sampleId });
    const target = before[2]!;
    const { replacementCallId, duplicate } = replaceDailySampleCall(f.db, f.actors.mentor, {
      traineeId: f.traineeId,
      day: TODAY,
      callId: target.callId,
      reason: '客户是同事测试来电',
      nowMs: NOW_MS + 60_000,
    });
    expect(duplicate).toBe(false);
    const after = listSampledCallRows(f.db, { sampleId });
    const old = after.find((r) => r.id === target.id)!;
    expect(old).toMatchObject({ replacedBy: f.actors.mentor.userId, replaceReason: '客户是同事测试来电', replacedAt: NOW_MS + 60_000 });
    const added = after.at(-1)!;
    expect(added).toMatchObject({ slot: target.slot, callId: replacementCallId, replacedAt: null });
    expect(before.some((r) => r.callId === replacementCallId)).toBe(false);
    expect(dayFacts(f, TODAY)?.callsSampled).toBe(sampledCallsPerDay);

    // The same swap submitted twice records once.
    const again = replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, callId: target.callId, reason: 'x', nowMs: NOW_MS });
    expect(again).toEqual({ replacementCallId, duplicate: true });
    expect(listSampledCallRows(f.db, { sampleId })).toHaveLength(after.length);

    // A second swap in another slot, then the whole history replays.
    replaceDailySampleCall(f.db, f.actors.lead, { traineeId: f.traineeId, day: TODAY, callId: before[0]!.callId, reason: '录音缺失', nowMs: NOW_MS + 120_000 });
    const sample = getDailySample(f.db, { traineeId: f.traineeId, day: TODAY })!;
    const verification = verifyDailySample(f.db, { sample, traineeId: f.traineeId });
    expect(verification.replacements).toHaveLength(2);
    expect(verification.matches).toBe(true);
  });

  it('refuses when no call is left to swap in', () => {
    const f = createCallsFixture();
    importDay(f, TODAY, [60, 60, 60]);
    const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
    const callId = listSampledCallRows(f.db, { sampleId })[0]!.callId;
    expectAppError(
      () => replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, callId, reason: '无效', nowMs: NOW_MS }),
      'sample_no_replacement',
    );
  });

  it('refuses another mentor and a call outside the sample', () => {
    const { f } = drawn();
    expectAppError(
      () => replaceDailySampleCall(f.db, f.actors.otherMentor, { traineeId: f.traineeId, day: TODAY, callId: 1, reason: 'x', nowMs: NOW_MS }),
      'not_found',
    );
    expectAppError(
      () => replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, callId: 999_999, reason: 'x', nowMs: NOW_MS }),
      'not_found',
    );
    expectAppError(
      () => replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: '2026-11-10', callId: 1, reason: 'x', nowMs: NOW_MS }),
      'sample_not_drawn',
    );
  });
});
