// Loads and validates content/scorecard.yaml. A broken scorecard (weights not summing to
// 100, duplicate ids, a dimension typo) throws at load and fails lib/content/scorecard.test.ts,
// so it fails CI rather than a mentor's review.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { NOT_APPLICABLE, type Scorecard } from '@/domain/scorecard';

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case ascii');
const text = z.string().trim().min(1);

const levelSchema = z.object({
  id: idSchema.refine((id) => id !== NOT_APPLICABLE, `"${NOT_APPLICABLE}" is reserved for not applicable`),
  label: text,
  ratio: z.number().min(0).max(1),
  description: text,
});

const dimensionSchema = z.object({ id: idSchema, title: text, description: text });

const itemSchema = z.object({
  id: idSchema,
  title: text,
  weight: z.number().positive(),
  allowNotApplicable: z.boolean(),
  notApplicableHint: text.optional(),
  dimensions: z.array(idSchema).min(1),
  description: text,
  checks: z.array(text).min(1),
  source: text,
});

const criticalItemSchema = z.object({ id: idSchema, title: text, description: text, source: text });

const changelogEntrySchema = z.object({
  version: z.number().int().positive(),
  // YAML parses an unquoted 2026-11-24 as a string with the core schema we use.
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: text,
});

export const scorecardFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    title: text,
    passMark: z.number().min(0).max(100),
    changelog: z.array(changelogEntrySchema).min(1),
    levels: z.array(levelSchema).min(2),
    dimensions: z.array(dimensionSchema).min(1),
    items: z.array(itemSchema).min(1),
    criticalItems: z.array(criticalItemSchema),
  })
  .superRefine((card, ctx) => {
    const weightSum = card.items.reduce((sum, item) => sum + item.weight, 0);
    if (Math.abs(weightSum - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `item weights sum to ${weightSum}, not 100` });
    }
    const ids = [...card.items.map((i) => i.id), ...card.criticalItems.map((c) => c.id)];
    for (const dup of duplicates(ids)) ctx.addIssue({ code: 'custom', path: ['items'], message: `duplicate item id ${dup}` });
    for (const dup of duplicates(card.levels.map((l) => l.id))) ctx.addIssue({ code: 'custom', path: ['levels'], message: `duplicate level id ${dup}` });
    for (const dup of duplicates(card.dimensions.map((d) => d.id))) {
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `duplicate dimension id ${dup}` });
    }
    const dimensionIds = new Set(card.dimensions.map((d) => d.id));
    card.items.forEach((item, index) => {
      for (const d of item.dimensions) {
        if (!dimensionIds.has(d)) ctx.addIssue({ code: 'custom', path: ['items', index, 'dimensions'], message: `item ${item.id}: unknown dimension ${d}` });
      }
      if (item.notApplicableHint && !item.allowNotApplicable) {
        ctx.addIssue({ code: 'custom', path: ['items', index], message: `item ${item.id}: notApplicableHint without allowNotApplicable` });
      }
    });
    for (const d of card.dimensions) {
      if (!card.items.some((i) => i.dimensions.includes(d.id))) {
        ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `dimension ${d.id} has no item` });
      }
    }
    // Without at least one item that can't be N/A, a review could have nothing to score.
    if (!card.items.some((i) => !i.allowNotApplicable)) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'at least one item must not allow N/A' });
    }
    const ratios = card.levels.map((l) => l.ratio);
    if (!ratios.includes(1) || !ratios.includes(0)) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels must include a full (1) and a zero (0) ratio' });
    }
    if (!card.changelog.some((entry) => entry.version === card.version)) {
      ctx.addIssue({ code: 'custom', path: ['changelog'], message: `no changelog entry for version ${card.version}` });
    }
  });

export type ScorecardContent = z.infer<typeof scorecardFileSchema>;

// The content shape must stay usable by the domain arithmetic; this line stops compiling if they drift.
const _domainCompatible: (card: ScorecardContent) => Scorecard = (card) => card;
void _domainCompatible;

let cached: ScorecardContent | undefined;

export const SCORECARD_PATH = path.join('content', 'scorecard.yaml');

/** The current scorecard; read and validated once per process. */
export function loadScorecard(): ScorecardContent {
  if (!cached) cached = parseScorecard(fs.readFileSync(path.join(process.cwd(), SCORECARD_PATH), 'utf8'), SCORECARD_PATH);
  return cached;
}

/** Parses scorecard YAML text; `source` names the file in error messages. */
export function parseScorecard(yamlText: string, source = 'scorecard'): ScorecardContent {
  const result = scorecardFileSchema.safeParse(parse(yamlText));
  if (!result.success) throw new Error(`${source} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}
