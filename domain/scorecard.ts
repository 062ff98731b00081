// Call scorecard arithmetic and the review form's schema, shared by the mentor's daily
// review and qa's solo-assessment scoring. The scorecard itself is content
// (content/scorecard.yaml, loaded by lib/content/scorecard.ts); this file only needs its shape.
import { z } from 'zod';

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

export const REVIEW_COMMENT_MAX = 500;
export const REVIEW_NOTE_MAX = 2000;

/**
 * The review form's schema for one scorecard version, used by react-hook-form (zodResolver)
 * in the browser and by the server action. Messages are i18n codes, not prose.
 *
 * Shape: { scorecardVersion, items: { [itemId]: { rating, comment? } }, critical: { [criticalId]: boolean }, note? }
 * - every item needs a rating; N/A only where the item allows it;
 * - a ticked critical item needs an overall note, because it fails the call outright and
 *   the trainee must be told why;
 * - scorecardVersion must match, so a form opened before a scorecard change is refused
 *   instead of being scored against the wrong items.
 */
export function buildReviewInputSchema(scorecard: Scorecard) {
  const levelIds = scorecard.levels.map((l) => l.id);
  const itemShape: Record<string, z.ZodType<{ rating: string; comment?: string | undefined }>> = {};
  for (const item of scorecard.items) {
    const allowed = item.allowNotApplicable ? [...levelIds, NOT_APPLICABLE] : levelIds;
    itemShape[item.id] = z.object(
      {
        rating: z.string({ error: 'review.itemRequired' }).superRefine((value, ctx) => {
          if (value === '') ctx.addIssue({ code: 'custom', message: 'review.itemRequired' });
          else if (value === NOT_APPLICABLE && !item.allowNotApplicable) {
            ctx.addIssue({ code: 'custom', message: 'review.notApplicableNotAllowed' });
          } else if (!allowed.includes(value)) ctx.addIssue({ code: 'custom', message: 'review.invalidRating' });
        }),
        comment: z.string({ error: 'review.invalidComment' }).trim().max(REVIEW_COMMENT_MAX, { error: 'review.commentTooLong' }).optional(),
      },
      { error: 'review.itemRequired' },
    );
  }

  const criticalShape: Record<string, z.ZodDefault<z.ZodBoolean>> = {};
  for (const critical of scorecard.criticalItems) {
    criticalShape[critical.id] = z.boolean({ error: 'review.invalidCriticalFlag' }).default(false);
  }

  return z
    .object({
      scorecardVersion: z.literal(scorecard.version, { error: 'review.scorecardVersionMismatch' }),
      items: z.object(itemShape, { error: 'review.itemRequired' }),
      critical: z.object(criticalShape, { error: 'review.invalidCriticalFlag' }).prefault({}),
      note: z.string({ error: 'review.invalidNote' }).trim().max(REVIEW_NOTE_MAX, { error: 'review.noteTooLong' }).optional(),
    })
    // `when` below lets this run on a value that failed the object check — even undefined or null.
    .refine((review) => !Object.values(review?.critical ?? {}).some((flag) => flag === true) || (review?.note ?? '') !== '', {
      path: ['note'],
      error: 'review.criticalNoteRequired',
      // Run even when item ratings have errors, so the form shows every problem at once;
      // only the two fields this rule reads have to be valid.
      when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== 'critical' && issue.path?.[0] !== 'note'),
    });
}

export type CallReviewInput = z.output<ReturnType<typeof buildReviewInputSchema>>;

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
