// The shape of content/program.yaml. Every program number (stage lengths, quotas, pass marks,
// the failure limit) lives in that file once; lib/content/program.ts validates it against this type.

export const traineeClasses = ['A', 'B'] as const;
/** seeds/000 篇二 二: A has no outbound-call experience, B has. */
export type TraineeClass = (typeof traineeClasses)[number];

/** The program's stages in program order (seeds/000 篇二 三/四). */
export const programStages = ['classroom', 'shadowing', 'drills', 'supervised', 'solo', 'probation'] as const;
export type ProgramStage = (typeof programStages)[number];

/** Stages measured in working days (all but probation, which has a calendar length). */
export type DayStage = Exclude<ProgramStage, 'probation'>;

/** Stages a trainee can be sent back to or extended in: they have a trainer and daily work, not an assessment. */
export const trainingStages = ['classroom', 'shadowing', 'drills', 'supervised'] as const;
export type TrainingStage = (typeof trainingStages)[number];

/** Only some stages exist for some classes (B has no drills), so each per-class value is optional. */
export type PerClass<T> = { A?: T; B?: T };

/** A length on the wall calendar, e.g. probation's one month (A) or two weeks (B). Exactly one unit. */
export type CalendarLength = { months: number } | { weeks: number } | { days: number };

export type DayStageSettings = { key: DayStage; days: PerClass<number> };
export type ProbationStageSettings = { key: 'probation'; length: PerClass<CalendarLength> };
export type StageSettings = DayStageSettings | ProbationStageSettings;

export const assessorKinds = ['department_head', 'mentor', 'qa', 'training_specialist', 'branch_coach'] as const;
export type AssessorKind = (typeof assessorKinds)[number];

export interface ProgramSettings {
  /** The organisation's default time zone; days and deadlines are computed in it. */
  timeZone: string;
  /** In program order; a stage without days for a class doesn't exist for that class. */
  stages: StageSettings[];
  quotas: {
    shadowing: { recordingsPerDay: number; liveShadowingRequired: boolean };
    drills: { scriptsPerDay: number };
    supervised: { sampledCallsPerDay: number; minCallSeconds: number; liveListenCoverage: number };
  };
  /** seeds/000 篇二 四(三)(二)2): failed solo week → 延长一周的监听培训期. */
  extension: {
    days: number;
    stage: TrainingStage;
    /** The extension keeps the shadowing recordings quota (事后旁听) on top of its stage's own daily work. */
    includeRecordings: boolean;
  };
  /** seeds/000 篇二 四(三)(三): failed probation → 返回重新进行相关培训. */
  retraining: { defaultStage: TrainingStage; days: number };
  soloAssessment: { passMark: number; minScoredCalls: number; examRequired: boolean };
  classroom: {
    quiz: { questionCount: number; passMark: number; attemptLimit: number };
    placementQuiz: { questionCount: number; passMark: number };
  };
  exam: { questionCount: number; passMark: number; timeLimitMinutes: number };
  probation: {
    passMark: number;
    /** Calendar days at the end of a probation period in which its assessors may score. */
    scoringWindowDays: number;
    assessors: { kind: AssessorKind; weight: number; enabled: boolean }[];
  };
  /** Failures at the same gate (solo or probation) from which a lead must decide continue or exit. */
  failedAttemptLimit: number;
}

function isDayStageSettings(stage: StageSettings): stage is DayStageSettings {
  return stage.key !== 'probation';
}

/** A day-based stage's length for a class; null when the stage doesn't exist for that class. */
export function getStageDays(settings: ProgramSettings, stage: DayStage, traineeClass: TraineeClass): number | null {
  const entry = settings.stages.find((s): s is DayStageSettings => isDayStageSettings(s) && s.key === stage);
  return entry?.days[traineeClass] ?? null;
}

export function getProbationLength(settings: ProgramSettings, traineeClass: TraineeClass): CalendarLength | null {
  const entry = settings.stages.find((s): s is ProbationStageSettings => s.key === 'probation');
  return entry?.length[traineeClass] ?? null;
}

/** The stages a class runs through, in program order (B: no drills). */
export function listClassStages(settings: ProgramSettings, traineeClass: TraineeClass): ProgramStage[] {
  return settings.stages
    .filter((stage) =>
      isDayStageSettings(stage) ? stage.days[traineeClass] !== undefined : stage.length[traineeClass] !== undefined,
    )
    .map((stage) => stage.key);
}
