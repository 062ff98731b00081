import { describe, expect, it } from 'vitest';
import { loadProgramSettings } from '@/lib/content/program';
import {
  computeLiveListenCoverage,
  evaluateBlockDays,
  evaluateDay,
  listDailyRequirementCodes,
  type DayCounts,
  type DayStatus,
} from './day-status';
import type { BlockRef } from './plan-types';

const settings = loadProgramSettings();
const TODAY = '2026-03-11';
const PAST = '2026-03-10';

const shadowing: BlockRef = { stage: 'shadowing', kind: 'regular' };
const drills: BlockRef = { stage: 'drills', kind: 'regular' };
const supervised: BlockRef = { stage: 'supervised', kind: 'regular' };
const extension: BlockRef = { stage: 'supervised', kind: 'extension' };

function statusOf(block: BlockRef, counts: Partial<DayCounts>, date = PAST, excused = false): DayStatus {
  return evaluateDay({ block, date, today: TODAY, counts, excused, settings }).status;
}

describe('evaluateDay', () => {
  it.each([
    // seeds/000 篇二 四(二)4 1): 全天在线旁听 + 每日事后旁听其他客服代表的10通话务录音
    ['seeds/000 篇二 四(二)4 1)', shadowing, { liveShadowingAttended: true, recordingsLogged: 10 }, PAST, 'met'],
    ['seeds/000 篇二 四(二)4 1)', shadowing, { liveShadowingAttended: true, recordingsLogged: 9 }, PAST, 'missed'],
    ['seeds/000 篇二 四(二)4 1)', shadowing, { liveShadowingAttended: false, recordingsLogged: 12 }, PAST, 'missed'],
    ['seeds/000 篇二 四(二)4 1)', shadowing, { liveShadowingAttended: true, recordingsLogged: 3 }, TODAY, 'pending'],
    ['seeds/000 篇二 四(二)4 1)', shadowing, { liveShadowingAttended: true, recordingsLogged: 10 }, TODAY, 'met'],
    ['seeds/000 篇二 四(二)4 1)', shadowing, {}, '2026-03-12', 'pending'],
    // seeds/000 篇二 四(二)4 2): 叙写当日演练话务的相关话述
    ['seeds/000 篇二 四(二)4 2)', drills, { drillScriptSubmitted: true }, PAST, 'met'],
    ['seeds/000 篇二 四(二)4 2)', drills, { drillScriptSubmitted: 1 }, PAST, 'met'],
    ['seeds/000 篇二 四(二)4 2)', drills, { drillScriptSubmitted: false }, PAST, 'missed'],
    // seeds/000 篇二 四(二)4 3): 每日随机抽选本人接听的5通典型话务 … 予以指导
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 30, callsSampled: 5, callsReviewed: 5 }, PAST, 'met'],
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 30, callsSampled: 5, callsReviewed: 4 }, PAST, 'missed'],
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 30, callsSampled: 4, callsReviewed: 4 }, PAST, 'missed'],
    // Fewer calls than the quota: all are sampled and reviewed, and the day is met.
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 3, callsSampled: 3, callsReviewed: 3 }, PAST, 'met'],
    // Only 2 calls were ≥ 30 s: sampling those 2 is enough.
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 6, callsEligible: 2, callsSampled: 2, callsReviewed: 2 }, PAST, 'met'],
    // No call at all is not a met day: the lead excuses a quiet line.
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 0 }, PAST, 'missed'],
    ['seeds/000 篇二 四(二)4 3)', supervised, { callsHandled: 8, callsSampled: 5, callsReviewed: 2 }, TODAY, 'pending'],
    // seeds/000 篇二 四(三)(二)2): the extension week keeps the supervised quota and the recordings.
    ['seeds/000 篇二 四(三)(二)2)', extension, { callsHandled: 30, callsSampled: 5, callsReviewed: 5, recordingsLogged: 10 }, PAST, 'met'],
    ['seeds/000 篇二 四(三)(二)2)', extension, { callsHandled: 30, callsSampled: 5, callsReviewed: 5, recordingsLogged: 4 }, PAST, 'missed'],
    // Classroom, solo and probation days have no daily quota.
    ['SPEC stage table', { stage: 'classroom', kind: 'regular' } as BlockRef, {}, PAST, 'not_required'],
    ['SPEC stage table', { stage: 'solo', kind: 'regular' } as BlockRef, {}, PAST, 'not_required'],
    ['SPEC stage table', { stage: 'probation', kind: 'regular' } as BlockRef, {}, PAST, 'not_required'],
  ] as const)('%s: %o day with %o on %s is %s', (_rule, block, counts, date, expected) => {
    expect(statusOf(block, counts, date)).toBe(expected);
  });

  it('SPEC Calendar: an excused day is excused whatever was logged, and still shows its requirement', () => {
    const day = evaluateDay({ block: shadowing, date: PAST, today: TODAY, counts: { recordingsLogged: 2 }, excused: true, settings });
    expect(day.status).toBe('excused');
    expect(day.requirements).toContainEqual({ code: 'recordings', target: 10, done: 2, met: false });
  });

  it('returns each requirement with its target and what was done', () => {
    const day = evaluateDay({
      block: supervised,
      date: TODAY,
      today: TODAY,
      counts: { callsHandled: 12, callsSampled: 5, callsReviewed: 3 },
      excused: false,
      settings,
    });
    expect(day.requirements).toEqual([
      { code: 'calls_handled', target: 1, done: 12, met: true },
      { code: 'calls_sampled', target: 5, done: 5, met: true },
      { code: 'calls_reviewed', target: 5, done: 3, met: false },
    ]);
  });

  it('a sampled call beyond the eligible pool must be reviewed too (reviewed ≥ min(quota, sampled))', () => {
    const day = evaluateDay({
      block: supervised,
      date: PAST,
      today: TODAY,
      counts: { callsHandled: 6, callsEligible: 2, callsSampled: 4, callsReviewed: 2 },
      excused: false,
      settings,
    });
    expect(day.requirements.find((r) => r.code === 'calls_reviewed')).toEqual({ code: 'calls_reviewed', target: 4, done: 2, met: false });
    expect(day.status).toBe('missed');
  });

  it('liveShadowingRequired: false leaves only the recordings', () => {
    const relaxed = { ...settings, quotas: { ...settings.quotas, shadowing: { recordingsPerDay: 10, liveShadowingRequired: false } } };
    expect(listDailyRequirementCodes(shadowing, relaxed)).toEqual(['recordings']);
  });

  it('retraining uses the quota of the stage retrained in', () => {
    expect(listDailyRequirementCodes({ stage: 'shadowing', kind: 'retraining' }, settings)).toEqual(['live_shadowing', 'recordings']);
    expect(listDailyRequirementCodes({ stage: 'supervised', kind: 'retraining' }, settings)).toEqual([
      'calls_handled',
      'calls_sampled',
      'calls_reviewed',
    ]);
  });

  it('evaluateBlockDays lists counted and excused days in date order', () => {
    const days = evaluateBlockDays(
      { ...shadowing, workingDays: ['2026-03-09', '2026-03-11'], excusedDays: ['2026-03-10'] },
      new Map([['2026-03-09', { liveShadowingAttended: true, recordingsLogged: 10 }]]),
      TODAY,
      settings,
    );
    expect(days.map((d) => [d.date, d.status])).toEqual([
      ['2026-03-09', 'met'],
      ['2026-03-10', 'excused'],
      ['2026-03-11', 'pending'],
    ]);
  });
});

describe('computeLiveListenCoverage (seeds/000 篇二 四(二)3: mentor live-listens to ≥50% of calls)', () => {
  it.each([
    [[{ callsHandled: 10, callsLiveListened: 5 }], 0.5, 'met'],
    [[{ callsHandled: 10, callsLiveListened: 4 }, { callsHandled: 10, callsLiveListened: 7 }], 0.55, 'met'],
    [[{ callsHandled: 10, callsLiveListened: 4 }, { callsHandled: 10, callsLiveListened: 5 }], 0.45, 'below'],
    [[{ callsHandled: 4, callsLiveListened: 9 }], 1, 'met'],
    [[{ callsHandled: 0, callsLiveListened: 0 }], null, 'not_applicable'],
    [[], null, 'not_applicable'],
  ] as const)('%o → ratio %s, %s', (days, ratio, status) => {
    const coverage = computeLiveListenCoverage(days, settings);
    expect(coverage.ratio).toBe(ratio);
    expect(coverage.status).toBe(status);
    expect(coverage.target).toBe(0.5);
  });
});
