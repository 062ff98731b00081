import { describe, expect, it } from 'vitest';
import { evaluateSoloAssessment, type SoloAssessmentFailureReason } from './solo-assessment';

const DEFAULTS = { passMark: 80, minScoredCalls: 10, examRequired: true };

/** n calls with the given total; `critical` of them failed a critical item. */
function calls(n: number, total: number, critical = 0) {
  return Array.from({ length: n }, (_, i) => ({ total, criticalFailed: i < critical }));
}

describe('evaluateSoloAssessment', () => {
  it.each<[string, ReturnType<typeof calls>, boolean | null, number | null, SoloAssessmentFailureReason[]]>([
    ['passes: 10 calls averaging 85, exam passed', calls(10, 85), true, 85, []],
    ['passes exactly at the pass mark', calls(10, 80), true, 80, []],
    ['below pass mark', calls(10, 79.9), true, 79.9, ['below_pass_mark']],
    ['too few calls', calls(9, 90), true, 90, ['too_few_calls']],
    ['critical failure despite a high average', [...calls(9, 100), { total: 95, criticalFailed: true }], true, 99.5, ['critical_failure']],
    ['exam not passed', calls(12, 88), false, 88, ['exam_not_passed']],
    ['exam not taken', calls(12, 88), null, 88, ['exam_missing']],
    ['no calls at all', [], true, null, ['too_few_calls']],
    [
      'every reason at once, in a fixed order',
      [...calls(3, 60), { total: 70, criticalFailed: true }],
      false,
      62.5,
      ['below_pass_mark', 'too_few_calls', 'critical_failure', 'exam_not_passed'],
    ],
    ['too few calls and exam missing', calls(4, 90), null, 90, ['too_few_calls', 'exam_missing']],
    ['below pass mark and critical failure', calls(10, 70, 2), true, 70, ['below_pass_mark', 'critical_failure']],
  ])('%s', (_name, scoredCalls, examPassed, average, reasons) => {
    const result = evaluateSoloAssessment({ scoredCalls, examPassed, settings: DEFAULTS });
    expect(result.reasons).toEqual(reasons);
    expect(result.passed).toBe(reasons.length === 0);
    expect(result.average).toBe(average);
    expect(result.scoredCount).toBe(scoredCalls.length);
  });

  it('averages to one decimal: (80 + 81 + 81) / 3 = 80.666… → 80.7', () => {
    const scoredCalls = [80, 81, 81].map((total) => ({ total, criticalFailed: false }));
    const result = evaluateSoloAssessment({ scoredCalls, examPassed: true, settings: { ...DEFAULTS, minScoredCalls: 3 } });
    expect(result.average).toBe(80.7);
    expect(result.passed).toBe(true);
  });

  it('ignores the exam when the program does not require it', () => {
    for (const examPassed of [null, false, true]) {
      const result = evaluateSoloAssessment({ scoredCalls: calls(10, 85), examPassed, settings: { ...DEFAULTS, examRequired: false } });
      expect(result).toMatchObject({ passed: true, reasons: [] });
    }
  });

  it('takes its thresholds from settings', () => {
    const settings = { passMark: 90, minScoredCalls: 5, examRequired: true };
    expect(evaluateSoloAssessment({ scoredCalls: calls(5, 89), examPassed: true, settings }).reasons).toEqual(['below_pass_mark']);
    expect(evaluateSoloAssessment({ scoredCalls: calls(5, 90), examPassed: true, settings }).passed).toBe(true);
  });

  it('never passes a week with no scored call, even if the minimum were set to 0', () => {
    const result = evaluateSoloAssessment({ scoredCalls: [], examPassed: true, settings: { ...DEFAULTS, minScoredCalls: 0 } });
    expect(result).toMatchObject({ passed: false, average: null, reasons: ['too_few_calls'] });
  });
});
