import { describe, expect, it } from 'vitest';
import {
  averageDimensionScores,
  computeDimensionScores,
  NOT_APPLICABLE,
  scoreCallReview,
  type ItemResults,
  type Scorecard,
} from './scorecard';
import { buildReviewInputSchema } from './scorecard-input';

// Same items, weights and N/A rules as content/scorecard.yaml v1 (the real file is checked
// in lib/content/scorecard.test.ts); kept here so these tests are pure and the arithmetic readable.
const CARD: Scorecard = {
  version: 1,
  passMark: 80,
  levels: [
    { id: 'met', ratio: 1 },
    { id: 'partial', ratio: 0.5 },
    { id: 'not_met', ratio: 0 },
  ],
  dimensions: [{ id: 'service_language' }, { id: 'service_warmth' }, { id: 'business_mastery' }],
  items: [
    { id: 'opening', weight: 8, allowNotApplicable: false, dimensions: ['service_language', 'service_warmth'] },
    { id: 'courtesy', weight: 12, allowNotApplicable: false, dimensions: ['service_language'] },
    { id: 'listening', weight: 10, allowNotApplicable: false, dimensions: ['service_warmth'] },
    { id: 'hold', weight: 8, allowNotApplicable: true, dimensions: ['service_language'] },
    { id: 'accuracy', weight: 20, allowNotApplicable: false, dimensions: ['business_mastery'] },
    { id: 'confirmation', weight: 8, allowNotApplicable: false, dimensions: ['service_warmth', 'business_mastery'] },
    { id: 'voice', weight: 8, allowNotApplicable: false, dimensions: ['service_warmth'] },
    { id: 'complaint_handling', weight: 10, allowNotApplicable: true, dimensions: ['service_warmth', 'business_mastery'] },
    { id: 'work_order', weight: 8, allowNotApplicable: true, dimensions: ['business_mastery'] },
    { id: 'closing', weight: 8, allowNotApplicable: false, dimensions: ['service_language'] },
  ],
  criticalItems: [{ id: 'argue_or_insult' }, { id: 'disclose_customer_data' }, { id: 'hang_up_on_customer' }],
};

const ITEM_IDS = CARD.items.map((i) => i.id);

/** Every item 'met', with overrides. */
function results(overrides: Record<string, string> = {}): ItemResults {
  return Object.fromEntries(ITEM_IDS.map((id) => [id, { rating: overrides[id] ?? 'met' }]));
}
const NA_NO_COMPLAINT_NO_ORDER = { complaint_handling: NOT_APPLICABLE, work_order: NOT_APPLICABLE };

describe('scoreCallReview', () => {
  it.each([
    // [case, overrides, total, passed, hand computation]
    ['all met', {}, 100, true, '100/100'],
    ['all met, three N/A', { hold: 'na', ...NA_NO_COMPLAINT_NO_ORDER }, 100, true, '74/74'],
    ['accuracy partial', { accuracy: 'partial' }, 90, true, '(100 − 20×0.5)/100 = 90/100'],
    ['accuracy partial, three N/A → renormalised', { accuracy: 'partial', hold: 'na', ...NA_NO_COMPLAINT_NO_ORDER }, 86.5, true, '(74 − 10)/74 = 86.486…'],
    ['courtesy missed, listening partial, two N/A', { courtesy: 'not_met', listening: 'partial', ...NA_NO_COMPLAINT_NO_ORDER }, 79.3, false, '(82 − 12 − 5)/82 = 79.268…'],
    ['exactly the pass mark passes', { accuracy: 'not_met' }, 80, true, '80/100'],
    ['everything missed', Object.fromEntries(ITEM_IDS.map((id) => [id, 'not_met'])), 0, false, '0/100'],
  ])('%s → %d (%s)', (_name, overrides, total, passed) => {
    const score = scoreCallReview(CARD, results(overrides), {});
    expect(score.total).toBe(total);
    expect(score.passed).toBe(passed);
    expect(score.criticalFailed).toBe(false);
    expect(score.missingItems).toEqual([]);
  });

  it('lists the N/A items', () => {
    expect(scoreCallReview(CARD, results({ hold: 'na', work_order: 'na' }), {}).notApplicableItems).toEqual(['hold', 'work_order']);
  });

  it.each(['argue_or_insult', 'disclose_customer_data', 'hang_up_on_customer'])('critical %s fails a perfect call', (criticalId) => {
    const score = scoreCallReview(CARD, results(), { [criticalId]: true });
    expect(score.total).toBe(100);
    expect(score.criticalFailed).toBe(true);
    expect(score.failedCriticalIds).toEqual([criticalId]);
    expect(score.passed).toBe(false);
  });

  it('ignores critical flags that are false or unknown', () => {
    const score = scoreCallReview(CARD, results(), { argue_or_insult: false, made_up: true });
    expect(score.criticalFailed).toBe(false);
    expect(score.passed).toBe(true);
  });

  it.each([
    ['unanswered', (r: Record<string, unknown>) => delete r.accuracy, ['accuracy'], 80],
    ['unknown level', (r: Record<string, unknown>) => (r.accuracy = { rating: 'excellent' }), ['accuracy'], 80],
    ['N/A where not allowed', (r: Record<string, unknown>) => (r.opening = { rating: 'na' }), ['opening'], 92],
    ['two missing', (r: Record<string, unknown>) => { delete r.voice; delete r.closing; }, ['voice', 'closing'], 84],
  ])('a missing item (%s) counts as 0 and blocks passing', (_name, mutate, missing, total) => {
    const r: Record<string, unknown> = { ...results() };
    mutate(r);
    const score = scoreCallReview(CARD, r as ItemResults, {});
    expect(score.missingItems).toEqual(missing);
    expect(score.total).toBe(total);
    expect(score.passed).toBe(false);
  });

  it('compares the rounded total with the pass mark (79.95 shows as 80.0 and passes)', () => {
    const card: Scorecard = {
      ...CARD,
      items: [
        { id: 'a', weight: 1599, allowNotApplicable: false, dimensions: [] },
        { id: 'b', weight: 401, allowNotApplicable: false, dimensions: [] },
      ],
    };
    const score = scoreCallReview(card, { a: { rating: 'met' }, b: { rating: 'not_met' } }, {});
    expect(score.total).toBe(80); // 1599/2000 = 79.95
    expect(score.passed).toBe(true);
  });

  it('rounds to one decimal', () => {
    // (100 − 12×0.5 − 8×0.5)/100 = 90; with hold N/A: (92 − 10)/92 = 89.130…
    expect(scoreCallReview(CARD, results({ courtesy: 'partial', opening: 'partial', hold: 'na' }), {}).total).toBe(89.1);
  });
});

describe('computeDimensionScores / averageDimensionScores', () => {
  it('scores each dimension over its applicable items', () => {
    const scores = computeDimensionScores(CARD, results({ accuracy: 'partial', complaint_handling: 'na', hold: 'na' }));
    // business_mastery: accuracy 20 (partial → 10) + confirmation 8 + work_order 8 = 26/36 = 72.2
    // service_language: opening 8 + courtesy 12 + closing 8 (hold N/A) = 28/28
    // service_warmth: opening 8 + listening 10 + confirmation 8 + voice 8 (complaint N/A) = 34/34
    expect(scores).toEqual({ service_language: 100, service_warmth: 100, business_mastery: 72.2 });
  });

  it('is null for a dimension whose items were all N/A', () => {
    const card: Scorecard = {
      ...CARD,
      dimensions: [{ id: 'x' }, { id: 'y' }],
      items: [
        { id: 'a', weight: 50, allowNotApplicable: false, dimensions: ['x'] },
        { id: 'b', weight: 50, allowNotApplicable: true, dimensions: ['y'] },
      ],
    };
    expect(computeDimensionScores(card, { a: { rating: 'partial' }, b: { rating: 'na' } })).toEqual({ x: 50, y: null });
  });

  it('averages per dimension across calls, skipping N/A', () => {
    expect(
      averageDimensionScores([
        { service_language: 80, business_mastery: null },
        { service_language: 90, business_mastery: 70 },
        { service_language: 95, business_mastery: 75 },
      ]),
    ).toEqual({ service_language: 88.3, business_mastery: 72.5 });
    expect(averageDimensionScores([{ x: null }])).toEqual({ x: null });
    expect(averageDimensionScores([])).toEqual({});
  });
});

describe('buildReviewInputSchema', () => {
  const schema = buildReviewInputSchema(CARD);
  const valid = () => ({
    scorecardVersion: 1,
    items: Object.fromEntries(ITEM_IDS.map((id) => [id, { rating: 'met', comment: '' }])) as Record<string, { rating?: unknown; comment?: unknown }>,
    critical: { argue_or_insult: false, disclose_customer_data: false, hang_up_on_customer: false },
    note: '',
  });
  function issues(input: unknown): [string, string][] {
    const result = schema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
  }

  it('accepts a complete review, with N/A where allowed', () => {
    const input = valid();
    input.items.hold = { rating: 'na' };
    input.items.complaint_handling = { rating: 'na', comment: '  本通无投诉  ' };
    const parsed = schema.parse(input);
    expect(parsed.items.complaint_handling?.comment).toBe('本通无投诉');
    expect(scoreCallReview(CARD, parsed.items, parsed.critical).total).toBe(100);
  });

  it('defaults critical flags to false when the form leaves them out', () => {
    const { critical: _omit, ...rest } = valid();
    expect(schema.parse(rest).critical).toEqual({ argue_or_insult: false, disclose_customer_data: false, hang_up_on_customer: false });
  });

  it.each([
    ['item missing entirely', (v: ReturnType<typeof valid>) => delete v.items.accuracy, ['items.accuracy', 'review.itemRequired']],
    ['rating undefined', (v: ReturnType<typeof valid>) => (v.items.accuracy = {}), ['items.accuracy.rating', 'review.itemRequired']],
    ['rating null (radio untouched)', (v: ReturnType<typeof valid>) => (v.items.accuracy = { rating: null }), ['items.accuracy.rating', 'review.itemRequired']],
    ['rating empty', (v: ReturnType<typeof valid>) => (v.items.accuracy = { rating: '' }), ['items.accuracy.rating', 'review.itemRequired']],
    ['N/A not allowed', (v: ReturnType<typeof valid>) => (v.items.accuracy = { rating: 'na' }), ['items.accuracy.rating', 'review.notApplicableNotAllowed']],
    ['unknown rating', (v: ReturnType<typeof valid>) => (v.items.accuracy = { rating: 'great' }), ['items.accuracy.rating', 'review.invalidRating']],
    ['comment too long', (v: ReturnType<typeof valid>) => (v.items.voice = { rating: 'met', comment: '字'.repeat(501) }), ['items.voice.comment', 'review.commentTooLong']],
    ['note too long', (v: ReturnType<typeof valid>) => (v.note = 'x'.repeat(2001)), ['note', 'review.noteTooLong']],
    ['critical without a note', (v: ReturnType<typeof valid>) => (v.critical.hang_up_on_customer = true), ['note', 'review.criticalNoteRequired']],
    ['critical with a blank note', (v: ReturnType<typeof valid>) => { v.critical.argue_or_insult = true; v.note = '   '; }, ['note', 'review.criticalNoteRequired']],
    ['old scorecard version', (v: ReturnType<typeof valid>) => (v.scorecardVersion = 0), ['scorecardVersion', 'review.scorecardVersionMismatch']],
    ['no items at all', (v: ReturnType<typeof valid>) => delete (v as Partial<typeof v>).items, ['items', 'review.itemRequired']],
  ])('refuses: %s', (_name, mutate, expected) => {
    const input = valid();
    mutate(input);
    expect(issues(input)).toContainEqual(expected);
  });

  it('accepts a comment of exactly 500 characters and a note of 2000', () => {
    const input = valid();
    input.items.voice = { rating: 'met', comment: '字'.repeat(500) };
    input.note = 'x'.repeat(2000);
    expect(schema.safeParse(input).success).toBe(true);
  });

  it('accepts a critical flag with a note', () => {
    const input = valid();
    input.critical.disclose_customer_data = true;
    input.note = '向来电者确认了机主姓名';
    const parsed = schema.parse(input);
    const score = scoreCallReview(CARD, parsed.items, parsed.critical);
    expect(score).toMatchObject({ total: 100, criticalFailed: true, passed: false });
  });

  it('reports every problem at once, so the form can mark each field', () => {
    const input = valid();
    delete input.items.opening;
    input.items.hold = { rating: '' };
    input.items.accuracy = { rating: 'na' };
    input.critical.argue_or_insult = true;
    expect(issues(input)).toEqual(
      expect.arrayContaining([
        ['items.opening', 'review.itemRequired'],
        ['items.hold.rating', 'review.itemRequired'],
        ['items.accuracy.rating', 'review.notApplicableNotAllowed'],
        ['note', 'review.criticalNoteRequired'],
      ]),
    );
  });

  it('uses codes, never prose, as messages', () => {
    const all = issues({ scorecardVersion: 'x', items: {}, critical: { argue_or_insult: 'yes' }, note: 5 });
    expect(all.length).toBeGreaterThan(0);
    for (const [, message] of all) expect(message).toMatch(/^review\.[a-zA-Z]+$/);
  });
});
