// Call scorecard arithmetic, shared by the mentor's daily review and qa's solo-assessment scoring;
// the review form's schema is in domain/scorecard-input.ts (the form shows a live score from this
// file without loading zod). The scorecard itself is content (content/scorecard.yaml, loaded by
// lib/content/scorecard.ts); this file only needs its shape.
export type { CallReviewInput } from './scorecard-input';

/** The rating a reviewer picks when the situation didn't occur in the call (no hold, no complaint…). */
export const NOT_APPLICABLE = 'na' as const;

export interface ScorecardLevel {
  id: string;
  /** Share of the item's weight this level earns, 0..1. */
  ratio: number;
}

export interface ScorecardItem {
  id: string;
  weight: number;
  allowNotApplicable: boolean;
  /** Assessment dimensions the item counts towards (服务用语, 服务热情度, 业务掌握程度). */
  dimensions: readonly string[];
}

export interface ScorecardCriticalItem {
  id: string;
}

export interface ScorecardDimension {
  id: string;
}

export interface Scorecard {
  version: number;
  /** A single call passes at this total (0..100). */
  passMark: number;
  levels: readonly ScorecardLevel[];
  items: readonly ScorecardItem[];
  criticalItems: readonly ScorecardCriticalItem[];
  dimensions: readonly ScorecardDimension[];
}

export interface ItemResult {
  /** A level id, or NOT_APPLICABLE. */
  rating: string;
  comment?: string | undefined;
}

/** Keyed by item id. */
export type ItemResults = Readonly<Partial<Record<string, ItemResult>>>;
/** Keyed by critical item id; true = the reviewer saw it happen. */
export type CriticalFlags = Readonly<Partial<Record<string, boolean>>>;

export interface CallReviewScore {
  /** 0..100, one decimal. */
  total: number;
  criticalFailed: boolean;
  failedCriticalIds: string[];
  /** total ≥ passMark, no critical item, and every item answered. */
  passed: boolean;
  /** Items without a valid rating (unanswered, unknown level, or N/A where N/A isn't allowed). */
  missingItems: string[];
  notApplicableItems: string[];
}

/**
 * Scores one reviewed call.
 *
 * total = Σ(weight × level ratio) / Σ(weight of applicable items) × 100: an item marked N/A
 * leaves both sums, so the rest is renormalised to 100. A missing item counts as applicable
 * and earning nothing, so a half-filled form previews a low total rather than a flattering
 * one, and it can't pass. Pass/fail compares the rounded total, the number people see.
 */
export function scoreCallReview(scorecard: Scorecard, itemResults: ItemResults, criticalFlags: CriticalFlags): CallReviewScore {
  const ratios = levelRatios(scorecard);
  let earned = 0;
  let applicableWeight = 0;
  const missingItems: string[] = [];
  const notApplicableItems: string[] = [];

  for (const item of scorecard.items) {
    const rating = readRating(item, itemResults, ratios);
    if (rating.kind === 'na') {
      notApplicableItems.push(item.id);
      continue;
    }
    applicableWeight += item.weight;
    if (rating.kind === 'missing') missingItems.push(item.id);
    else earned += item.weight * rating.ratio;
  }

  const failedCriticalIds = scorecard.criticalItems.filter((c) => criticalFlags[c.id] === true).map((c) => c.id);
  const criticalFailed = failedCriticalIds.length > 0;
  const total = toPercent(earned, applicableWeight);

  return {
    total,
    criticalFailed,
    failedCriticalIds,
    passed: missingItems.length === 0 && !criticalFailed && total >= scorecard.passMark,
    missingItems,
    notApplicableItems,
  };
}

/**
 * Per-dimension score of one call, 0..100 with one decimal, over the applicable items tagged
 * with that dimension (same renormalisation as the total). null when every item of the
 * dimension was N/A.
 */
export function computeDimensionScores(scorecard: Scorecard, itemResults: ItemResults): Record<string, number | null> {
  const ratios = levelRatios(scorecard);
  const out: Record<string, number | null> = {};
  for (const dimension of scorecard.dimensions) {
    let earned = 0;
    let applicableWeight = 0;
    for (const item of scorecard.items) {
      if (!item.dimensions.includes(dimension.id)) continue;
      const rating = readRating(item, itemResults, ratios);
      if (rating.kind === 'na') continue;
      applicableWeight += item.weight;
      if (rating.kind === 'rated') earned += item.weight * rating.ratio;
    }
    out[dimension.id] = applicableWeight === 0 ? null : toPercent(earned, applicableWeight);
  }
  return out;
}

/**
 * Mean of per-call dimension scores (e.g. a trainee's solo-assessment week), one decimal;
 * calls where the dimension was N/A don't count. null when no call had the dimension.
 */
export function averageDimensionScores(perCall: readonly Readonly<Record<string, number | null>>[]): Record<string, number | null> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const scores of perCall) {
    for (const [dimensionId, score] of Object.entries(scores)) {
      const acc = sums.get(dimensionId) ?? { sum: 0, n: 0 };
      if (score !== null) {
        acc.sum += score;
        acc.n += 1;
      }
      sums.set(dimensionId, acc);
    }
  }
  const out: Record<string, number | null> = {};
  for (const [dimensionId, { sum, n }] of sums) out[dimensionId] = n === 0 ? null : roundToTenth(sum / n);
  return out;
}

type RatingRead = { kind: 'na' } | { kind: 'missing' } | { kind: 'rated'; ratio: number };

function readRating(item: ScorecardItem, itemResults: ItemResults, ratios: ReadonlyMap<string, number>): RatingRead {
  const rating = itemResults[item.id]?.rating;
  if (rating === NOT_APPLICABLE) return item.allowNotApplicable ? { kind: 'na' } : { kind: 'missing' };
  const ratio = rating === undefined ? undefined : ratios.get(rating);
  return ratio === undefined ? { kind: 'missing' } : { kind: 'rated', ratio };
}

function levelRatios(scorecard: Scorecard): Map<string, number> {
  return new Map(scorecard.levels.map((l) => [l.id, l.ratio]));
}

/** earned/weight as a percentage with one decimal, rounded once to avoid float drift. */
function toPercent(earned: number, weight: number): number {
  if (weight <= 0) return 0;
  return Math.round((earned * 1000) / weight) / 10;
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
