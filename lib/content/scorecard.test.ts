import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { computeDimensionScores, scoreCallReview } from '@/domain/scorecard';
import { buildReviewInputSchema } from '@/domain/scorecard-input';
import { loadScorecard, parseScorecard, SCORECARD_PATH } from './scorecard';

// SPEC.md "Scorecard": these item ids are what reports and reviews refer to.
const SPEC_ITEMS = ['opening', 'courtesy', 'listening', 'hold', 'accuracy', 'confirmation', 'voice', 'complaint_handling', 'work_order', 'closing'];
const SPEC_CRITICAL = ['argue_or_insult', 'disclose_customer_data', 'hang_up_on_customer'];

describe('content/scorecard.yaml', () => {
  const card = loadScorecard();

  it('is version 1 with a changelog entry for it', () => {
    expect(card.version).toBe(1);
    expect(card.changelog.map((c) => c.version)).toContain(card.version);
  });

  it('has the SPEC items and critical items, with unique ids', () => {
    expect(card.items.map((i) => i.id)).toEqual(SPEC_ITEMS);
    expect(card.criticalItems.map((c) => c.id)).toEqual(SPEC_CRITICAL);
    const ids = [...card.items, ...card.criticalItems].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has weights summing to 100', () => {
    expect(card.items.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
  });

  it('allows N/A only for situations a call may not have: hold, complaint, work order', () => {
    expect(card.items.filter((i) => i.allowNotApplicable).map((i) => i.id)).toEqual(['hold', 'complaint_handling', 'work_order']);
    for (const item of card.items) expect(Boolean(item.notApplicableHint)).toBe(item.allowNotApplicable);
  });

  it('tags items with the three solo-assessment dimensions, each used', () => {
    expect(card.dimensions.map((d) => d.id)).toEqual(['service_language', 'service_warmth', 'business_mastery']);
    for (const d of card.dimensions) expect(card.items.some((i) => i.dimensions.includes(d.id))).toBe(true);
  });

  it('has three levels 达标/部分达标/未达标 worth 100%/50%/0%', () => {
    expect(card.levels.map((l) => [l.id, l.label, l.ratio])).toEqual([
      ['met', '达标', 1],
      ['partial', '部分达标', 0.5],
      ['not_met', '未达标', 0],
    ]);
  });

  it('cites a source for every item and critical item', () => {
    for (const item of [...card.items, ...card.criticalItems]) expect(item.source).toMatch(/seeds\/00\d/);
  });

  it('is read once and cached', () => {
    expect(loadScorecard()).toBe(card);
  });

  it('works with the domain arithmetic and review schema', () => {
    const schema = buildReviewInputSchema(card);
    const input = {
      scorecardVersion: card.version,
      items: Object.fromEntries(card.items.map((i) => [i.id, { rating: i.allowNotApplicable ? 'na' : 'met' }])),
    };
    const parsed = schema.parse({ ...input, items: { ...input.items, accuracy: { rating: 'partial' } } });
    // N/A: hold 8 + complaint 10 + work order 8 = 26 → applicable 74; accuracy partial loses 10 → 64/74 = 86.5
    expect(scoreCallReview(card, parsed.items, parsed.critical)).toMatchObject({ total: 86.5, passed: true, criticalFailed: false });
    expect(Object.keys(computeDimensionScores(card, parsed.items))).toEqual(['service_language', 'service_warmth', 'business_mastery']);
  });
});

describe('parseScorecard', () => {
  const original = fs.readFileSync(path.join(process.cwd(), SCORECARD_PATH), 'utf8');
  type Raw = {
    version: number;
    items: { id: string; weight: number; dimensions: string[]; allowNotApplicable: boolean; notApplicableHint?: string }[];
    levels: { id: string }[];
    criticalItems: { id: string }[];
    changelog: unknown[];
  };
  function broken(mutate: (raw: Raw) => void): string {
    const raw = parse(original) as Raw;
    mutate(raw);
    return stringify(raw);
  }

  it.each([
    ['weights not summing to 100', (r: Raw) => void (r.items[0]!.weight += 1), /sum to 101/],
    ['duplicate item id', (r: Raw) => void (r.items[1]!.id = r.items[0]!.id), /duplicate item id opening/],
    ['critical id clashing with an item', (r: Raw) => void (r.criticalItems[0]!.id = 'voice'), /duplicate item id voice/],
    ['unknown dimension', (r: Raw) => void r.items[0]!.dimensions.push('charm'), /unknown dimension charm/],
    ['reserved level id', (r: Raw) => void (r.levels[0]!.id = 'na'), /reserved/],
    ['version without changelog entry', (r: Raw) => void (r.version = 2), /no changelog entry for version 2/],
    ['N/A hint on an item that forbids N/A', (r: Raw) => void (r.items[0]!.notApplicableHint = '不适用'), /notApplicableHint/],
    ['negative weight', (r: Raw) => void (r.items[0]!.weight = -8), /items/],
  ])('refuses %s', (_name, mutate, message) => {
    expect(() => parseScorecard(broken(mutate))).toThrow(message);
  });

  it('parses the real file unchanged', () => {
    expect(parseScorecard(original)).toEqual(loadScorecard());
  });
});
