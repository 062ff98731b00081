// The demo data the assessment pages and e2e/assessment.spec.ts start from, seeded for a fixed today.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadProbationReview, loadSoloWeek } from '@/lib/assessment';
import { checkCertificate } from '@/lib/certificates';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { createTestDb } from '@/lib/test/db';
import { getTrainee } from '../queries/trainees';
import { certificates, probationScores, trainees, users } from '../schema';
import { seedDemoData } from '../seed';

const TODAY = '2026-11-25';

describe('the assessment demo data (through the whole demo seed)', async () => {
  const db = createTestDb();
  await seedDemoData(db, TODAY);
  const orgId = db.select({ orgId: trainees.orgId }).from(trainees).get()!.orgId;
  const ctx = loadProgramContext(db, orgId);
  const load = (username: string) => {
    const id = db.select({ id: trainees.id }).from(trainees).innerJoin(users, eq(users.id, trainees.userId)).where(eq(users.username, username)).get()!.id;
    const trainee = getTrainee(db, { orgId, traineeId: id })!;
    const plan = computeTraineePlan(db, ctx, trainee, TODAY);
    return { id, trainee, plan };
  };

  it("computes trainee8's weighted probation score as a hand computation does", () => {
    const { id, plan } = load('trainee8');
    const rows = db.select().from(probationScores).where(eq(probationScores.traineeId, id)).all();
    expect(rows.filter((r) => r.attempt === 1)).toHaveLength(5);
    // Σ weight × score / Σ weight over the enabled assessors, by hand.
    let weighted = 0;
    let weights = 0;
    for (const assessor of ctx.settings.probation.assessors.filter((a) => a.enabled)) {
      const row = rows.find((r) => r.attempt === 1 && r.assessorKind === assessor.kind)!;
      weighted += assessor.weight * row.score;
      weights += assessor.weight;
    }
    const byHand = Math.round((weighted / weights) * 10) / 10;
    expect(byHand).toBe(87.1); // 0.2×86 + 0.3×90 + 0.2×84 + 0.2×88 + 0.1×85
    const review = loadProbationReview(db, { plan, traineeId: id, settings: ctx.settings, today: TODAY })!;
    expect(review).toMatchObject({ attempt: 1, state: 'recorded' });
    expect(review.result.weightedScore).toBe(byHand);
    expect(review.result.passed).toBe(true);
  });

  it("verifies trainee8's certificate code and refuses a made-up one", () => {
    const { id } = load('trainee8');
    const code = db.select().from(certificates).where(eq(certificates.traineeId, id)).get()!.code;
    expect(checkCertificate(db, code)).toMatchObject({ valid: true, traineeClass: 'A', displayName: '王俊' });
    expect(checkCertificate(db, 'AAAA-BBBB-CCCC')).toEqual({ valid: false });
  });

  it('leaves trainee15 with probation over, no score yet, ready to be scored and signed off', () => {
    const { id, plan } = load('trainee15');
    expect(plan.status).toBe('awaiting_assessment');
    expect(plan.currentStage).toBe('probation');
    const review = loadProbationReview(db, { plan, traineeId: id, settings: ctx.settings, today: TODAY })!;
    expect(review).toMatchObject({ state: 'due', scoringOpen: true, scores: [] });
    expect(review.block.plannedEnd < TODAY).toBe(true);
    // Every day of the program was done: nothing shows as missed.
    expect(plan.blocks.flatMap((b) => b.missedDays)).toEqual([]);
    const week = loadSoloWeek(db, { plan, traineeId: id, settings: ctx.settings, scorecard: loadScorecard(), today: TODAY })!;
    expect(week.state).toBe('recorded');
    expect(week.result).toMatchObject({ passed: true, scoredCount: ctx.settings.soloAssessment.minScoredCalls });
  });

  it("leaves trainee11's solo week waiting for its result, with qa's scores on the week's calls", () => {
    const { id, plan } = load('trainee11');
    const week = loadSoloWeek(db, { plan, traineeId: id, settings: ctx.settings, scorecard: loadScorecard(), today: TODAY })!;
    expect(week.state).toBe('due');
    expect(week.result.scoredCount).toBeGreaterThan(0);
  });
});
