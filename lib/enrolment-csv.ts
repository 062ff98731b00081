// The new-hire list a lead uploads to enrol a wave of trainees: one reader for the file and one
// check per row, used by the browser (to split the file into chunks and show progress) and by the
// server (which makes every decision again before anything is written). No server imports here.
import Papa from 'papaparse';
import type { WorkCalendar } from '@/domain/calendar';
import type { IsoDate } from '@/domain/dates';
import {
  checkStartDate,
  findDuplicateUsernames,
  isValidUsername,
  normaliseUsername,
  parseDayText,
  parseTraineeClass,
  type StartDateIssue,
} from '@/domain/enrolment';
import type { TraineeClass } from '@/domain/program-settings';

export const ENROL_FIELDS = ['name', 'username', 'traineeClass', 'cohort', 'startDate', 'mentor'] as const;
export type EnrolField = (typeof ENROL_FIELDS)[number];

/** Lengths shared by the one-by-one form and the file (users.display_name, trainees.cohort). */
export const ENROL_TEXT_LIMITS = { name: 80, cohort: 40 } as const;

export const ENROL_CSV_LIMITS = {
  maxFileBytes: 500_000,
  // A hiring wave at a 500-seat center is dozens of people; hashing each initial password takes
  // tens of milliseconds, so a few hundred rows stay well under a minute.
  maxRows: 500,
  /** Rows sent per validation request while the progress bar moves. */
  chunkRows: 25,
  maxColumns: 40,
  maxCellLength: 500,
} as const;

/** The header the page documents; other spellings below are accepted too. */
export const ENROL_CSV_COLUMNS: Record<EnrolField, string> = {
  name: 'name',
  username: 'username',
  traineeClass: 'class',
  cohort: 'cohort',
  startDate: 'start_date',
  mentor: 'mentor_username',
};

// HR exports and hand-made spreadsheets use Chinese headers; keys are compared normalised.
const HEADER_ALIASES: Record<EnrolField, readonly string[]> = {
  name: ['name', 'fullname', 'displayname', 'traineename', '姓名', '名字', '学员姓名', '员工姓名'],
  username: ['username', 'user', 'login', 'loginname', 'account', '用户名', '账号', '帐号', '登录名', '登录账号', '学员用户名'],
  traineeClass: ['class', 'traineeclass', 'type', 'category', '类别', '学员类别', '类型', '分类', '学员类型'],
  cohort: ['cohort', 'batch', 'intake', 'group', '批次', '期次', '入职批次', '培训批次'],
  startDate: ['startdate', 'start', 'date', '入职日期', '开始日期', '培训开始日期', '开训日期', '到岗日期'],
  mentor: [
    'mentor',
    'mentorusername',
    'mentoruser',
    'mentoraccount',
    '指导客服代表',
    '指导客服代表用户名',
    '指导客服代表账号',
    '指导人',
    '导师',
    '导师用户名',
    '导师账号',
    '带教',
    '带教老师',
  ],
};

export type EnrolIssueCode =
  | 'required'
  | 'too_long'
  | 'invalid_username'
  | 'invalid_class'
  | 'invalid_date'
  | StartDateIssue
  | 'duplicate_in_file'
  | 'username_taken'
  | 'unknown_mentor'
  | 'malformed_row';

/** `rows` names the other rows of a duplicate. */
export type EnrolRowIssue = { field: EnrolField | null; code: EnrolIssueCode; rows?: number[] };

export type EnrolCandidate = {
  displayName: string;
  username: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: IsoDate;
  mentorUsername: string;
};

/** One row as the preview shows it: what was read, and every problem found. */
export type CheckedEnrolRow = {
  row: number;
  values: Record<EnrolField, string>;
  candidate: EnrolCandidate | null;
  issues: EnrolRowIssue[];
};

export type EnrolCsvFatalCode = 'file_too_large' | 'no_rows' | 'too_many_rows' | 'missing_columns';
export type EnrolCsvFatal = { code: EnrolCsvFatalCode; columns?: EnrolField[] };

/** A CSV record with its spreadsheet row number (the header is row 1; blank rows keep their number). */
export type CsvRecord = { row: number; cells: string[]; malformed?: boolean };

export { decodeCsvBytes } from './csv';

const isBlank = (cells: readonly string[] | undefined) => !cells || cells.every((cell) => cell.trim() === '');

/** Splits CSV text into the header and the non-blank records after it; null when there is no header. */
export function splitCsvRecords(text: string): { header: string[]; records: CsvRecord[] } | null {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const malformed = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
  const headerIndex = parsed.data.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) return null;
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < parsed.data.length; i++) {
    const cells = parsed.data[i]!;
    if (isBlank(cells)) continue;
    records.push(malformed.has(i) ? { row: i + 1, cells, malformed: true } : { row: i + 1, cells });
  }
  return { header: parsed.data[headerIndex]!, records };
}

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');
}

export type EnrolColumns = Record<EnrolField, number>;

export function mapEnrolHeader(header: readonly string[]): { columns: EnrolColumns } | { missing: EnrolField[] } {
  const found: Partial<EnrolColumns> = {};
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    const field = ENROL_FIELDS.find((f) => HEADER_ALIASES[f].includes(key));
    if (field && found[field] === undefined) found[field] = index;
  });
  const missing = ENROL_FIELDS.filter((f) => found[f] === undefined);
  return missing.length > 0 ? { missing } : { columns: found as EnrolColumns };
}

/** The username column of every record, for the duplicate check of a chunk against the whole file. */
export function usernameCells(header: readonly string[], records: readonly CsvRecord[]): { row: number; value: string }[] {
  const mapped = mapEnrolHeader(header);
  if (!('columns' in mapped)) return [];
  return records.map((r) => ({ row: r.row, value: r.cells[mapped.columns.username] ?? '' }));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const cleanCell = (value: string | undefined) => (value ?? '').replace(CONTROL, '').trim();

type RowCheckOptions = { today: IsoDate; calendar: WorkCalendar };

function checkRecord(record: CsvRecord, columns: EnrolColumns, options: RowCheckOptions): CheckedEnrolRow {
  const raw = Object.fromEntries(ENROL_FIELDS.map((f) => [f, cleanCell(record.cells[columns[f]])])) as Record<EnrolField, string>;
  const values = { ...raw };
  const issues: EnrolRowIssue[] = [];
  if (record.malformed) {
    return { row: record.row, values, candidate: null, issues: [{ field: null, code: 'malformed_row' }] };
  }
  const problem = (field: EnrolField, code: EnrolIssueCode) => issues.push({ field, code });

  if (!raw.name) problem('name', 'required');
  else if (raw.name.length > ENROL_TEXT_LIMITS.name) problem('name', 'too_long');

  const username = normaliseUsername(raw.username);
  if (!username) problem('username', 'required');
  else if (!isValidUsername(username)) problem('username', 'invalid_username');
  else values.username = username;

  const traineeClass = parseTraineeClass(raw.traineeClass);
  if (!raw.traineeClass) problem('traineeClass', 'required');
  else if (!traineeClass) problem('traineeClass', 'invalid_class');
  else values.traineeClass = traineeClass;

  if (!raw.cohort) problem('cohort', 'required');
  else if (raw.cohort.length > ENROL_TEXT_LIMITS.cohort) problem('cohort', 'too_long');

  const startDate = parseDayText(raw.startDate);
  if (!raw.startDate) problem('startDate', 'required');
  else if (!startDate) problem('startDate', 'invalid_date');
  else {
    values.startDate = startDate;
    const issue = checkStartDate(options.calendar, options.today, startDate);
    if (issue) problem('startDate', issue);
  }

  const mentorUsername = normaliseUsername(raw.mentor);
  if (!mentorUsername) problem('mentor', 'required');
  else values.mentor = mentorUsername;

  const candidate =
    issues.length === 0
      ? { displayName: raw.name, username, traineeClass: traineeClass!, cohort: raw.cohort, startDate: startDate!, mentorUsername }
      : null;
  return { row: record.row, values, candidate, issues };
}

function addIssue(row: CheckedEnrolRow, issue: EnrolRowIssue): CheckedEnrolRow {
  return { ...row, candidate: null, issues: [...row.issues, issue] };
}

export type CheckedEnrolFile = { fatal: EnrolCsvFatal } | { fatal: null; rows: CheckedEnrolRow[] };

/**
 * Checks records on their own and against the rest of the file: `fileUsernames` is the whole
 * file's username column when `records` is one chunk of it (defaults to the records themselves).
 */
export function checkEnrolRecords(
  header: readonly string[],
  records: readonly CsvRecord[],
  options: RowCheckOptions & { fileUsernames?: readonly { row: number; value: string }[] },
): CheckedEnrolFile {
  const mapped = mapEnrolHeader(header);
  if ('missing' in mapped) return { fatal: { code: 'missing_columns', columns: mapped.missing } };
  const usernames = (options.fileUsernames ?? usernameCells(header, records)).map((u) => ({ row: u.row, username: normaliseUsername(u.value) }));
  const clashes = findDuplicateUsernames(usernames);
  const rows = records.map((record) => {
    const checked = checkRecord(record, mapped.columns, options);
    const others = clashes.get(record.row);
    return others ? addIssue(checked, { field: 'username', code: 'duplicate_in_file', rows: others }) : checked;
  });
  return { fatal: null, rows };
}

/** Usernames the directory already has, and mentor usernames it knows; rows that clash get an issue. */
export function applyDirectoryChecks(
  rows: readonly CheckedEnrolRow[],
  directory: { takenUsernames: ReadonlySet<string>; mentorUsernames: ReadonlySet<string> },
): CheckedEnrolRow[] {
  return rows.map((row) => {
    let checked = row;
    const usernameOk = !row.issues.some((i) => i.field === 'username' && i.code !== 'duplicate_in_file');
    if (usernameOk && row.values.username && directory.takenUsernames.has(row.values.username)) {
      checked = addIssue(checked, { field: 'username', code: 'username_taken' });
    }
    if (row.values.mentor && !directory.mentorUsernames.has(row.values.mentor)) {
      checked = addIssue(checked, { field: 'mentor', code: 'unknown_mentor' });
    }
    return checked;
  });
}

/** The usernames and mentor usernames worth looking up for these rows. */
export function directoryLookups(rows: readonly CheckedEnrolRow[]): { usernames: string[]; mentorUsernames: string[] } {
  const usernames = new Set<string>();
  const mentorUsernames = new Set<string>();
  for (const row of rows) {
    if (row.values.username && isValidUsername(row.values.username)) usernames.add(row.values.username);
    if (row.values.mentor) mentorUsernames.add(row.values.mentor);
  }
  return { usernames: [...usernames], mentorUsernames: [...mentorUsernames] };
}
