import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertDrillGroup, saveDrillScript } from '@/db/queries/drills';
import { ensureTraineeDay, getTraineeDay } from '@/db/queries/shadowing';
import { calls, drillScripts, traineeDays } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { context, createFloorFixture, setToday, type FixtureTrainee } from '@/lib/test/floor-fixture';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { markLiveShadowing } from '../../../shadowing/handlers';
import { commentOnDrillScript, confirmShadowingDay, recordLiveListened } from './handlers';
import { liveListenSchema } from './schema';

afterEach(() => {
  vi.useRealTimers();
});

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

/** The day's calls as the telephony import would leave them: call rows and the day's counter. */
function importCalls(db: Db, trainee: FixtureTrainee, day: string, n: number) {
  for (let i = 0; i < n; i++) {
    db.insert(calls)
      .values({
        orgId: trainee.orgId,
        traineeId: trainee.id,
        externalId: `${trainee.id}-${day}-${i}`,
        agentCode: 'A1',
        startedAt: Date.parse(`${day}T02:00:00Z`) + i * 600_000,
        day,
        durationSec: 120,
        direction: 'inbound',
      })
      .run();
  }
  ensureTraineeDay(db, { traineeId: trainee.id, day });
  db.update(traineeDays)
    .set({ callsHandled: n })
    .where(and(eq(traineeDays.traineeId, trainee.id), eq(traineeDays.day, day)))
    .run();
}

describe('confirmShadowingDay', () => {
  it("the mentor's attendance replaces the trainee's tick and the day is confirmed", () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    markLiveShadowing({ day: '2026-11-10', attended: true }, context(f.db, f.shadowing.actor));
    confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-10', liveShadowing: false }, context(f.db, f.mentor1));
    const row = getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-10' });
    expect(row).toMatchObject({ liveShadowing: false, confirmedBy: f.mentor1.userId });
    expect(row?.confirmedAt).toBeTypeOf('number');
    // A mentor confirms late days too, and a day with nothing logged (the trainee forgot the tick).
    confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-09', liveShadowing: true }, context(f.db, f.mentor1));
    expect(getTraineeDay(f.db, { traineeId: f.shadowing.id, day: '2026-11-09' })?.liveShadowing).toBe(true);
  });

  it("another mentor can't confirm (or learn about) someone else's mentee: not_found", () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    const input = { traineeId: f.shadowing.id, day: '2026-11-10', liveShadowing: true };
    expectRefusal(() => confirmShadowingDay(input, context(f.db, f.mentor2)), 'not_found');
    expectRefusal(() => confirmShadowingDay(input, context(f.db, f.lead)), 'not_found');
    expectRefusal(() => confirmShadowingDay(input, context(f.db, f.shadowing.actor)), 'not_found');
    expectRefusal(() => confirmShadowingDay({ ...input, traineeId: f.outsider.id }, context(f.db, f.mentor1)), 'not_found');
    expectRefusal(() => confirmShadowingDay({ ...input, traineeId: 99_999 }, context(f.db, f.mentor1)), 'not_found');
    expect(f.db.select().from(traineeDays).all()).toHaveLength(0);
  });

  it('refuses a future day, a weekend and a day without shadowing', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    const mentor = context(f.db, f.mentor1);
    expectRefusal(() => confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-11' }, mentor), 'day_in_future');
    expectRefusal(() => confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-08' }, mentor), 'day_not_working');
    expectRefusal(() => confirmShadowingDay({ traineeId: f.shadowing.id, day: '2026-11-05' }, mentor), 'day_not_shadowing');
  });
});

describe('recordLiveListened', () => {
  it('stores the count and the coverage over the stage appears (seeds/000 篇二 四(二)3)', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    importCalls(f.db, f.classB, '2026-11-09', 8);
    importCalls(f.db, f.classB, '2026-11-10', 6);
    const mentor = context(f.db, f.mentor2);
    recordLiveListened({ traineeId: f.classB.id, day: '2026-11-09', callsLiveListened: 4 }, mentor);
    recordLiveListened({ traineeId: f.classB.id, day: '2026-11-10', callsLiveListened: 5 }, mentor);
    // Entering the day again replaces the count: a double submit records once.
    recordLiveListened({ traineeId: f.classB.id, day: '2026-11-10', callsLiveListened: 5 }, mentor);
    const ctx = loadProgramContext(f.db, f.org.id);
    const plan = computeTraineePlan(f.db, ctx, f.classB, '2026-11-10');
    const coverage = plan.blocks[plan.currentBlockIndex!]!.coverage;
    expect(coverage).toMatchObject({ handled: 14, liveListened: 9, status: 'met', target: ctx.settings.quotas.supervised.liveListenCoverage });
  });

  it('refuses more live-listened calls than the trainee handled', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    importCalls(f.db, f.classB, '2026-11-10', 3);
    expectRefusal(
      () => recordLiveListened({ traineeId: f.classB.id, day: '2026-11-10', callsLiveListened: 4 }, context(f.db, f.mentor2)),
      'live_listened_exceeds_handled',
    );
    expect(getTraineeDay(f.db, { traineeId: f.classB.id, day: '2026-11-10' })?.callsLiveListened).toBe(0);
    // Before the day's calls are imported the count is kept; the engine caps it at the calls handled.
    recordLiveListened({ traineeId: f.classB.id, day: '2026-11-09', callsLiveListened: 4 }, context(f.db, f.mentor2));
    expect(getTraineeDay(f.db, { traineeId: f.classB.id, day: '2026-11-09' })?.callsLiveListened).toBe(4);
  });

  it('refuses shadowing days, future days and other mentors', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    expectRefusal(
      () => recordLiveListened({ traineeId: f.shadowing.id, day: '2026-11-10', callsLiveListened: 1 }, context(f.db, f.mentor1)),
      'day_not_supervised',
    );
    expectRefusal(
      () => recordLiveListened({ traineeId: f.classB.id, day: '2026-11-11', callsLiveListened: 1 }, context(f.db, f.mentor2)),
      'day_in_future',
    );
    expectRefusal(
      () => recordLiveListened({ traineeId: f.classB.id, day: '2026-11-10', callsLiveListened: 1 }, context(f.db, f.mentor1)),
      'not_found',
    );
  });

  it('the count must be a whole number: empty, text and negative input are refused with a message', () => {
    const base = { traineeId: 1, day: '2026-11-10' };
    const message = (value: string) => liveListenSchema.safeParse({ ...base, callsLiveListened: value }).error?.issues[0]?.message;
    expect(message('')).toBe('validation.required');
    expect(message('abc')).toBe('floor.validation.wholeNumber');
    expect(message('-1')).toBe('floor.validation.wholeNumber');
    expect(message('2.5')).toBe('floor.validation.wholeNumber');
    expect(message('9999')).toMatch(/^validation\.too_(big|long)/);
    expect(liveListenSchema.parse({ ...base, callsLiveListened: ' 7 ' }).callsLiveListened).toBe(7);
  });
});

describe('commentOnDrillScript', () => {
  it("the trainee's mentor comments; another mentor gets not_found", () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const groupId = insertDrillGroup(f.db, {
      orgId: f.org.id,
      day: '2026-11-09',
      name: 'G1',
      scenarioId: 'hold-check-with-colleague',
      createdBy: f.lead.userId,
      traineeIds: [f.drilling.id],
    });
    const scriptId = saveDrillScript(f.db, {
      traineeId: f.drilling.id,
      day: '2026-11-09',
      groupId,
      scenarioId: 'hold-check-with-colleague',
      script: '您好,请问有什么可以帮到您?',
    });
    expectRefusal(() => commentOnDrillScript({ scriptId, comment: '很好' }, context(f.db, f.mentor2)), 'not_found');
    expectRefusal(() => commentOnDrillScript({ scriptId: scriptId + 100, comment: '很好' }, context(f.db, f.mentor1)), 'not_found');
    commentOnDrillScript({ scriptId, comment: '静音前记得征得同意。' }, context(f.db, f.mentor1));
    expect(f.db.select().from(drillScripts).get()).toMatchObject({ mentorComment: '静音前记得征得同意。', commentedBy: f.mentor1.userId });
  });
});
