import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '@/domain/calendar';
import {
  applyDirectoryChecks,
  checkEnrolRecords,
  decodeCsvBytes,
  directoryLookups,
  mapEnrolHeader,
  splitCsvRecords,
  usernameCells,
  type CheckedEnrolRow,
} from './enrolment-csv';

const calendar = buildWorkCalendar({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], makeUpWorkdays: ['2026-10-10'] });
const today = '2026-09-28';
const options = { today, calendar };

function check(csv: string) {
  const split = splitCsvRecords(csv);
  if (!split) throw new Error('no header');
  const result = checkEnrolRecords(split.header, split.records, options);
  if (result.fatal) throw new Error(`fatal ${result.fatal.code}`);
  return result.rows;
}

const issuesOf = (rows: CheckedEnrolRow[]) => rows.flatMap((r) => r.issues.map((i) => ({ row: r.row, field: i.field, code: i.code, rows: i.rows })));

describe('the header', () => {
  it('accepts English and Chinese spellings, in any order and case', () => {
    expect(mapEnrolHeader(['name', 'username', 'class', 'cohort', 'start_date', 'mentor_username'])).toEqual({
      columns: { name: 0, username: 1, traineeClass: 2, cohort: 3, startDate: 4, mentor: 5 },
    });
    expect(mapEnrolHeader(['指导客服代表', '入职日期', '批次', '类别', '用户名', '姓名'])).toEqual({
      columns: { name: 5, username: 4, traineeClass: 3, cohort: 2, startDate: 1, mentor: 0 },
    });
    expect(mapEnrolHeader(['Name', 'User Name', 'Trainee Class', 'Batch', 'Start Date', 'Mentor'])).toHaveProperty('columns');
    expect(mapEnrolHeader(['姓名', '账号', '学员类别', '入职批次', '开始日期', '导师用户名'])).toHaveProperty('columns');
  });

  it('lists the missing columns', () => {
    expect(mapEnrolHeader(['name', 'username', 'class'])).toEqual({ missing: ['cohort', 'startDate', 'mentor'] });
  });

  it('is fatal for the whole file when a column is missing', () => {
    const split = splitCsvRecords('name,username\n张三,zhangsan\n')!;
    expect(checkEnrolRecords(split.header, split.records, options)).toEqual({
      fatal: { code: 'missing_columns', columns: ['traineeClass', 'cohort', 'startDate', 'mentor'] },
    });
  });
});

describe('reading the file', () => {
  it('strips a byte-order mark, skips blank rows but keeps spreadsheet row numbers', () => {
    const split = splitCsvRecords('\uFEFF姓名,用户名,类别,批次,入职日期,指导客服代表\n张三,zs01,A,2026-10,2026-09-29,mentor1\n\n,,,,,\n李四,ls01,B类,2026-10,2026/9/30,mentor2\n');
    expect(split?.header[0]).toBe('姓名');
    expect(split?.records.map((r) => r.row)).toEqual([2, 5]);
  });

  it('decodes UTF-8 with a BOM and GB18030 from Excel', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名')]);
    expect(decodeCsvBytes(utf8)).toBe('姓名');
    // 姓名 in GB18030
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });

  it('has no header in an empty or blank file', () => {
    expect(splitCsvRecords('')).toBeNull();
    expect(splitCsvRecords('\n , \n')).toBeNull();
  });
});

describe('checking rows', () => {
  const header = 'name,username,class,cohort,start_date,mentor_username';

  it('turns a good row into a candidate with normalised values', () => {
    const rows = check(`${header}\n 张三 ,ZhangSan01,a类,2026-10,2026年9月29日,Mentor1\n`);
    expect(rows).toEqual([
      {
        row: 2,
        values: { name: '张三', username: 'zhangsan01', traineeClass: 'A', cohort: '2026-10', startDate: '2026-09-29', mentor: 'mentor1' },
        candidate: { displayName: '张三', username: 'zhangsan01', traineeClass: 'A', cohort: '2026-10', startDate: '2026-09-29', mentorUsername: 'mentor1' },
        issues: [],
      },
    ]);
  });

  it('reports every problem of every row, with its field', () => {
    const rows = check(
      [
        header,
        ',x,C,,tomorrow,',
        `${'长'.repeat(81)},ok01,B,2026-10,2026-09-25,mentor1`,
        'ok,ok02,B,2026-10,2026-10-03,mentor1',
        'ok,ok03,B,2026-10,2026-10-05,mentor1',
        'ok,ok04,A,2026-10,2027-06-01,mentor1',
      ].join('\n'),
    );
    expect(issuesOf(rows)).toEqual([
      { row: 2, field: 'name', code: 'required', rows: undefined },
      { row: 2, field: 'username', code: 'invalid_username', rows: undefined },
      { row: 2, field: 'traineeClass', code: 'invalid_class', rows: undefined },
      { row: 2, field: 'cohort', code: 'required', rows: undefined },
      { row: 2, field: 'startDate', code: 'invalid_date', rows: undefined },
      { row: 2, field: 'mentor', code: 'required', rows: undefined },
      { row: 3, field: 'name', code: 'too_long', rows: undefined },
      { row: 3, field: 'startDate', code: 'start_date_past', rows: undefined },
      { row: 4, field: 'startDate', code: 'start_date_not_working_day', rows: undefined },
      { row: 5, field: 'startDate', code: 'start_date_not_working_day', rows: undefined },
      { row: 6, field: 'startDate', code: 'start_date_too_far', rows: undefined },
    ]);
    expect(rows.every((r) => r.candidate === null)).toBe(true);
  });

  it('accepts a make-up working day on a Saturday', () => {
    expect(issuesOf(check(`${header}\nok,ok05,A,2026-10,2026-10-10,mentor1`))).toEqual([]);
  });

  it('names the other rows of a username used twice, whatever its case', () => {
    const rows = check([header, 'a,dup01,A,c,2026-09-29,mentor1', 'b,other,A,c,2026-09-29,mentor1', 'c,DUP01,A,c,2026-09-29,mentor1'].join('\n'));
    expect(issuesOf(rows)).toEqual([
      { row: 2, field: 'username', code: 'duplicate_in_file', rows: [4] },
      { row: 4, field: 'username', code: 'duplicate_in_file', rows: [2] },
    ]);
  });

  it('checks one chunk against the whole file', () => {
    const split = splitCsvRecords([header, 'a,dup01,A,c,2026-09-29,mentor1', 'b,x01,A,c,2026-09-29,mentor1', 'c,dup01,A,c,2026-09-29,mentor1'].join('\n'))!;
    const fileUsernames = usernameCells(split.header, split.records);
    const chunk = checkEnrolRecords(split.header, split.records.slice(2), { ...options, fileUsernames });
    expect(chunk.fatal === null && issuesOf(chunk.rows)).toEqual([{ row: 4, field: 'username', code: 'duplicate_in_file', rows: [2] }]);
  });

  it('marks a row with broken quotes as malformed', () => {
    const rows = check(`${header}\nok,ok06,A,c,2026-09-29,mentor1\n"broken,ok07,A,c,2026-09-29,mentor1`);
    expect(issuesOf(rows).map((i) => [i.row, i.code])).toEqual([[3, 'malformed_row']]);
  });
});

describe('checking against the directory', () => {
  it('refuses usernames already taken and mentors the organisation does not have', () => {
    const rows = check(
      [
        'name,username,class,cohort,start_date,mentor',
        'a,taken01,A,c,2026-09-29,mentor1',
        'b,free01,A,c,2026-09-29,nobody',
        'c,free02,A,c,2026-09-29,mentor1',
      ].join('\n'),
    );
    expect(directoryLookups(rows)).toEqual({ usernames: ['taken01', 'free01', 'free02'], mentorUsernames: ['mentor1', 'nobody'] });
    const checked = applyDirectoryChecks(rows, { takenUsernames: new Set(['taken01']), mentorUsernames: new Set(['mentor1']) });
    expect(issuesOf(checked)).toEqual([
      { row: 2, field: 'username', code: 'username_taken', rows: undefined },
      { row: 3, field: 'mentor', code: 'unknown_mentor', rows: undefined },
    ]);
    expect(checked.map((r) => r.candidate?.username ?? null)).toEqual([null, null, 'free02']);
  });
});
