// Loads and validates content/program.yaml, the program's numbers. A setting that can't be right
// (weights not summing to 1, a pass mark of 120, a stage out of order, a class missing a stage)
// throws at load and fails lib/content/program.test.ts, so it fails CI rather than a trainee.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { isValidTimeZone } from '@/domain/dates';
import {
  assessorKinds,
  programStages,
  traineeClasses,
  trainingStages,
  type ProgramSettings,
} from '@/domain/program-settings';

const positiveInt = z.number().int().positive();
const passMark = z.number().min(0).max(100);
const perClass = <T extends z.ZodType>(value: T) => z.strictObject({ A: value.optional(), B: value.optional() });

const calendarLengthSchema = z.union([
  z.strictObject({ months: positiveInt.max(24) }),
  z.strictObject({ weeks: positiveInt.max(104) }),
  z.strictObject({ days: positiveInt.max(730) }),
]);

const stageSchema = z.discriminatedUnion('key', [
  z.strictObject({
    key: z.enum(['classroom', 'shadowing', 'drills', 'supervised', 'solo']),
    days: perClass(positiveInt.max(120)),
  }),
  z.strictObject({ key: z.literal('probation'), length: perClass(calendarLengthSchema) }),
]);

// Stages every class must have; drills is A-only in the source (四(二)4 2)) but kept optional for both.
const requiredStages = ['classroom', 'shadowing', 'supervised', 'solo', 'probation'] as const;

export const programSettingsSchema = z
  .strictObject({
    timeZone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }),
    stages: z.array(stageSchema).min(1),
    quotas: z.strictObject({
      shadowing: z.strictObject({ recordingsPerDay: positiveInt, liveShadowingRequired: z.boolean() }),
      drills: z.strictObject({ scriptsPerDay: positiveInt }),
      supervised: z.strictObject({
        sampledCallsPerDay: positiveInt,
        minCallSeconds: z.number().int().nonnegative(),
        liveListenCoverage: z.number().gt(0).max(1),
      }),
    }),
    extension: z.strictObject({ days: positiveInt, stage: z.enum(trainingStages), includeRecordings: z.boolean() }),
    retraining: z.strictObject({ defaultStage: z.enum(trainingStages), days: positiveInt }),
    soloAssessment: z.strictObject({ passMark, minScoredCalls: positiveInt, examRequired: z.boolean() }),
    classroom: z.strictObject({
      quiz: z.strictObject({ questionCount: positiveInt, passMark, attemptLimit: positiveInt }),
      placementQuiz: z.strictObject({ questionCount: positiveInt, passMark }),
    }),
    exam: z.strictObject({ questionCount: positiveInt, passMark, timeLimitMinutes: positiveInt }),
    probation: z.strictObject({
      passMark,
      scoringWindowDays: positiveInt,
      assessors: z
        .array(z.strictObject({ kind: z.enum(assessorKinds), weight: z.number().min(0).max(1), enabled: z.boolean() }))
        .min(1),
    }),
    failedAttemptLimit: positiveInt,
  })
  .superRefine((settings, ctx) => {
    const keys = settings.stages.map((s) => s.key);
    const duplicated = keys.filter((key, i) => keys.indexOf(key) !== i);
    for (const key of new Set(duplicated)) ctx.addIssue({ code: 'custom', path: ['stages'], message: `stage ${key} listed twice` });
    const positions = keys.map((key) => programStages.indexOf(key));
    if (positions.some((p, i) => i > 0 && p < positions[i - 1]!)) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: `stages must be in program order: ${programStages.join(', ')}` });
    }
    for (const traineeClass of traineeClasses) {
      for (const key of requiredStages) {
        const stage = settings.stages.find((s) => s.key === key);
        const has = stage && ('days' in stage ? stage.days[traineeClass] : stage.length[traineeClass]) !== undefined;
        if (!has) ctx.addIssue({ code: 'custom', path: ['stages'], message: `class ${traineeClass} has no ${key} stage` });
      }
    }
    const enabled = settings.probation.assessors.filter((a) => a.enabled);
    if (enabled.length === 0) ctx.addIssue({ code: 'custom', path: ['probation', 'assessors'], message: 'no assessor enabled' });
    const weightSum = enabled.reduce((sum, a) => sum + a.weight, 0);
    if (Math.abs(weightSum - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['probation', 'assessors'], message: `enabled assessor weights sum to ${weightSum}, not 1` });
    }
    const kinds = settings.probation.assessors.map((a) => a.kind);
    for (const kind of new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i))) {
      ctx.addIssue({ code: 'custom', path: ['probation', 'assessors'], message: `assessor ${kind} listed twice` });
    }
    // An extension or retraining in a stage the class doesn't run would have no daily rule to meet.
    for (const [path, stage] of [
      [['extension', 'stage'], settings.extension.stage],
      [['retraining', 'defaultStage'], settings.retraining.defaultStage],
    ] as const) {
      if (stage === 'classroom' || stage === 'drills') {
        ctx.addIssue({ code: 'custom', path: [...path], message: `${stage} can't be a default: not every class has daily work there` });
      }
    }
  }) satisfies z.ZodType<ProgramSettings>;

export function parseProgramSettings(raw: unknown): ProgramSettings {
  return programSettingsSchema.parse(raw);
}

let cached: ProgramSettings | undefined;

export function loadProgramSettings(): ProgramSettings {
  if (!cached) {
    const file = path.join(process.cwd(), 'content', 'program.yaml');
    cached = parseProgramSettings(parse(fs.readFileSync(file, 'utf8')));
  }
  return cached;
}
