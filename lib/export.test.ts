import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportFileName, neutraliseFormula, toCsv, toSheetName, toXlsx, type ExportTable } from './export';

const table: ExportTable = {
  title: '学员名单',
  columns: [
    { key: 'name', header: '姓名' },
    { key: 'note', header: '备注' },
    { key: 'days', header: '剩余工作日' },
  ],
  rows: [
    { name: '周婷', note: '延长一周, "监听"', days: 4 },
    { name: '=HYPERLINK("http://evil.example","点我")', note: '+86 138', days: -1 },
    { name: '@SUM(A1)', note: '-2+3', days: null },
    { name: '\tTAB', note: '\rCR', days: 0 },
    { name: '王俊', note: 'a=b', days: 12 },
  ],
};

describe('neutraliseFormula (CSV injection guard)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['周婷', '周婷'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  const csv = toCsv(table);

  it('starts with a byte-order mark and the column titles, rows in order, CRLF', () => {
    expect(csv.startsWith('\uFEFF姓名,备注,剩余工作日\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['姓名', '备注', '剩余工作日'],
      ['周婷', '延长一周, "监听"', '4'],
      ["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'+86 138", '-1'],
      ["'@SUM(A1)", "'-2+3", ''],
      ["'\tTAB", "'\rCR", '0'],
      ['王俊', 'a=b', '12'],
    ]);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csv).toContain(',-1\r\n');
  });

  it('guards a header too', () => {
    expect(toCsv({ title: 't', columns: [{ key: 'a', header: '=cmd' }], rows: [] })).toBe("\uFEFF'=cmd\r\n");
  });
});

describe('toXlsx', () => {
  it('writes one sheet per table with the same header and rows, numbers as numbers, no formulas', async () => {
    const buffer = await toXlsx([table, { ...table, title: '学员名单' }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['学员名单', '学员名单 2']);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values[0]).toEqual(['姓名', '备注', '剩余工作日']);
    expect(values[1]).toEqual(['周婷', '延长一周, "监听"', 4]);
    expect(values[2]).toEqual(["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'+86 138", -1]);
    expect(values[3]?.slice(0, 2)).toEqual(["'@SUM(A1)", "'-2+3"]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('file names and sheet names', () => {
  it('puts the table and the date in an ASCII file name', () => {
    expect(exportFileName('pass-rates', '2026-11-25', 'csv')).toBe('training-pass-rates-2026-11-25.csv');
    expect(exportFileName('../x', '2026-11-25', 'xlsx')).toBe('training----x-2026-11-25.xlsx');
  });

  it('keeps sheet names within Excel’s rules', () => {
    expect(toSheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(toSheetName('x'.repeat(40))).toHaveLength(31);
    expect(toSheetName('  ')).toBe('Sheet1');
  });
});
