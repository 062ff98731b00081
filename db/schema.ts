// One schema for the whole app: tables, relations and the row types inferred from them.
// Days (a shadowing day, a stage's end) are ISO date strings in the organisation's time zone;
// instants are UTC milliseconds. Program facts are appended, never updated (STYLE.md habit 6).
import { relations, sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const ROLES = ['trainee', 'mentor', 'qa', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TRAINEE_CLASSES = ['A', 'B'] as const;
export type TraineeClass = (typeof TRAINEE_CLASSES)[number];

const createdAt = () =>
  integer('created_at', { mode: 'number' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const organisations = sqliteTable('organisations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    // Bumped when roles change or the user is disabled: every request compares it with the JWT's copy.
    sessionVersion: integer('session_version').notNull().default(1),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_org_idx').on(t.orgId)],
);

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('login_attempts_user_at_idx').on(t.username, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

export const TRAINEE_STATUSES = [
  'not_started',
  'on_track',
  'behind',
  'awaiting_assessment',
  'needs_decision',
  'certified',
  'exited',
] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];

export const trainees = sqliteTable(
  'trainees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    traineeClass: text('trainee_class', { enum: TRAINEE_CLASSES }).notNull(),
    cohort: text('cohort').notNull(),
    startDate: text('start_date').notNull(),
    mentorId: integer('mentor_id').references(() => users.id),
    // A cache of what domain/ computes from the events, kept for list filters at scale;
    // `npm run db:rebuild-status` recomputes it and a test proves it equals a recomputation.
    status: text('status', { enum: TRAINEE_STATUSES }).notNull().default('not_started'),
    currentStage: text('current_stage'),
    // The organisation day the cache was computed for: a new day can change a status without any write.
    statusAsOf: text('status_as_of'),
    // What the lead's dashboard shows about the trainee on status_as_of (domain/dashboard.ts
    // TraineeDashboardFacts), refreshed with the status so the dashboard doesn't run the engine per
    // trainee per request (docs/decisions/010-performance.md).
    dashboardFacts: text('dashboard_facts', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('trainees_user_uq').on(t.userId),
    index('trainees_org_cohort_idx').on(t.orgId, t.cohort),
    index('trainees_mentor_idx').on(t.mentorId),
    index('trainees_org_status_idx').on(t.orgId, t.status),
    // refreshStaleStatuses runs before every dashboard read: finding the few stale rows must not read them all.
    index('trainees_org_status_as_of_idx').on(t.orgId, t.statusAsOf),
  ],
);

export const mentorAssignments = sqliteTable(
  'mentor_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    mentorId: integer('mentor_id')
      .notNull()
      .references(() => users.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    assignedBy: integer('assigned_by').references(() => users.id),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('mentor_assignments_trainee_idx').on(t.traineeId), index('mentor_assignments_mentor_idx').on(t.mentorId)],
);

// Append-only: a correction is a new row whose payload names the event it supersedes.
export const programEvents = sqliteTable(
  'program_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    kind: text('kind').notNull(),
    effectiveDate: text('effective_date').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    actorId: integer('actor_id').references(() => users.id),
    reason: text('reason'),
    // A form submitted twice carries the same key and records once.
    requestKey: text('request_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('program_events_trainee_idx').on(t.traineeId, t.id),
    index('program_events_org_kind_idx').on(t.orgId, t.kind, t.createdAt),
    uniqueIndex('program_events_request_key_uq').on(t.requestKey),
  ],
);

// Lead/admin edits layered over content/holidays.yaml (a new year's State Council notice).
export const calendarOverrides = sqliteTable(
  'calendar_overrides',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    day: text('day').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day] })],
);

// ---- On the floor: one row per trainee and working day, holding the day's facts and counters.
export const traineeDays = sqliteTable(
  'trainee_days',
  {
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    day: text('day').notNull(),
    liveShadowing: integer('live_shadowing', { mode: 'boolean' }).notNull().default(false),
    recordingsLogged: integer('recordings_logged').notNull().default(0),
    callsHandled: integer('calls_handled').notNull().default(0),
    callsSampled: integer('calls_sampled').notNull().default(0),
    callsReviewed: integer('calls_reviewed').notNull().default(0),
    callsLiveListened: integer('calls_live_listened').notNull().default(0),
    drillScriptSubmitted: integer('drill_script_submitted', { mode: 'boolean' }).notNull().default(false),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: integer('confirmed_at', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.traineeId, t.day] })],
);

export const recordings = sqliteTable(
  'recordings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    day: text('day').notNull(),
    recordingRef: text('recording_ref').notNull(),
    agentName: text('agent_name').notNull(),
    callType: text('call_type').notNull(),
    wentWell: text('went_well').notNull(),
    toLearn: text('to_learn').notNull(),
    requestKey: text('request_key'),
    createdAt: createdAt(),
  },
  (t) => [index('recordings_trainee_day_idx').on(t.traineeId, t.day), uniqueIndex('recordings_request_key_uq').on(t.requestKey)],
);

export const drillGroups = sqliteTable(
  'drill_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    day: text('day').notNull(),
    name: text('name').notNull(),
    scenarioId: text('scenario_id').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('drill_groups_org_day_idx').on(t.orgId, t.day)],
);

export const drillGroupMembers = sqliteTable(
  'drill_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => drillGroups.id),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.traineeId] }), index('drill_group_members_trainee_idx').on(t.traineeId)],
);

export const drillScripts = sqliteTable(
  'drill_scripts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    groupId: integer('group_id').references(() => drillGroups.id),
    day: text('day').notNull(),
    scenarioId: text('scenario_id').notNull(),
    script: text('script').notNull(),
    mentorComment: text('mentor_comment'),
    commentedBy: integer('commented_by').references(() => users.id),
    commentedAt: integer('commented_at', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('drill_scripts_trainee_day_uq').on(t.traineeId, t.day)],
);

export const calls = sqliteTable(
  'calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    externalId: text('external_id').notNull(),
    agentCode: text('agent_code').notNull(),
    startedAt: integer('started_at', { mode: 'number' }).notNull(),
    day: text('day').notNull(),
    durationSec: integer('duration_sec').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    recordingUrl: text('recording_url'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calls_org_external_uq').on(t.orgId, t.externalId), index('calls_trainee_day_idx').on(t.traineeId, t.day)],
);

// The draw is reproducible: the pool it drew from and the seed are stored with it.
export const dailySamples = sqliteTable(
  'daily_samples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    day: text('day').notNull(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    poolCallIds: text('pool_call_ids', { mode: 'json' }).$type<number[]>().notNull(),
    shortfall: integer('shortfall').notNull().default(0),
    drawnBy: integer('drawn_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('daily_samples_trainee_day_uq').on(t.traineeId, t.day)],
);

export const sampledCalls = sqliteTable(
  'sampled_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sampleId: integer('sample_id')
      .notNull()
      .references(() => dailySamples.id),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id),
    slot: integer('slot').notNull(),
    replacedAt: integer('replaced_at', { mode: 'number' }),
    replacedBy: integer('replaced_by').references(() => users.id),
    replaceReason: text('replace_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('sampled_calls_sample_idx').on(t.sampleId), index('sampled_calls_call_idx').on(t.callId)],
);

// A review is a fact: once written it is never edited (a mentor's review or a qa assessment).
export const callReviews = sqliteTable(
  'call_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['mentor', 'assessment'] }).notNull(),
    day: text('day').notNull(),
    scorecardVersion: integer('scorecard_version').notNull(),
    items: text('items', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    criticalFlags: text('critical_flags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    total: real('total').notNull(),
    criticalFailed: integer('critical_failed', { mode: 'boolean' }).notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    note: text('note').notNull().default(''),
    acknowledgedAt: integer('acknowledged_at', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('call_reviews_call_kind_uq').on(t.callId, t.kind),
    index('call_reviews_trainee_day_idx').on(t.traineeId, t.day),
    index('call_reviews_reviewer_idx').on(t.reviewerId, t.createdAt),
  ],
);

// ---- Classroom
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    lessonId: text('lesson_id').notNull(),
    moduleId: text('module_id').notNull(),
    completedAt: integer('completed_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.traineeId, t.lessonId] })],
);

export const QUIZ_KINDS = ['module', 'placement', 'exam'] as const;
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    kind: text('kind', { enum: QUIZ_KINDS }).notNull(),
    moduleId: text('module_id'),
    seed: text('seed').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    optionOrder: text('option_order', { mode: 'json' }).$type<Record<string, string[]>>().notNull(),
    answers: text('answers', { mode: 'json' }).$type<Record<string, string[]>>().notNull().default({}),
    startedAt: integer('started_at', { mode: 'number' }).notNull(),
    deadlineAt: integer('deadline_at', { mode: 'number' }),
    submittedAt: integer('submitted_at', { mode: 'number' }),
    scorePercent: real('score_percent'),
    passed: integer('passed', { mode: 'boolean' }),
  },
  (t) => [index('quiz_attempts_trainee_idx').on(t.traineeId, t.kind, t.moduleId)],
);

// ---- Telephony API
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'number' }),
    lastUsedAt: integer('last_used_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)],
);

// ---- Probation and certification
export const probationScores = sqliteTable(
  'probation_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    attempt: integer('attempt').notNull(),
    assessorKind: text('assessor_kind').notNull(),
    assessorId: integer('assessor_id')
      .notNull()
      .references(() => users.id),
    score: real('score').notNull(),
    comment: text('comment').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('probation_scores_uq').on(t.traineeId, t.attempt, t.assessorKind)],
);

export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainees.id),
    code: text('code').notNull(),
    issuedOn: text('issued_on').notNull(),
    issuedBy: integer('issued_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('certificates_code_uq').on(t.code), uniqueIndex('certificates_trainee_uq').on(t.traineeId)],
);

export const usersRelations = relations(users, ({ many, one }) => ({
  roles: many(userRoles),
  organisation: one(organisations, { fields: [users.orgId], references: [organisations.id] }),
}));
export const userRolesRelations = relations(userRoles, ({ one }) => ({
  user: one(users, { fields: [userRoles.userId], references: [users.id] }),
}));
export const traineesRelations = relations(trainees, ({ one, many }) => ({
  user: one(users, { fields: [trainees.userId], references: [users.id] }),
  mentor: one(users, { fields: [trainees.mentorId], references: [users.id] }),
  events: many(programEvents),
}));
export const programEventsRelations = relations(programEvents, ({ one }) => ({
  trainee: one(trainees, { fields: [programEvents.traineeId], references: [trainees.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Trainee = typeof trainees.$inferSelect;
export type ProgramEventRow = typeof programEvents.$inferSelect;
export type NewProgramEventRow = typeof programEvents.$inferInsert;
export type TraineeDay = typeof traineeDays.$inferSelect;
export type Recording = typeof recordings.$inferSelect;
export type Call = typeof calls.$inferSelect;
export type CallReview = typeof callReviews.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
