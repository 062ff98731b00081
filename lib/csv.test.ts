import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, escapeCsvFormula, writeCsv } from './csv';

describe('writeCsv', () => {
  it('quotes commas, quotes and line breaks so the file reads back cell for cell', () => {
    const rows = [['王俊', '说"好的",然后挂机', '第一行\r\n第二行', 3, null]];
    const csv = writeCsv(['姓名', '原因', '备注', '次数', '空'], rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' });
    expect(parsed.data).toEqual([
      ['姓名', '原因', '备注', '次数', '空'],
      ['王俊', '说"好的",然后挂机', '第一行\r\n第二行', '3', ''],
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const csv = writeCsv(['a'], [['=HYPERLINK("http://x","y")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tcmd'], [-5], ['a=b']]);
    const cells = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data.slice(1).map((r) => r[0]);
    expect(cells).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", '-5', 'a=b']);
  });

  it('escapeCsvFormula only touches the dangerous first characters', () => {
    expect(escapeCsvFormula('=1')).toBe("'=1");
    expect(escapeCsvFormula('普通文字')).toBe('普通文字');
    expect(escapeCsvFormula('')).toBe('');
  });
});

describe('attachmentDisposition', () => {
  it('keeps the ASCII name safe and adds the UTF-8 name', () => {
    expect(attachmentDisposition('history 2026"x.csv')).toBe('attachment; filename="history_2026_x.csv"');
    expect(attachmentDisposition('c.pdf', '王俊-证书.pdf')).toBe(`attachment; filename="c.pdf"; filename*=UTF-8''${encodeURIComponent('王俊-证书.pdf')}`);
  });
});
