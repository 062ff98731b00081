// A safe CSV writer for exports: papaparse's quoting (commas, quotes, line breaks inside cells),
// CRLF line ends, a byte-order mark so Excel reads the Chinese text as UTF-8, and a guard against
// CSV formula injection (OWASP): a text cell starting with = + - @ (or tab / carriage return) is
// prefixed with a single quote, so a reason like "=HYPERLINK(…)" opens as text, not as a formula.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would evaluate gets a leading quote; numbers are left as numbers. */
export function escapeCsvFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function toCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeCsvFormula(value);
}

/** A header row and data rows as one CSV document (with BOM, ending in CRLF). */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const fields = header.map((h) => escapeCsvFormula(h));
  const data = rows.map((row) => row.map(toCell));
  const body = Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false });
  // Papa ends the header with a line break only when there are no rows; end every file with exactly one.
  return `\uFEFF${body.endsWith('\r\n') ? body : `${body}\r\n`}`;
}

/** Content-Disposition for a download; the ASCII name plus an RFC 5987 UTF-8 name. */
export function attachmentDisposition(asciiName: string, utf8Name?: string): string {
  const safe = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  return utf8Name ? `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}` : `attachment; filename="${safe}"`;
}

/** Bytes of an uploaded file as text: UTF-8 (with or without BOM), else GB18030, which Excel on Chinese Windows writes. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
