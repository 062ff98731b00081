// Who may do what to which records: one table and one function (SPEC.md "Users and roles").
// Every page, server action and route handler asks `can()` (through lib/access.ts or lib/action.ts);
// a forbidden read is answered like a missing one.
import type { Role } from '@/db/schema';

export type Actor = {
  userId: number;
  orgId: number;
  roles: Role[];
  displayName: string;
  /** Signed in with a one-time password: nothing but choosing a new one is allowed. */
  mustChangePassword?: boolean;
};

/** How the actor relates to a record. `org` is any record of the actor's organisation. */
export type Scope = 'self' | 'mentor' | 'past_mentor' | 'assessing' | 'org';

export type TraineeSubject = {
  kind: 'trainee';
  orgId: number;
  traineeId: number;
  userId: number;
  mentorId: number | null;
  pastMentorIds: number[];
  stage: string | null;
};
export type OrgSubject = { kind: 'org'; orgId: number };
export type Subject = TraineeSubject | OrgSubject;

// Stages during which qa specialists work with a trainee (SPEC: "qa sees trainees in assessment or probation").
const QA_STAGES = new Set(['solo', 'probation']);

type Rule = Partial<Record<Role, readonly Scope[]>>;

export const PERMISSIONS = {
  // reading a trainee's record: plan, days, logs, reviews, classroom progress
  'trainee.read': { trainee: ['self'], mentor: ['mentor', 'past_mentor'], qa: ['assessing'], lead: ['org'] },
  // plan changes: absence, waiver, override, decisions
  'trainee.plan.manage': { lead: ['org'] },
  'trainee.enrol': { lead: ['org'] },
  'mentor.assign': { lead: ['org'] },
  'classroom.study': { trainee: ['self'] },
  'module.waive': { lead: ['org'] },
  'recording.log': { trainee: ['self'] },
  'day.confirm': { mentor: ['mentor'] },
  'liveListen.record': { mentor: ['mentor'] },
  'drill.submit': { trainee: ['self'] },
  'drill.comment': { mentor: ['mentor'] },
  'drill.manage': { lead: ['org'] },
  'calls.import': { lead: ['org'], admin: ['org'] },
  'calls.sample': { mentor: ['mentor'], lead: ['org'] },
  'review.mentor.create': { mentor: ['mentor'] },
  'review.assessment.create': { qa: ['assessing'] },
  'review.acknowledge': { trainee: ['self'] },
  'solo.confirm': { lead: ['org'] },
  'probation.score': { mentor: ['mentor'], qa: ['assessing'], lead: ['org'] },
  'probation.signoff': { lead: ['org'] },
  'certificate.read': { trainee: ['self'], lead: ['org'] },
  'queue.mentor': { mentor: ['org'] },
  'queue.qa': { qa: ['org'] },
  'report.read': { lead: ['org'] },
  'audit.read': { lead: ['org'] },
  'calendar.manage': { lead: ['org'], admin: ['org'] },
  'users.manage': { admin: ['org'] },
  'tokens.manage': { admin: ['org'] },
  'settings.manage': { admin: ['org'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

function relationHolds(actor: Actor, scope: Scope, subject: Subject): boolean {
  if (scope === 'org') return true;
  if (subject.kind !== 'trainee') return false;
  switch (scope) {
    case 'self':
      return subject.userId === actor.userId;
    case 'mentor':
      return subject.mentorId === actor.userId;
    case 'past_mentor':
      return subject.pastMentorIds.includes(actor.userId);
    case 'assessing':
      return subject.stage !== null && QA_STAGES.has(subject.stage);
  }
}

export function can(actor: Actor | null, action: Action, subject: Subject): boolean {
  if (!actor || actor.orgId !== subject.orgId) return false;
  const rule: Rule = PERMISSIONS[action];
  return actor.roles.some((role) => (rule[role] ?? []).some((scope) => relationHolds(actor, scope, subject)));
}

/** Roles that could ever perform the action (for navigation), independent of a record. */
export function rolesAllowed(action: Action): Role[] {
  return Object.keys(PERMISSIONS[action]) as Role[];
}
