import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { mentorAssignments, organisations, programEvents, trainees, userRoles, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { splitCsvRecords } from '@/lib/enrolment-csv';
import { verifyPassword } from '@/lib/password';
import { createTestDb } from '@/lib/test/db';
import { key, setToday } from '@/lib/test/floor-fixture';
import { checkEnrolChunk, enrolOneTrainee, importEnrolCsv, writeEnrolments, type PreparedEnrolment } from './handlers';
import { enrolTraineeSchema } from './schema';

afterEach(() => {
  vi.useRealTimers();
});

// Monday 2026-11-16; no public holidays in November 2026.
const TODAY = '2026-11-16';

function fixture() {
  const db: Db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  function addUser(username: string, roles: Role[], opts: { orgId?: number; disabled?: boolean } = {}): Actor {
    const orgId = opts.orgId ?? org.id;
    const user = db.insert(users).values({ orgId, username, displayName: username, passwordHash: 'x', disabled: opts.disabled ?? false }).returning().get();
    for (const role of roles) db.insert(userRoles).values({ userId: user.id, role }).run();
    return { userId: user.id, orgId, roles, displayName: username };
  }
  return {
    db,
    org,
    lead: addUser('lead', ['lead']),
    qa: addUser('qa', ['qa']),
    mentor1: addUser('mentor1', ['mentor']),
    mentor2: addUser('mentor2', ['mentor']),
    retired: addUser('retired', ['mentor'], { disabled: true }),
    foreignMentor: addUser('foreign', ['mentor'], { orgId: other.id }),
  };
}

const ctxOf = (db: Db, actor: Actor) => ({ db, actor });

function formInput(overrides: Partial<Record<string, string>> = {}, mentorId: number) {
  return enrolTraineeSchema.parse({
    displayName: '张三',
    username: 'ZhangSan',
    traineeClass: 'A',
    cohort: '2026-11',
    startDate: '2026-11-17',
    mentorId: String(mentorId),
    requestKey: key(1),
    ...overrides,
  });
}

async function expectRefusal(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

function counts(db: Db) {
  const n = (table: typeof users | typeof trainees | typeof mentorAssignments | typeof programEvents | typeof userRoles) =>
    db.select({ n: count() }).from(table).get()!.n;
  return { users: n(users), roles: n(userRoles), trainees: n(trainees), assignments: n(mentorAssignments), events: n(programEvents) };
}

describe('enrolOneTrainee', () => {
  it('writes the user, role, trainee, mentor assignment and enrolled event, and shows the password once', async () => {
    const f = fixture();
    setToday(TODAY);
    const result = await enrolOneTrainee(formInput({}, f.mentor1.userId), ctxOf(f.db, f.lead));
    expect(result.status).toBe('enrolled');
    if (result.status !== 'enrolled') return;
    const { trainee } = result;
    expect(trainee.username).toBe('zhangsan');
    expect(trainee.initialPassword).toHaveLength(12);

    const user = f.db.select().from(users).where(eq(users.username, 'zhangsan')).get()!;
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordHash).not.toContain(trainee.initialPassword);
    expect(await verifyPassword(trainee.initialPassword, user.passwordHash)).toBe(true);
    expect(f.db.select().from(userRoles).where(eq(userRoles.userId, user.id)).all().map((r) => r.role)).toEqual(['trainee']);

    const row = f.db.select().from(trainees).where(eq(trainees.id, trainee.traineeId)).get()!;
    expect(row).toMatchObject({ userId: user.id, traineeClass: 'A', cohort: '2026-11', startDate: '2026-11-17', mentorId: f.mentor1.userId, status: 'not_started' });
    expect(f.db.select().from(mentorAssignments).where(eq(mentorAssignments.traineeId, row.id)).all()).toMatchObject([
      { mentorId: f.mentor1.userId, fromDate: '2026-11-17', toDate: null, assignedBy: f.lead.userId },
    ]);
    expect(f.db.select().from(programEvents).where(eq(programEvents.traineeId, row.id)).all()).toMatchObject([
      { kind: 'enrolled', effectiveDate: '2026-11-17', payload: { traineeClass: 'A' }, actorId: f.lead.userId, requestKey: key(1) },
    ]);
  });

  it('records a repeated submission once and never shows the password again', async () => {
    const f = fixture();
    setToday(TODAY);
    const first = await enrolOneTrainee(formInput({}, f.mentor1.userId), ctxOf(f.db, f.lead));
    const before = counts(f.db);
    const again = await enrolOneTrainee(formInput({}, f.mentor1.userId), ctxOf(f.db, f.lead));
    expect(again.status).toBe('already_enrolled');
    expect(JSON.stringify(again)).not.toContain(first.status === 'enrolled' ? first.trainee.initialPassword : '?');
    expect(again.status === 'already_enrolled' && again.trainees.map((t) => t.username)).toEqual(['zhangsan']);
    expect(counts(f.db)).toEqual(before);
    // A fresh key is handed back for the next trainee.
    expect(again.nextRequestKey).not.toBe(key(1));
  });

  it('starts today at the earliest, on a working day, within six months', async () => {
    const f = fixture();
    setToday(TODAY);
    const lead = ctxOf(f.db, f.lead);
    await expectRefusal(enrolOneTrainee(formInput({ startDate: '2026-11-13' }, f.mentor1.userId), lead), 'start_date_past');
    await expectRefusal(enrolOneTrainee(formInput({ startDate: '2026-11-21' }, f.mentor1.userId), lead), 'start_date_not_working_day');
    await expectRefusal(enrolOneTrainee(formInput({ startDate: '2027-06-01' }, f.mentor1.userId), lead), 'start_date_too_far');
    const today = await enrolOneTrainee(formInput({ startDate: TODAY }, f.mentor1.userId), lead);
    expect(today.status).toBe('enrolled');
  });

  it('needs an active mentor of the organisation and a free username', async () => {
    const f = fixture();
    setToday(TODAY);
    const lead = ctxOf(f.db, f.lead);
    for (const mentor of [f.retired, f.foreignMentor, f.qa]) {
      await expectRefusal(enrolOneTrainee(formInput({ requestKey: key(mentor.userId + 10) }, mentor.userId), lead), 'mentor_unavailable');
    }
    await expectRefusal(enrolOneTrainee(formInput({ username: 'Mentor2', requestKey: key(2) }, f.mentor1.userId), lead), 'username_taken');
    expect(counts(f.db).trainees).toBe(0);
  });

  it('is for leads only', async () => {
    const f = fixture();
    setToday(TODAY);
    await expectRefusal(enrolOneTrainee(formInput({}, f.mentor1.userId), ctxOf(f.db, f.mentor1)), 'not_found');
  });
});

const HEADER = '姓名,用户名,类别,批次,入职日期,指导客服代表';

function csv(rows: string[]) {
  const split = splitCsvRecords([HEADER, ...rows].join('\n'))!;
  return { header: split.header, records: split.records };
}

function wave(n: number, prefix = 'hire') {
  return Array.from({ length: n }, (_, i) => `新人${i + 1},${prefix}${String(i + 1).padStart(2, '0')},${i % 2 ? 'B类' : 'A类'},2026-12,2026-11-${i % 2 ? '18' : '17'},mentor${(i % 2) + 1}`);
}

describe('importEnrolCsv', () => {
  it('enrols 30 trainees in one transaction, quickly, each with a plan and a one-time password', async () => {
    const f = fixture();
    setToday(TODAY);
    const started = performance.now();
    const result = await importEnrolCsv({ requestKey: key(7), ...csv(wave(30)) }, ctxOf(f.db, f.lead));
    const elapsed = performance.now() - started;
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.trainees).toHaveLength(30);
    expect(result.trainees[0]).toMatchObject({ row: 2, username: 'hire01', displayName: '新人1' });
    expect(new Set(result.trainees.map((t) => t.initialPassword)).size).toBe(30);
    expect(counts(f.db)).toEqual({ users: 36, roles: 36, trainees: 30, assignments: 30, events: 30 });
    expect(f.db.select().from(users).where(eq(users.username, 'hire30')).get()?.mustChangePassword).toBe(true);
    // One key for the batch: on its first event.
    expect(f.db.select().from(programEvents).where(eq(programEvents.requestKey, key(7))).all()).toHaveLength(1);
    // Hashing is done before the transaction, a few at a time; 30 rows take a couple of seconds at most.
    expect(elapsed).toBeLessThan(8000);
  });

  it('answers the same file sent twice with the trainees of the first import, without passwords', async () => {
    const f = fixture();
    setToday(TODAY);
    const input = { requestKey: key(8), ...csv(wave(3)) };
    await importEnrolCsv(input, ctxOf(f.db, f.lead));
    const again = await importEnrolCsv(input, ctxOf(f.db, f.lead));
    expect(again.status).toBe('already_imported');
    expect(again.status === 'already_imported' && again.trainees.map((t) => t.username)).toEqual(['hire01', 'hire02', 'hire03']);
    expect(JSON.stringify(again)).not.toMatch(/initialPassword/);
    expect(counts(f.db).trainees).toBe(3);
  });

  it('writes nothing when any row is invalid, and names the rows', async () => {
    const f = fixture();
    setToday(TODAY);
    const rows = [...wave(5), '重复,hire02,A,2026-12,2026-11-17,mentor1', '无导师,solo01,A,2026-12,2026-11-17,nobody', '老用户,mentor2,A,2026-12,2026-11-17,mentor1'];
    const result = await importEnrolCsv({ requestKey: key(9), ...csv(rows) }, ctxOf(f.db, f.lead));
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    const issues = result.rows.flatMap((r) => r.issues.map((i) => [r.row, i.code, i.rows]));
    expect(issues).toEqual([
      [3, 'duplicate_in_file', [7]],
      [7, 'duplicate_in_file', [3]],
      [8, 'unknown_mentor', undefined],
      [9, 'username_taken', undefined],
    ]);
    expect(counts(f.db).trainees).toBe(0);
    expect(counts(f.db).users).toBe(6);
  });

  it('refuses a file without the needed columns', async () => {
    const f = fixture();
    setToday(TODAY);
    const split = splitCsvRecords('name,username\n张三,zs01\n')!;
    const result = await importEnrolCsv({ requestKey: key(10), header: split.header, records: split.records }, ctxOf(f.db, f.lead));
    expect(result).toMatchObject({ status: 'fatal', fatal: { code: 'missing_columns' } });
  });
});

describe('writeEnrolments: all or nothing', () => {
  function entry(username: string, mentorId: number, startDate = '2026-11-17'): PreparedEnrolment {
    return { row: null, displayName: username, username, traineeClass: 'A', cohort: 'c', startDate, mentorId, passwordHash: 'hash' };
  }

  it('refuses the whole batch when a username was taken after the rows were checked', () => {
    const f = fixture();
    setToday(TODAY);
    const outcome = writeEnrolments(f.db, { actor: f.lead, requestKey: key(11), entries: [entry('new01', f.mentor1.userId), entry('mentor2', f.mentor1.userId)] });
    expect(outcome).toEqual({ status: 'conflict', takenUsernames: ['mentor2'], unavailableMentorIds: [] });
    expect(counts(f.db).trainees).toBe(0);
  });

  it('refuses the whole batch when a mentor was disabled meanwhile', () => {
    const f = fixture();
    setToday(TODAY);
    const outcome = writeEnrolments(f.db, { actor: f.lead, requestKey: key(12), entries: [entry('new01', f.mentor1.userId), entry('new02', f.retired.userId)] });
    expect(outcome).toEqual({ status: 'conflict', takenUsernames: [], unavailableMentorIds: [f.retired.userId] });
  });

  it('rolls back the trainees already written when a later one fails', () => {
    const f = fixture();
    setToday(TODAY);
    const before = counts(f.db);
    // The third entry's event can't be stored (not a date): the first two must not survive.
    expect(() =>
      writeEnrolments(f.db, {
        actor: f.lead,
        requestKey: key(13),
        entries: [entry('new01', f.mentor1.userId), entry('new02', f.mentor2.userId), entry('new03', f.mentor1.userId, '2026-13-45')],
      }),
    ).toThrow(AppError);
    expect(counts(f.db)).toEqual(before);
  });
});

describe('checkEnrolChunk', () => {
  it('checks a chunk against the directory and the whole file, writing nothing', () => {
    const f = fixture();
    setToday(TODAY);
    const all = csv(['a,one01,A,c,2026-11-17,mentor1', 'b,two01,A,c,2026-11-17,retired', 'c,one01,B,c,2026-11-17,mentor2']);
    const fileUsernames = all.records.map((r) => ({ row: r.row, value: r.cells[1]! }));
    const outcome = checkEnrolChunk({ header: all.header, records: all.records.slice(1), fileUsernames }, ctxOf(f.db, f.lead));
    expect(outcome.status === 'checked' && outcome.rows.map((r) => [r.row, r.issues.map((i) => i.code)])).toEqual([
      [3, ['unknown_mentor']],
      [4, ['duplicate_in_file']],
    ]);
    expect(counts(f.db).trainees).toBe(0);
  });
});
