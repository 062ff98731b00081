import { describe, expect, it } from 'vitest';
import {
  computeProbationResult,
  probationScoreInputSchema,
  type ProbationAssessor,
  type ProbationScore,
} from './probation-review';

const ASSESSORS: ProbationAssessor[] = [
  { kind: 'department_head', weight: 30, enabled: true },
  { kind: 'mentor', weight: 30, enabled: true },
  { kind: 'qa', weight: 20, enabled: true },
  { kind: 'training_specialist', weight: 20, enabled: true },
  { kind: 'branch_coach', weight: 10, enabled: false },
];
const ALL_SCORES: ProbationScore[] = [
  { kind: 'department_head', score: 85 },
  { kind: 'mentor', score: 90 },
  { kind: 'qa', score: 72 },
  { kind: 'training_specialist', score: 80 },
];

describe('computeProbationResult', () => {
  it('matches the hand computation', () => {
    // Enabled weights: 30 + 30 + 20 + 20 = 100 (branch coach disabled, its 10 is left out).
    // 30×85 + 30×90 + 20×72 + 20×80 = 2550 + 2700 + 1440 + 1600 = 8290
    // 8290 / 100 = 82.9 ≥ 80 → passed
    expect(computeProbationResult({ assessors: ASSESSORS, scores: ALL_SCORES, passMark: 80 })).toEqual({
      complete: true,
      missingKinds: [],
      weightedScore: 82.9,
      passed: true,
    });
  });

  it('renormalises weights over the enabled assessors', () => {
    // Only mentor (3) and qa (1) enabled: (3×90 + 1×70) / 4 = 340 / 4 = 85
    const assessors: ProbationAssessor[] = [
      { kind: 'department_head', weight: 30, enabled: false },
      { kind: 'mentor', weight: 3, enabled: true },
      { kind: 'qa', weight: 1, enabled: true },
    ];
    const scores: ProbationScore[] = [
      { kind: 'mentor', score: 90 },
      { kind: 'qa', score: 70 },
      { kind: 'department_head', score: 0 }, // disabled assessor's score is ignored
    ];
    expect(computeProbationResult({ assessors, scores, passMark: 80 })).toMatchObject({ complete: true, weightedScore: 85, passed: true });
  });

  it('gives the same result for weights at any scale', () => {
    const scaled = ASSESSORS.map((a) => ({ ...a, weight: a.weight / 10 }));
    expect(computeProbationResult({ assessors: scaled, scores: ALL_SCORES, passMark: 80 }).weightedScore).toBe(82.9);
  });

  it.each([
    ['below the pass mark', 85, false],
    ['exactly the pass mark', 82.9, true],
  ])('%s', (_name, passMark, passed) => {
    expect(computeProbationResult({ assessors: ASSESSORS, scores: ALL_SCORES, passMark }).passed).toBe(passed);
  });

  it('rounds to one decimal: (1×80 + 2×85) / 3 = 83.333… → 83.3', () => {
    const assessors: ProbationAssessor[] = [
      { kind: 'mentor', weight: 1, enabled: true },
      { kind: 'qa', weight: 2, enabled: true },
    ];
    const scores: ProbationScore[] = [
      { kind: 'mentor', score: 80 },
      { kind: 'qa', score: 85 },
    ];
    expect(computeProbationResult({ assessors, scores, passMark: 80 }).weightedScore).toBe(83.3);
  });

  it('gives no score until every enabled assessor has scored, and lists who is missing', () => {
    const result = computeProbationResult({ assessors: ASSESSORS, scores: ALL_SCORES.slice(0, 2), passMark: 80 });
    expect(result).toEqual({ complete: false, missingKinds: ['qa', 'training_specialist'], weightedScore: null, passed: null });
    expect(computeProbationResult({ assessors: ASSESSORS, scores: [], passMark: 80 }).missingKinds).toHaveLength(4);
  });

  it('works with custom assessor kinds from settings', () => {
    const result = computeProbationResult({
      assessors: [{ kind: 'team_lead', weight: 1, enabled: true }],
      scores: [{ kind: 'team_lead', score: 79 }],
      passMark: 80,
    });
    expect(result).toMatchObject({ complete: true, weightedScore: 79, passed: false });
  });

  it.each([
    ['no enabled assessor', ASSESSORS.map((a) => ({ ...a, enabled: false })), ALL_SCORES, /no enabled assessor/],
    ['zero weight on an enabled assessor', [{ kind: 'mentor', weight: 0, enabled: true }], [], /positive weight/],
    ['assessor listed twice', [...ASSESSORS, { kind: 'mentor', weight: 1, enabled: true }], ALL_SCORES, /twice/],
    ['two scores for one kind', ASSESSORS, [...ALL_SCORES, { kind: 'qa', score: 99 }], /two scores/],
    ['score over 100', ASSESSORS, [{ kind: 'qa', score: 101 }], /0\.\.100/],
    ['negative score', ASSESSORS, [{ kind: 'qa', score: -1 }], /0\.\.100/],
  ] as const)('refuses %s', (_name, assessors, scores, error) => {
    expect(() => computeProbationResult({ assessors: assessors as ProbationAssessor<string>[], scores: scores as ProbationScore<string>[], passMark: 80 })).toThrow(error);
  });
});

describe('probationScoreInputSchema', () => {
  it.each([
    [{ score: 85, comment: '' }, 'comment', 'probation.commentRequired'],
    [{ score: 85 }, 'comment', 'probation.commentRequired'],
    [{ score: 101, comment: '好' }, 'score', 'probation.scoreOutOfRange'],
    [{ score: -5, comment: '好' }, 'score', 'probation.scoreOutOfRange'],
    [{ score: Number.NaN, comment: '好' }, 'score', 'probation.scoreRequired'],
    [{ comment: '好' }, 'score', 'probation.scoreRequired'],
    [{ score: 80, comment: 'x'.repeat(2001) }, 'comment', 'probation.commentTooLong'],
  ])('refuses %j', (input, path, code) => {
    const result = probationScoreInputSchema.safeParse(input);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, code]);
  });

  it('accepts a score with a comment', () => {
    expect(probationScoreInputSchema.parse({ score: 88.5, comment: ' 业务熟练，服务热情 ' })).toEqual({ score: 88.5, comment: '业务熟练，服务热情' });
  });
});
