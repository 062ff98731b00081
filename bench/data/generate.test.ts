// The generated data must be what the app itself would have written: the trainee_days counters equal
// the rows they count, the cached status and dashboard facts equal the engine's recomputation from
// the stored events and days, and every foreign key holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { decodeSampleAlgorithm } from '@/lib/call-samples';
import { listTraineeStatusCache } from '@/db/queries/program';
import { computeTraineeDashboardFacts, computeTraineePlan, currentStageOf, loadProgramContext } from '@/lib/program';
import { BENCH_TODAY } from '../config';
import { generateBenchDatabase, type GenerateSummary } from './generate';

let dir: string;
let db: Db;
let summary: GenerateSummary;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
  const file = path.join(dir, 'bench.db');
  summary = await generateBenchDatabase({
    file,
    today: BENCH_TODAY,
    size: { trainees: 240, cohorts: 40, mentors: 12, leads: 3, qa: 2, pageSeconds: 0, mixedSeconds: 0 },
  });
  db = openDatabase(file);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${BENCH_TODAY}T02:00:00Z`));
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  db?.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

describe('generateBenchDatabase', () => {
  it('spreads trainees over the program: every status a lead sees, and the stages in between', () => {
    expect(Object.keys(summary.statuses).sort()).toEqual(
      expect.arrayContaining(['behind', 'certified', 'exited', 'not_started', 'on_track']),
    );
    expect(Object.keys(summary.stages)).toEqual(expect.arrayContaining(['classroom', 'shadowing', 'supervised', 'solo', 'probation', 'certified']));
    expect(summary.rows.calls).toBeGreaterThan(summary.rows.trainees! * 50);
  });

  it('stores the engine’s status, stage and dashboard facts for the stored events and day facts', () => {
    const ctx = loadProgramContext(db, 1);
    const rows = all<{ id: number; dashboard_facts: string; status_as_of: string }>('select id, dashboard_facts, status_as_of from trainees');
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const trainee of listTraineeStatusCache(db, { orgId: 1 })) {
      const plan = computeTraineePlan(db, ctx, trainee, BENCH_TODAY);
      expect({ id: trainee.id, status: trainee.status, stage: trainee.currentStage }).toEqual({ id: trainee.id, status: plan.status, stage: currentStageOf(plan) });
      expect(stored.get(trainee.id)!.status_as_of).toBe(BENCH_TODAY);
      expect(JSON.parse(stored.get(trainee.id)!.dashboard_facts)).toEqual(computeTraineeDashboardFacts(db, ctx, trainee, BENCH_TODAY));
    }
  });

  it('keeps every trainee_days counter equal to the rows it counts', () => {
    const mismatches = all<{ trainee_id: number; day: string }>(`
      select d.trainee_id, d.day from trainee_days d
      where d.recordings_logged != (select count(*) from recordings r where r.trainee_id = d.trainee_id and r.day = d.day)
         or d.calls_handled != (select count(*) from calls c where c.trainee_id = d.trainee_id and c.day = d.day)
         or d.calls_sampled != (select count(*) from sampled_calls s join daily_samples ds on ds.id = s.sample_id
                                where ds.trainee_id = d.trainee_id and ds.day = d.day and s.replaced_at is null)
         or d.calls_reviewed != (select count(*) from sampled_calls s join daily_samples ds on ds.id = s.sample_id
                                 join call_reviews r on r.call_id = s.call_id and r.kind = 'mentor'
                                 where ds.trainee_id = d.trainee_id and ds.day = d.day and s.replaced_at is null)`);
    expect(mismatches).toEqual([]);
    // Every day with recordings or calls has its day row (the engine reads only the rows).
    const orphans = all(`
      select trainee_id, day from recordings except select trainee_id, day from trainee_days
      union select trainee_id, day from calls except select trainee_id, day from trainee_days`);
    expect(orphans).toEqual([]);
  });

  it('leaves calls waiting for their mentor’s review, for the benchmark’s review form and writes', () => {
    const [row] = all<{ n: number }>(`
      select count(*) as n from sampled_calls s left join call_reviews r on r.call_id = s.call_id and r.kind = 'mentor'
      where r.id is null and s.replaced_at is null`);
    expect(row?.n).toBeGreaterThan(50);
  });

  it('stores each daily sample’s algorithm as the app does, so its draw can be verified and swapped', () => {
    const algorithms = db.$client.prepare('select distinct algorithm from daily_samples').pluck().all() as string[];
    expect(algorithms.length).toBeGreaterThan(0);
    for (const stored of algorithms) expect(decodeSampleAlgorithm(stored)).not.toBeNull();
  });

  it('holds every foreign key and passes the integrity check', () => {
    expect(all('pragma foreign_key_check')).toEqual([]);
    expect(all<{ integrity_check: string }>('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
