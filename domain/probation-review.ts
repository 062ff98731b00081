// Probation review (试用期内部评定): the enabled assessors' weighted mean against the pass mark.
// seeds/000 篇二 四(三)(一): assessors are the department head, mentor, qa, training specialist and branch coach.
// seeds/000 篇二 四(三)(三): A class is assessed over one month, B over two weeks; below standard → back to retraining.
import * as z from 'zod/mini';
import type { AssessorKind } from './program-settings';

/** The assessor kinds are program settings (content/program.yaml); the arithmetic works for any kind string. */
export type ProbationAssessorKind = AssessorKind;

export interface ProbationAssessor<K extends string = ProbationAssessorKind> {
  kind: K;
  /** Relative weight; only the enabled assessors' weights count, so they need not sum to anything. */
  weight: number;
  enabled: boolean;
}

export interface ProbationScore<K extends string = ProbationAssessorKind> {
  kind: K;
  /** 0..100 */
  score: number;
}

export interface ProbationResultInput<K extends string = ProbationAssessorKind> {
  assessors: readonly ProbationAssessor<K>[];
  /** At most one (the current) score per assessor kind; scores of disabled kinds are ignored. */
  scores: readonly ProbationScore<K>[];
  passMark: number;
}

export interface ProbationResult<K extends string = ProbationAssessorKind> {
  /** Every enabled assessor has scored. */
  complete: boolean;
  /** Enabled assessors still to score, in the assessors' order. */
  missingKinds: K[];
  /** Σ(weight × score) / Σ(weight) over enabled assessors, one decimal; null until complete. */
  weightedScore: number | null;
  /** null until complete. */
  passed: boolean | null;
}

/**
 * No partial result is shown: a weighted mean over some assessors would be a different
 * number from the final one and would invite an early sign-off.
 */
export function computeProbationResult<K extends string>(input: ProbationResultInput<K>): ProbationResult<K> {
  const enabled = input.assessors.filter((a) => a.enabled);
  if (enabled.length === 0) throw new Error('computeProbationResult: no enabled assessor');
  const kinds = new Set<K>();
  for (const a of input.assessors) {
    if (kinds.has(a.kind)) throw new Error(`computeProbationResult: assessor ${a.kind} listed twice`);
    kinds.add(a.kind);
    if (a.enabled && !(Number.isFinite(a.weight) && a.weight > 0)) {
      throw new RangeError(`computeProbationResult: enabled assessor ${a.kind} needs a positive weight, got ${a.weight}`);
    }
  }

  const scoreByKind = new Map<K, number>();
  for (const s of input.scores) {
    if (scoreByKind.has(s.kind)) throw new Error(`computeProbationResult: two scores for ${s.kind}; pass only the current one`);
    if (!(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100)) {
      throw new RangeError(`computeProbationResult: score for ${s.kind} must be 0..100, got ${s.score}`);
    }
    scoreByKind.set(s.kind, s.score);
  }

  const missingKinds = enabled.filter((a) => !scoreByKind.has(a.kind)).map((a) => a.kind);
  if (missingKinds.length > 0) return { complete: false, missingKinds, weightedScore: null, passed: null };

  let weighted = 0;
  let totalWeight = 0;
  for (const a of enabled) {
    weighted += a.weight * (scoreByKind.get(a.kind) ?? 0);
    totalWeight += a.weight;
  }
  const weightedScore = Math.round((weighted * 10) / totalWeight) / 10;
  return { complete: true, missingKinds: [], weightedScore, passed: weightedScore >= input.passMark };
}

export const PROBATION_COMMENT_MAX = 2000;

/** One assessor's probation score form; SPEC: each enabled assessor submits a score and a comment. */
export const probationScoreInputSchema = z.object({
  score: z
    .number({ error: 'probation.scoreRequired' })
    .check(z.gte(0, { error: 'probation.scoreOutOfRange' }), z.lte(100, { error: 'probation.scoreOutOfRange' })),
  comment: z
    .string({ error: 'probation.commentRequired' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'probation.commentRequired' }),
      z.maxLength(PROBATION_COMMENT_MAX, { error: 'probation.commentTooLong' }),
    ),
});
export type ProbationScoreInput = z.output<typeof probationScoreInputSchema>;
