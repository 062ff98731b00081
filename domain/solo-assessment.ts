// The one-week solo assessment (独立上线考核) decision.
// seeds/000 篇二 四(三)(二)2): one week of solo calls scored on service language, warmth and business mastery; fail → one more week of supervised training.
// seeds/000 篇二 四(三)(二)1): the business-knowledge exam (业务知识考核) is part of the assessment.

export type SoloAssessmentFailureReason =
  | 'below_pass_mark'
  | 'too_few_calls'
  | 'critical_failure'
  | 'exam_not_passed'
  | 'exam_missing';

export interface SoloAssessmentSettings {
  /** Minimum average call total, 0..100 (program setting, default 80). */
  passMark: number;
  /** Minimum number of qa-scored calls in the week (program setting, default 10). */
  minScoredCalls: number;
  /** Whether the business-knowledge exam must be passed (program setting, default true). */
  examRequired: boolean;
}

export interface SoloAssessmentInput {
  /** The week's qa-scored calls (totals from scoreCallReview). */
  scoredCalls: readonly { total: number; criticalFailed: boolean }[];
  /** The trainee's best business-knowledge exam result so far; null = not taken. */
  examPassed: boolean | null;
  settings: SoloAssessmentSettings;
}

export interface SoloAssessmentResult {
  passed: boolean;
  /** Mean call total, one decimal; null when no call was scored. */
  average: number | null;
  scoredCount: number;
  /** Every unmet condition, in a fixed order, so the trainee sees all of them at once. */
  reasons: SoloAssessmentFailureReason[];
}

/**
 * Passes when the scored calls average at least the pass mark, enough calls were scored,
 * no call failed a critical item, and (if required) the exam is passed. Calls that failed a
 * critical item still count in the average and the call count: they were scored.
 */
export function evaluateSoloAssessment(input: SoloAssessmentInput): SoloAssessmentResult {
  const { scoredCalls, examPassed, settings } = input;
  const scoredCount = scoredCalls.length;
  const average =
    scoredCount === 0 ? null : Math.round((scoredCalls.reduce((sum, c) => sum + c.total, 0) / scoredCount) * 10) / 10;

  const reasons: SoloAssessmentFailureReason[] = [];
  if (average !== null && average < settings.passMark) reasons.push('below_pass_mark');
  // A week with no scored call has no average to judge, so it can't pass even if minScoredCalls were set to 0.
  if (scoredCount < Math.max(1, settings.minScoredCalls)) reasons.push('too_few_calls');
  if (scoredCalls.some((c) => c.criticalFailed)) reasons.push('critical_failure');
  if (settings.examRequired) {
    if (examPassed === null) reasons.push('exam_missing');
    else if (!examPassed) reasons.push('exam_not_passed');
  }

  return { passed: reasons.length === 0, average, scoredCount, reasons };
}
