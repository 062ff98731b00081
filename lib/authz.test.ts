import { describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema';
import { can, PERMISSIONS, type Action, type Actor, type TraineeSubject } from './authz';

const ORG = 1;
const actor = (userId: number, roles: Role[], orgId = ORG): Actor => ({ userId, orgId, roles, displayName: `u${userId}` });

const trainee = actor(10, ['trainee']);
const otherTrainee = actor(11, ['trainee']);
const mentor = actor(20, ['mentor']);
const pastMentor = actor(21, ['mentor']);
const otherMentor = actor(22, ['mentor']);
const qa = actor(30, ['qa']);
const lead = actor(40, ['lead']);
const admin = actor(50, ['admin']);
const foreignLead = actor(60, ['lead'], 2);

function subject(stage: string | null = 'supervised'): TraineeSubject {
  return { kind: 'trainee', orgId: ORG, traineeId: 1, userId: trainee.userId, mentorId: mentor.userId, pastMentorIds: [pastMentor.userId], stage };
}

// SPEC.md "Users and roles": a trainee sees only their own records; a mentor their current and past
// mentees; qa trainees in assessment or probation; leads everything in their organisation.
const READ_CASES: [name: string, who: Actor, stage: string | null, allowed: boolean][] = [
  ['the trainee themself', trainee, 'supervised', true],
  ['another trainee', otherTrainee, 'supervised', false],
  ['the current mentor', mentor, 'supervised', true],
  ['a past mentor', pastMentor, 'supervised', true],
  ['another mentor', otherMentor, 'supervised', false],
  ['qa before assessment', qa, 'supervised', false],
  ['qa during the solo week', qa, 'solo', true],
  ['qa during probation', qa, 'probation', true],
  ['a lead of the organisation', lead, 'classroom', true],
  ['an admin (manages users, not training records)', admin, 'supervised', false],
  ['a lead of another organisation', foreignLead, 'supervised', false],
  ['nobody signed in', null as unknown as Actor, 'supervised', false],
];

describe('can(): reading a trainee record', () => {
  it.each(READ_CASES)('%s → %s', (_name, who, stage, allowed) => {
    expect(can(who, 'trainee.read', subject(stage))).toBe(allowed);
  });
});

describe('can(): writes on a trainee record', () => {
  const cases: [Action, Actor, boolean][] = [
    ['recording.log', trainee, true],
    ['recording.log', otherTrainee, false],
    ['recording.log', mentor, false],
    ['day.confirm', mentor, true],
    ['day.confirm', pastMentor, false],
    ['day.confirm', otherMentor, false],
    ['day.confirm', trainee, false],
    ['review.mentor.create', mentor, true],
    ['review.mentor.create', otherMentor, false],
    ['review.mentor.create', lead, false],
    ['review.acknowledge', trainee, true],
    ['review.acknowledge', mentor, false],
    ['trainee.plan.manage', lead, true],
    ['trainee.plan.manage', mentor, false],
    ['trainee.plan.manage', admin, false],
    ['trainee.plan.manage', foreignLead, false],
    ['probation.signoff', lead, true],
    ['probation.signoff', qa, false],
    ['certificate.read', trainee, true],
    ['certificate.read', otherTrainee, false],
    ['certificate.read', lead, true],
    ['classroom.study', trainee, true],
    ['classroom.study', lead, false],
  ];
  it.each(cases)('%s by user %o → %s', (action, who, allowed) => {
    expect(can(who, action, subject())).toBe(allowed);
  });

  it('qa may score an assessment only while the trainee is being assessed', () => {
    expect(can(qa, 'review.assessment.create', subject('solo'))).toBe(true);
    expect(can(qa, 'review.assessment.create', subject('supervised'))).toBe(false);
    expect(can(mentor, 'review.assessment.create', subject('solo'))).toBe(false);
  });
});

describe('can(): organisation-wide actions', () => {
  const org = { kind: 'org' as const, orgId: ORG };
  const cases: [Action, Actor, boolean][] = [
    ['users.manage', admin, true],
    ['users.manage', lead, false],
    ['tokens.manage', admin, true],
    ['tokens.manage', lead, false],
    ['trainee.enrol', lead, true],
    ['trainee.enrol', mentor, false],
    ['report.read', lead, true],
    ['report.read', qa, false],
    ['report.read', trainee, false],
    ['queue.mentor', mentor, true],
    ['queue.mentor', trainee, false],
    ['queue.qa', qa, true],
    ['queue.qa', mentor, false],
    ['calendar.manage', admin, true],
    ['calendar.manage', lead, true],
    ['calendar.manage', mentor, false],
    ['users.manage', foreignLead, false],
  ];
  it.each(cases)('%s by %o → %s', (action, who, allowed) => {
    expect(can(who, action, org)).toBe(allowed);
  });

  it('an action on another organisation is refused to everyone', () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      for (const who of [trainee, mentor, qa, lead, admin]) {
        expect(can(who, action, { kind: 'org', orgId: 2 })).toBe(false);
      }
    }
  });

  it('a person with several roles gets the union of their permissions', () => {
    const leadAndMentor = actor(70, ['lead', 'mentor']);
    expect(can(leadAndMentor, 'report.read', org)).toBe(true);
    expect(can(leadAndMentor, 'queue.mentor', org)).toBe(true);
    expect(can(leadAndMentor, 'users.manage', org)).toBe(false);
  });

  it('trainee-scoped rules never match an organisation subject', () => {
    expect(can(trainee, 'recording.log', org)).toBe(false);
    expect(can(mentor, 'day.confirm', org)).toBe(false);
  });
});
