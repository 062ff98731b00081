import { afterEach, describe, expect, it, vi } from 'vitest';
import { certificates, probationScores, programEvents } from '@/db/schema';
import { getTrainee } from '@/db/queries/trainees';
import type { AssessorKind } from '@/domain/program-settings';
import { assessorKindsFor, loadProbationReview } from '@/lib/assessment';
import type { Actor } from '@/lib/authz';
import { checkCertificate } from '@/lib/certificates';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { createAssessmentFixture, PROBATION_END, PROBATION_START, type AssessmentFixture } from '@/lib/test/assessment-fixture';
import { setToday } from '@/lib/test/floor-fixture';
import { correctProbationSignOff, signOffProbation, submitProbationScore } from './handlers';

afterEach(() => {
  vi.useRealTimers();
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected a refusal');
}

const key = (n: number) => `request-key-${String(n).padStart(8, '0')}`;

/** The trainee passed the solo week on its last day: probation runs 11-23 … 12-04. */
function inProbation() {
  const f = createAssessmentFixture();
  f.append([{ kind: 'solo_passed', effectiveDate: '2026-11-20', payload: { scorePercent: 88 } }], '2026-11-20');
  return f;
}

function scoreAs(f: AssessmentFixture, actor: Actor, assessorKind: AssessorKind, score: number, comment = '表现稳定。') {
  return submitProbationScore({ traineeId: f.trainee.id, assessorKind, score, comment }, { db: f.db, actor });
}

const SCORES: Record<AssessorKind, number> = { department_head: 70, mentor: 75, qa: 72, training_specialist: 74, branch_coach: 76 };

function scoreEveryone(f: AssessmentFixture, scores: Record<AssessorKind, number> = SCORES) {
  scoreAs(f, f.mentor, 'mentor', scores.mentor);
  scoreAs(f, f.qa, 'qa', scores.qa);
  for (const kind of ['department_head', 'training_specialist', 'branch_coach'] as const) scoreAs(f, f.lead, kind, scores[kind]);
}

function review(f: AssessmentFixture, today: string) {
  const ctx = loadProgramContext(f.db, f.org.id);
  const plan = computeTraineePlan(f.db, ctx, f.trainee, today);
  return { plan, review: loadProbationReview(f.db, { plan, traineeId: f.trainee.id, settings: ctx.settings, today })! };
}

describe('probation scores', () => {
  it('each role scores its own assessor kinds: mentor → mentor, qa → qa, a lead → the other three', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    const settings = loadProgramContext(f.db, f.org.id).settings;
    const record = getTrainee(f.db, { orgId: f.org.id, traineeId: f.trainee.id })!;
    expect(assessorKindsFor(f.mentor, record, settings)).toEqual(['mentor']);
    expect(assessorKindsFor(f.qa, record, settings)).toEqual(['qa']);
    expect(assessorKindsFor(f.lead, record, settings)).toEqual(['department_head', 'training_specialist', 'branch_coach']);
    expect(assessorKindsFor(f.otherMentor, record, settings)).toEqual([]);
    expect(refusal(() => scoreAs(f, f.mentor, 'qa', 90))).toBe('not_found');
    expect(refusal(() => scoreAs(f, f.qa, 'department_head', 90))).toBe('not_found');
    expect(refusal(() => scoreAs(f, f.lead, 'mentor', 90))).toBe('not_found');
    expect(refusal(() => scoreAs(f, f.otherMentor, 'mentor', 90))).toBe('not_found');
    expect(refusal(() => scoreAs(f, f.traineeActor, 'mentor', 100))).toBe('not_found');
    expect(refusal(() => scoreAs(f, f.otherLead, 'department_head', 90))).toBe('not_found');
    expect(f.db.select().from(probationScores).all()).toHaveLength(0);
  });

  it('opens in the last week of the period', () => {
    const f = inProbation();
    setToday('2026-11-25');
    expect(review(f, '2026-11-25').review.scoringOpensOn).toBe('2026-11-28');
    expect(refusal(() => scoreAs(f, f.mentor, 'mentor', 90))).toBe('probation_scoring_not_open');
    setToday('2026-11-30');
    expect(scoreAs(f, f.mentor, 'mentor', 90).duplicate).toBe(false);
  });

  it('are immutable: a second submission returns the stored score and changes nothing', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    const first = scoreAs(f, f.mentor, 'mentor', 82, '沟通顺畅。');
    const again = scoreAs(f, f.mentor, 'mentor', 99, '改一下分数');
    expect(again).toEqual({ ...first, duplicate: true });
    expect(f.db.select().from(probationScores).all()).toEqual([expect.objectContaining({ score: 82, comment: '沟通顺畅。', attempt: 1 })]);
  });
});

describe('the probation sign-off', () => {
  it('the weighted result is Σ weight × score / Σ weight over the enabled assessors', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    scoreEveryone(f, { department_head: 86, mentor: 90, qa: 84, training_specialist: 88, branch_coach: 85 });
    // 0.2×86 + 0.3×90 + 0.2×84 + 0.2×88 + 0.1×85 = 87.1 (program.yaml weights sum to 1)
    expect(review(f, PROBATION_END).review.result).toMatchObject({ complete: true, weightedScore: 87.1, passed: true });
  });

  it('needs every score and the last day of the period; only a lead signs off', () => {
    const f = inProbation();
    setToday('2026-12-01');
    scoreEveryone(f);
    const input = { traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'failed' as const, requestKey: key(1) };
    expect(refusal(() => signOffProbation(input, { db: f.db, actor: f.lead }))).toBe('probation_not_due');
    setToday(PROBATION_END);
    for (const actor of [f.mentor, f.qa, f.traineeActor, f.otherLead]) {
      expect(refusal(() => signOffProbation(input, { db: f.db, actor })), actor.displayName).toBe('not_found');
    }
    expect(f.db.select().from(programEvents).all().some((e) => e.kind.startsWith('probation_'))).toBe(false);
  });

  it('a pass certifies in the same transaction: a certificate row with a code, and `certified`', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    scoreEveryone(f, { department_head: 86, mentor: 90, qa: 84, training_specialist: 88, branch_coach: 85 });
    const lead = { db: f.db, actor: f.lead };
    const signed = signOffProbation({ traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'passed', requestKey: key(1) }, lead);
    expect(signed.kinds).toEqual(['probation_passed', 'certified']);
    expect(signed.certificateCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const rows = f.db.select().from(certificates).all();
    expect(rows).toEqual([expect.objectContaining({ traineeId: f.trainee.id, code: signed.certificateCode, issuedOn: PROBATION_END })]);
    const { plan } = review(f, PROBATION_END);
    expect(plan.status).toBe('certified');
    expect(plan.certificate?.code).toBe(signed.certificateCode);
    expect(checkCertificate(f.db, signed.certificateCode!.toLowerCase())).toMatchObject({ valid: true, certifiedOn: PROBATION_END });
    // Posting the same form again returns what was stored; scores are closed now.
    expect(signOffProbation({ traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'passed', requestKey: key(1) }, lead)).toEqual({
      ...signed,
      duplicate: true,
    });
    expect(refusal(() => signOffProbation({ traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'failed', requestKey: key(2) }, lead))).toBe('stale');
    expect(scoreAs(f, f.mentor, 'mentor', 10).duplicate).toBe(true);
    expect(f.db.select().from(certificates).all()).toHaveLength(1);
  });

  it('signing off against the weighted result needs a reason; a fail schedules retraining in the stage the lead names', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    scoreEveryone(f);
    const lead = { db: f.db, actor: f.lead };
    const input = { traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'passed' as const, requestKey: key(1) };
    expect(refusal(() => signOffProbation(input, lead))).toBe('probation_result_needs_reason');
    const failed = signOffProbation({ ...input, result: 'failed', retrainingStage: 'shadowing', requestKey: key(2) }, lead);
    expect(failed.kinds).toEqual(['probation_failed', 'retraining_scheduled']);
    const { plan } = review(f, PROBATION_END);
    expect(plan.blocks.find((b) => b.kind === 'retraining')).toMatchObject({ stage: 'shadowing' });
    expect(plan.blocks.filter((b) => b.stage === 'probation')).toHaveLength(2);
    expect(f.db.select().from(certificates).all()).toHaveLength(0);
  });

  it('correcting a pass withdraws the certificate: the code no longer verifies', () => {
    const f = inProbation();
    setToday(PROBATION_END);
    scoreEveryone(f, { department_head: 86, mentor: 90, qa: 84, training_specialist: 88, branch_coach: 85 });
    const lead = { db: f.db, actor: f.lead };
    const signed = signOffProbation({ traineeId: f.trainee.id, blockStart: PROBATION_START, result: 'passed', requestKey: key(1) }, lead);
    const fix = { traineeId: f.trainee.id, eventId: signed.eventIds[0]!, result: 'failed' as const, reason: '部门负责人的评分录错了', requestKey: key(2) };
    for (const actor of [f.mentor, f.qa, f.traineeActor]) {
      expect(refusal(() => correctProbationSignOff(fix, { db: f.db, actor })), actor.displayName).toBe('not_found');
    }
    const corrected = correctProbationSignOff(fix, lead);
    expect(corrected.kinds).toEqual(['probation_failed', 'event_voided', 'retraining_scheduled']);
    expect(checkCertificate(f.db, signed.certificateCode!)).toEqual({ valid: false });
    const { plan } = review(f, PROBATION_END);
    expect(plan.certificate).toBeNull();
    expect(plan.status).not.toBe('certified');
    // Correcting back certifies again with the same code.
    const back = correctProbationSignOff({ ...fix, eventId: corrected.eventIds[0]!, result: 'passed', requestKey: key(3) }, lead);
    expect(back.certificateCode).toBe(signed.certificateCode);
    expect(checkCertificate(f.db, signed.certificateCode!)).toMatchObject({ valid: true });
  });
});
