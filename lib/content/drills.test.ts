import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScorecard } from './scorecard';
import {
  checkDrillFiles,
  checkDrillReferences,
  DRILL_TYPES,
  DRILLS_DIR,
  getDrillScenario,
  loadDrillScenarios,
  parseDrillScenario,
  type DrillScenario,
} from './drills';

describe('content/drills', () => {
  const drills = loadDrillScenarios();

  it('has at least 8 scenarios with unique ids matching their file names', () => {
    expect(drills.length).toBeGreaterThanOrEqual(8);
    const files = fs.readdirSync(path.join(process.cwd(), DRILLS_DIR)).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(drills.map((d) => `${d.id}.yaml`).sort());
    expect(new Set(drills.map((d) => d.id)).size).toBe(drills.length);
  });

  it('covers every kind of call the drills days need', () => {
    const types = new Set(drills.map((d) => d.type));
    for (const type of ['consultation', 'complaint', 'work_order', 'collection', 'hold_check', 'angry_customer', 'confidentiality', 'transfer'] as const) {
      expect(types, type).toContain(type);
    }
  });

  it('has complaints at several difficulties', () => {
    const difficulties = new Set(drills.filter((d) => d.type === 'complaint').map((d) => d.difficulty));
    expect(difficulties.size).toBeGreaterThanOrEqual(2);
  });

  it('has several arrears-reminder (collection) calls, all outbound', () => {
    const collection = drills.filter((d) => d.type === 'collection');
    expect(collection.length).toBeGreaterThanOrEqual(2);
    for (const d of collection) expect(d.direction).toBe('outbound');
  });

  it('references only scorecard items and critical items that exist', () => {
    expect(checkDrillReferences(drills, loadScorecard())).toEqual([]);
  });

  it('exercises every scorecard item somewhere', () => {
    const exercised = new Set(drills.flatMap((d) => d.scorecardItems));
    for (const item of loadScorecard().items) expect(exercised, item.id).toContain(item.id);
  });

  it('gives the role-player something to work with in every scenario', () => {
    for (const d of drills) {
      expect(d.steps.length, d.id).toBeGreaterThanOrEqual(3);
      expect(d.steps.some((s) => s.branches.length > 0), `${d.id} has no branching cue`).toBe(true);
      expect(d.sources.every((s) => /seeds\/00\d/.test(s)), `${d.id} cites its seeds`).toBe(true);
    }
  });

  it('lists drills in training order: by type, then easy → hard', () => {
    const ranks = drills.map((d) => DRILL_TYPES.indexOf(d.type));
    expect(ranks).toEqual(ranks.slice().sort((a, b) => a - b));
  });

  it('finds a scenario by id, and nothing for an unknown id', () => {
    expect(getDrillScenario('collection-bank-balance')?.type).toBe('collection');
    expect(getDrillScenario('no-such-drill')).toBeUndefined();
  });

  it('is read once and cached', () => {
    expect(loadDrillScenarios()).toBe(drills);
  });
});

describe('drill validation', () => {
  const sample = (): DrillScenario => structuredClone(getDrillScenario('hold-check-with-colleague') as DrillScenario);

  it('catches unknown scorecard references', () => {
    const bad = { ...sample(), scorecardItems: ['opening', 'charm'], criticalRisks: ['rudeness'] };
    expect(checkDrillReferences([bad], loadScorecard())).toEqual([
      'hold-check-with-colleague: scorecardItems names unknown item charm',
      'hold-check-with-colleague: criticalRisks names unknown critical item rudeness',
    ]);
  });

  it('catches an id that does not match its file, and duplicates', () => {
    const d = sample();
    expect(checkDrillFiles(['other.yaml'], [d])).toEqual(['other.yaml: id hold-check-with-colleague does not match the file name']);
    expect(checkDrillFiles([`${d.id}.yaml`, `${d.id}.yaml`], [d, d])).toContain(`duplicate drill id ${d.id}`);
  });

  it.each([
    ['unknown type', { type: 'sales' }],
    ['unknown difficulty', { difficulty: 'extreme' }],
    ['too few steps', { steps: [{ customer: '喂', expect: '问候' }] }],
    ['empty goals', { goals: [] }],
    ['non-kebab id', { id: 'Hold_Check' }],
  ])('refuses a file with %s', (_name, patch) => {
    expect(() => parseDrillScenario(stringify({ ...sample(), ...patch }), 'test.yaml')).toThrow(/test\.yaml is invalid/);
  });

  it('defaults missing branches, criticalRisks and debrief to empty lists', () => {
    const { criticalRisks: _c, debrief: _d, ...rest } = sample();
    const parsed = parseDrillScenario(stringify({ ...rest, steps: rest.steps.map(({ customer, expect }) => ({ customer, expect })) }));
    expect(parsed.criticalRisks).toEqual([]);
    expect(parsed.debrief).toEqual([]);
    expect(parsed.steps.every((s) => s.branches.length === 0)).toBe(true);
  });
});
