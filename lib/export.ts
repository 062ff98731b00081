// Tables as files: CSV (papaparse) and XLSX (exceljs), with the same columns and rows as the page.
import ExcelJS from 'exceljs';
import { escapeCsvFormula, writeCsv } from './csv';

export type ExportCell = string | number | null;
export type ExportColumn = { key: string; header: string };
export type ExportTable = { title: string; columns: ExportColumn[]; rows: Record<string, ExportCell>[] };
export type ExportFormat = 'csv' | 'xlsx';

/** The CSV injection guard shared with every other export (lib/csv.ts). */
export const neutraliseFormula = escapeCsvFormula;

/** CSV with a header row of the column titles; quoting, BOM and the formula guard come from lib/csv.ts. */
export function toCsv(table: ExportTable): string {
  return writeCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null)),
  );
}

/** Excel forbids []:*?/\ in sheet names and cuts them at 31 characters. */
export function toSheetName(title: string): string {
  const cleaned = title.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (cleaned || 'Sheet1').slice(0, 31);
}

/**
 * One worksheet per table, header row bold and frozen. Cells are written as typed values (text or
 * number), never as formulas, so text starting with "=" is shown as text; it is still prefixed like
 * the CSV so a sheet copied to CSV later stays safe and both files read the same.
 */
export async function toXlsx(tables: ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of tables) {
    let name = toSheetName(table.title);
    for (let n = 2; used.has(name); n++) name = `${toSheetName(table.title).slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: neutraliseFormula(c.header),
      key: c.key,
      width: Math.min(40, Math.max(10, c.header.length * 2 + 4)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxCell(row[c.key] ?? null)])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCell(value: ExportCell): string | number | null {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** e.g. training-trainees-2026-11-25.csv: ASCII, so every browser keeps it as is. */
export function exportFileName(table: string, today: string, format: ExportFormat): string {
  const safe = table.replace(/[^a-z0-9-]/gi, '-');
  return `training-${safe}-${today}.${format}`;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
