// Loads and validates the simulation drill scenarios in content/drills/*.yaml (one scenario
// per file, file name = id). A drill that names a scorecard item that doesn't exist throws at
// load and fails lib/content/drills.test.ts.
// seeds/000 篇二 四(二)4 2): A-class trainees drill calls face to face in groups and write that day's scripts (话述).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadScorecard, type ScorecardContent } from './scorecard';

export const DRILL_TYPES = [
  'consultation',
  'complaint',
  'angry_customer',
  'work_order',
  'collection',
  'hold_check',
  'confidentiality',
  'transfer',
  'special_situation',
] as const;
export type DrillType = (typeof DRILL_TYPES)[number];

export const DRILL_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type DrillDifficulty = (typeof DRILL_DIFFICULTIES)[number];

const text = z.string().trim().min(1);
const scorecardRef = z.string().regex(/^[a-z][a-z0-9_]*$/);

const drillStepSchema = z.object({
  /** What the role-player (customer) says; stage directions in parentheses. */
  customer: text,
  /** What the trainee is expected to do in response. */
  expect: text,
  /** If the trainee does X, the role-player answers Y. */
  branches: z.array(z.object({ when: text, customer: text })).default([]),
});

export const drillScenarioSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'drill ids are kebab-case ascii'),
  title: text,
  type: z.enum(DRILL_TYPES),
  difficulty: z.enum(DRILL_DIFFICULTIES),
  /** inbound: the customer calls the hotline; outbound: the trainee calls (e.g. arrears reminders). */
  direction: z.enum(['inbound', 'outbound']),
  durationMinutes: z.number().int().min(3).max(60),
  summary: text,
  goals: z.array(text).min(1),
  persona: z.object({
    name: text,
    profile: text,
    mood: text,
    /** What the role-player knows and reveals only when the trainee asks the right question. */
    facts: z.array(text).min(1),
  }),
  roleplayNotes: z.array(text).min(1),
  steps: z.array(drillStepSchema).min(3),
  keyPhrases: z.array(text).min(3),
  commonMistakes: z.array(text).min(3),
  /** Scorecard item ids the drill exercises; the mentor scores these. */
  scorecardItems: z.array(scorecardRef).min(1),
  /** Critical (fail-the-call) items the scenario tempts the trainee towards. */
  criticalRisks: z.array(scorecardRef).default([]),
  debrief: z.array(text).default([]),
  sources: z.array(text).min(1),
});

export type DrillScenario = z.infer<typeof drillScenarioSchema>;
export type DrillStep = z.infer<typeof drillStepSchema>;

export const DRILLS_DIR = path.join('content', 'drills');

let cached: DrillScenario[] | undefined;

/** Every drill scenario, validated and cross-checked against the scorecard; read once per process. */
export function loadDrillScenarios(): DrillScenario[] {
  if (!cached) {
    const dir = path.join(process.cwd(), DRILLS_DIR);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const drills = files.map((file) => parseDrillScenario(fs.readFileSync(path.join(dir, file), 'utf8'), path.join(DRILLS_DIR, file)));
    const problems = [...checkDrillFiles(files, drills), ...checkDrillReferences(drills, loadScorecard())];
    if (problems.length > 0) throw new Error(`content/drills is invalid:\n${problems.join('\n')}`);
    cached = sortDrills(drills);
  }
  return cached;
}

export function getDrillScenario(id: string): DrillScenario | undefined {
  return loadDrillScenarios().find((d) => d.id === id);
}

/** Parses one drill file's YAML text; `source` names the file in error messages. */
export function parseDrillScenario(yamlText: string, source = 'drill'): DrillScenario {
  const result = drillScenarioSchema.safeParse(parse(yamlText));
  if (!result.success) throw new Error(`${source} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** File name must be `<id>.yaml` so a link to a drill can be traced to its file; ids unique. */
export function checkDrillFiles(files: readonly string[], drills: readonly DrillScenario[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  drills.forEach((drill, i) => {
    if (files[i] !== `${drill.id}.yaml`) problems.push(`${files[i]}: id ${drill.id} does not match the file name`);
    if (seen.has(drill.id)) problems.push(`duplicate drill id ${drill.id}`);
    seen.add(drill.id);
  });
  return problems;
}

/** Every scorecardItems entry must be a scorecard item, every criticalRisks entry a critical item. */
export function checkDrillReferences(drills: readonly DrillScenario[], scorecard: ScorecardContent): string[] {
  const itemIds = new Set(scorecard.items.map((i) => i.id));
  const criticalIds = new Set(scorecard.criticalItems.map((c) => c.id));
  const problems: string[] = [];
  for (const drill of drills) {
    for (const ref of drill.scorecardItems) {
      if (!itemIds.has(ref)) problems.push(`${drill.id}: scorecardItems names unknown item ${ref}`);
    }
    for (const ref of drill.criticalRisks) {
      if (!criticalIds.has(ref)) problems.push(`${drill.id}: criticalRisks names unknown critical item ${ref}`);
    }
    if (new Set(drill.scorecardItems).size !== drill.scorecardItems.length) problems.push(`${drill.id}: scorecardItems has duplicates`);
  }
  return problems;
}

/** Training order: by type as listed in DRILL_TYPES, then easy → hard, then id. */
function sortDrills(drills: readonly DrillScenario[]): DrillScenario[] {
  const rank = (d: DrillScenario) => DRILL_TYPES.indexOf(d.type) * 10 + DRILL_DIFFICULTIES.indexOf(d.difficulty);
  return drills.slice().sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
