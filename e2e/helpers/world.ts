// The attack tests' world: a private server on a freshly seeded database, plus what the demo lacks —
// a second organisation (a user holding every staff role, and a trainee), a lead who gets disabled,
// API tokens (active, revoked, another organisation's) — and the ids of the records under attack.
import type { APIRequestContext } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './inventory';
import { startPrivateServer, type PrivateServer } from './private-server';
import { anonymousContext, signedInContext } from './sessions';

/** Demo trainees mentored by mentor2: trainee4 (B, supervised calls today), trainee6 (B, solo week), trainee8 (A, certified). */
export const SUBJECTS = { t4: 'trainee4', t6: 'trainee6', t8: 'trainee8' } as const;
export type SubjectKey = keyof typeof SUBJECTS;

export const OTHER_ORG_STAFF = 'attack-org2-staff';
export const OTHER_ORG_TRAINEE = 'attack-org2-trainee';
export const DISABLED_LEAD = 'attack-disabled-lead';

/** Who signs in for each actor; "trainee" is the subject themself, so it depends on the record under attack. */
export const ACCOUNTS = [
  'trainee4',
  'trainee6',
  'trainee8',
  'trainee1',
  'mentor2',
  'mentor1',
  'qa',
  'lead',
  'admin',
  OTHER_ORG_STAFF,
  DISABLED_LEAD,
] as const;
export type Account = (typeof ACCOUNTS)[number];

export type SubjectIds = { traineeId: number; userId: number; name: string; username: string };

export type World = {
  server: PrivateServer;
  baseURL: string;
  today: string;
  subjects: Record<SubjectKey, SubjectIds>;
  otherTrainee: SubjectIds;
  otherOrg: { orgId: number; staffUserId: number; traineeId: number; traineeUserId: number };
  ids: {
    mentor1UserId: number;
    mentor2UserId: number;
    t4: { sampledDay: string; sampledCallId: number; reviewId: number; recordingId: number; attemptId: number; unsampledCallDay: string };
    t6: { soloCallId: number };
    t8: { certificateCode: string; probationEventId: number; soloEventId: number; drillScriptId: number };
    drillGroupId: number;
    moduleId: string;
    lessonId: string;
    tokens: { active: string; activeId: number; revoked: string; otherOrg: string };
  };
  contexts: Record<Account, APIRequestContext>;
  anonymous: APIRequestContext;
  /** An anonymous caller holding a made-up session cookie: gets past the proxy's cookie check, and no further. */
  forgedCookie: APIRequestContext;
  dispose(): Promise<void>;
};

export function organisationToday(): string {
  return process.env.APP_TODAY || new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

type Row = Record<string, unknown>;

function one<T = Row>(server: PrivateServer, sql: string, ...params: unknown[]): T {
  const row = server.read.prepare(sql).get(...params) as T | undefined;
  if (!row) throw new Error(`no row for: ${sql} ${JSON.stringify(params)}`);
  return row;
}

function subjectIds(server: PrivateServer, username: string): SubjectIds {
  const row = one<{ traineeId: number; userId: number; name: string }>(
    server,
    `select t.id as traineeId, u.id as userId, u.display_name as name from trainees t join users u on u.id = t.user_id where u.username = ?`,
    username,
  );
  return { ...row, username };
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function createWorld(): Promise<World> {
  const server = await startPrivateServer();
  const today = organisationToday();
  const token = () => `ccat_${randomBytes(32).toString('base64url')}`;
  const tokens = { active: token(), revoked: token(), otherOrg: token() };

  const created = server.write((db) =>
    db.transaction(() => {
      const lead = db.prepare(`select id, org_id as orgId, password_hash as hash from users where username = 'lead'`).get() as {
        id: number;
        orgId: number;
        hash: string;
      };
      const addUser = (orgId: number, username: string, name: string, roles: string[]) => {
        const id = Number(
          db.prepare(`insert into users (org_id, username, display_name, password_hash) values (?, ?, ?, ?)`).run(orgId, username, name, lead.hash)
            .lastInsertRowid,
        );
        for (const role of roles) db.prepare(`insert into user_roles (user_id, role) values (?, ?)`).run(id, role);
        return id;
      };
      const orgId = Number(db.prepare(`insert into organisations (name) values ('另一家客服中心(攻击测试)')`).run().lastInsertRowid);
      const staffUserId = addUser(orgId, OTHER_ORG_STAFF, '外部主管', ['lead', 'admin', 'qa', 'mentor']);
      const traineeUserId = addUser(orgId, OTHER_ORG_TRAINEE, '外部学员', ['trainee']);
      const traineeId = Number(
        db
          .prepare(`insert into trainees (org_id, user_id, trainee_class, cohort, start_date, mentor_id) values (?, ?, 'A', 'X-1', ?, ?)`)
          .run(orgId, traineeUserId, today, staffUserId).lastInsertRowid,
      );
      db.prepare(`insert into mentor_assignments (trainee_id, mentor_id, from_date) values (?, ?, ?)`).run(traineeId, staffUserId, today);
      db.prepare(`insert into program_events (org_id, trainee_id, kind, effective_date, payload) values (?, ?, 'enrolled', ?, ?)`).run(
        orgId,
        traineeId,
        today,
        JSON.stringify({ traineeClass: 'A' }),
      );
      addUser(lead.orgId, DISABLED_LEAD, '停用的组长', ['lead']);

      const insertToken = (org: number, name: string, value: string, revokedAt: number | null) =>
        Number(
          db.prepare(`insert into api_tokens (org_id, name, token_hash, revoked_at) values (?, ?, ?, ?)`).run(org, name, sha256(value), revokedAt)
            .lastInsertRowid,
        );
      const activeId = insertToken(lead.orgId, 'attack-active', tokens.active, null);
      insertToken(lead.orgId, 'attack-revoked', tokens.revoked, Date.now() - 60_000);
      insertToken(orgId, 'attack-org2', tokens.otherOrg, null);

      // trainee4 (class B) took no quiz in the demo: give them a graded one, copied from a demo paper.
      const t4 = db.prepare(`select t.id from trainees t join users u on u.id = t.user_id where u.username = 'trainee4'`).get() as { id: number };
      const paper = db.prepare(`select * from quiz_attempts where kind = 'module' and submitted_at is not null order by id limit 1`).get() as Row;
      const attemptId = Number(
        db
          .prepare(
            `insert into quiz_attempts (trainee_id, kind, module_id, seed, question_ids, option_order, answers, started_at, deadline_at, submitted_at, score_percent, passed)
             values (?, 'module', ?, 'attack:trainee4', ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(t4.id, paper.module_id, paper.question_ids, paper.option_order, paper.answers, paper.started_at, paper.deadline_at, paper.submitted_at, paper.score_percent, paper.passed)
          .lastInsertRowid,
      );
      return { orgId, staffUserId, traineeUserId, traineeId, activeId, attemptId };
    })(),
  );

  const subjects = { t4: subjectIds(server, 'trainee4'), t6: subjectIds(server, 'trainee6'), t8: subjectIds(server, 'trainee8') };
  const t4 = subjects.t4.traineeId;
  // The most recent sampled day of trainee4, one of its sampled calls and that call's review.
  const sampled = one<{ day: string; callId: number; reviewId: number }>(
    server,
    `select d.day as day, s.call_id as callId, r.id as reviewId from daily_samples d
       join sampled_calls s on s.sample_id = d.id and s.replaced_at is null
       join call_reviews r on r.call_id = s.call_id and r.kind = 'mentor'
     where d.trainee_id = ? order by d.day desc, s.slot limit 1`,
    t4,
  );
  const unsampled = one<{ day: string }>(
    server,
    `select c.day as day from calls c where c.trainee_id = ? and not exists (select 1 from daily_samples d where d.trainee_id = c.trainee_id and d.day = c.day) order by c.day desc limit 1`,
    t4,
  );
  const recording = one<{ id: number }>(server, `select id from recordings where trainee_id = ? order by id limit 1`, t4);
  // A call of trainee6's solo week that qa has not scored yet.
  const soloCall = one<{ id: number }>(
    server,
    `select id from calls c where trainee_id = ? and not exists (select 1 from call_reviews r where r.call_id = c.id and r.kind = 'assessment') order by day desc, id limit 1`,
    subjects.t6.traineeId,
  );
  const t8 = subjects.t8.traineeId;
  const certificate = one<{ code: string }>(server, `select code from certificates where trainee_id = ?`, t8);
  const probationEvent = one<{ id: number }>(server, `select id from program_events where trainee_id = ? and kind = 'probation_passed'`, t8);
  const soloEvent = one<{ id: number }>(server, `select id from program_events where trainee_id = ? and kind = 'solo_passed'`, t8);
  const script = one<{ id: number }>(server, `select id from drill_scripts where trainee_id = ? order by id limit 1`, t8);
  const group = one<{ id: number }>(server, `select id from drill_groups order by id limit 1`);
  const userId = (username: string) => one<{ id: number }>(server, `select id from users where username = ?`, username).id;

  const moduleFile = fs.readFileSync(path.join(ROOT, 'content', 'modules', 'dept-intro', 'module.yaml'), 'utf8');
  const mod = parseYaml(moduleFile) as { id: string; lessons: string[] };

  const baseURL = server.baseURL;
  const signed = await Promise.all(ACCOUNTS.map((username) => signedInContext(baseURL, username)));
  const contexts = Object.fromEntries(ACCOUNTS.map((u, i) => [u, signed[i]!])) as Record<Account, APIRequestContext>;
  // Disabled after signing in: the session cookie is still in hand, the account is not.
  server.write((db) => db.prepare(`update users set disabled = 1 where username = ?`).run(DISABLED_LEAD));
  const anonymous = await anonymousContext(baseURL);
  const forgedCookie = await anonymousContext(baseURL, { cookie: `authjs.session-token=${randomBytes(48).toString('base64url')}` });

  return {
    server,
    baseURL,
    today,
    subjects,
    otherTrainee: subjectIds(server, 'trainee1'),
    otherOrg: { orgId: created.orgId, staffUserId: created.staffUserId, traineeId: created.traineeId, traineeUserId: created.traineeUserId },
    ids: {
      mentor1UserId: userId('mentor1'),
      mentor2UserId: userId('mentor2'),
      t4: {
        sampledDay: sampled.day,
        sampledCallId: sampled.callId,
        reviewId: sampled.reviewId,
        recordingId: recording.id,
        attemptId: created.attemptId,
        unsampledCallDay: unsampled.day,
      },
      t6: { soloCallId: soloCall.id },
      t8: { certificateCode: certificate.code, probationEventId: probationEvent.id, soloEventId: soloEvent.id, drillScriptId: script.id },
      drillGroupId: group.id,
      moduleId: mod.id,
      lessonId: mod.lessons[0]!,
      tokens: { ...tokens, activeId: created.activeId },
    },
    contexts,
    anonymous,
    forgedCookie,
    async dispose() {
      await Promise.all([...Object.values(contexts), anonymous, forgedCookie].map((c) => c.dispose()));
      await server.stop();
    },
  };
}
