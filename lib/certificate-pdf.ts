// The certificate as a PDF (pdf-lib): landscape A4, Chinese with English beneath, the verification
// code and the public verify URL. Text comes in from the caller (the message catalogues); the
// Chinese font is the subset committed under lib/fonts (Noto Sans SC, OFL), embedded as a subset of
// the glyphs used, so the app never depends on the fonts installed on the server.
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type CertificateLine = { label: string; labelEn: string; value: string };

export type CertificateContent = {
  title: string;
  titleEn: string;
  /** "This certifies that … completed …": the lines under the name. */
  statement: string;
  statementEn: string;
  name: string;
  lines: CertificateLine[];
  verifyHint: string;
  verifyHintEn: string;
  verifyUrl: string;
  issuer: string;
  /** Document metadata. */
  subject: string;
};

const FONT_DIR = path.join(process.cwd(), 'lib', 'fonts');
const REGULAR = 'NotoSansSC-Regular-subset.ttf';
const BOLD = 'NotoSansSC-Bold-subset.ttf';
/** Drawn in place of a character the subset font lacks (it is in GB2312, so in the font). */
export const MISSING_GLYPH = '□';

const fontCache = new Map<string, Uint8Array>();
function fontBytes(file: string): Uint8Array {
  let bytes = fontCache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(FONT_DIR, file));
    fontCache.set(file, bytes);
  }
  return bytes;
}

const charsetCache = new WeakMap<PDFFont, Set<number>>();
/**
 * Replaces characters the font can't draw (a rare name character outside GB2312 and the extras the
 * font was built with) by □, and drops control characters: the PDF never fails because of a name.
 */
export function fitToFont(font: PDFFont, text: string): string {
  let charset = charsetCache.get(font);
  if (!charset) {
    charset = new Set(font.getCharacterSet());
    charsetCache.set(font, charset);
  }
  let out = '';
  for (const ch of text.replace(/[\u0000-\u001F\u007F]/g, ' ')) {
    out += charset.has(ch.codePointAt(0)!) ? ch : MISSING_GLYPH;
  }
  return out;
}

const INK = rgb(0.13, 0.16, 0.22);
const MUTED = rgb(0.42, 0.45, 0.5);
const ACCENT = rgb(0.62, 0.45, 0.16);

type Fonts = { regular: PDFFont; bold: PDFFont };

function drawCentered(page: PDFPage, text: string, y: number, size: number, font: PDFFont, color = INK, maxWidth = page.getWidth() - 160): void {
  const safe = fitToFont(font, text);
  let fontSize = size;
  // A long name or program title shrinks to fit rather than running off the page.
  while (fontSize > 8 && font.widthOfTextAtSize(safe, fontSize) > maxWidth) fontSize -= 1;
  const width = font.widthOfTextAtSize(safe, fontSize);
  page.drawText(safe, { x: (page.getWidth() - width) / 2, y, size: fontSize, font, color });
}

/** English prose breaks at spaces into lines that fit; a line that still doesn't fit shrinks. */
function drawWrappedCentered(page: PDFPage, text: string, y: number, size: number, font: PDFFont, color = INK, lineGap = 3): number {
  const maxWidth = page.getWidth() - 180;
  const words = fitToFont(font, text).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  lines.forEach((l, i) => drawCentered(page, l, y - i * (size + lineGap), size, font, color, maxWidth));
  return lines.length;
}

function drawLeft(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, color = INK, maxWidth = 400): void {
  const safe = fitToFont(font, text);
  let fontSize = size;
  while (fontSize > 7 && font.widthOfTextAtSize(safe, fontSize) > maxWidth) fontSize -= 0.5;
  page.drawText(safe, { x, y, size: fontSize, font, color });
}

function drawFrame(page: PDFPage): void {
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: ACCENT, borderWidth: 2.5 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: ACCENT, borderWidth: 0.75 });
}

export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes(REGULAR), { subset: true }),
    bold: await doc.embedFont(fontBytes(BOLD), { subset: true }),
  };
  doc.setTitle(fitToFont(fonts.regular, `${content.title} · ${content.name}`));
  doc.setSubject(content.subject);
  doc.setProducer('pdf-lib');
  doc.setCreator(content.issuer);
  // Fixed dates keep the same certificate byte-identical whenever it is downloaded.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));

  const page = doc.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  drawFrame(page);

  drawCentered(page, content.title, height - 110, 34, fonts.bold, INK);
  drawCentered(page, content.titleEn, height - 134, 13, fonts.regular, MUTED);
  drawCentered(page, content.statement, height - 178, 14, fonts.regular, INK);
  drawWrappedCentered(page, content.statementEn, height - 196, 9.5, fonts.regular, MUTED);
  drawCentered(page, content.name, height - 256, 30, fonts.bold, INK);
  page.drawLine({ start: { x: width / 2 - 140, y: height - 266 }, end: { x: width / 2 + 140, y: height - 266 }, thickness: 0.75, color: ACCENT });

  // The facts in two columns: label (zh / en) and value.
  const left = 150;
  const valueX = 330;
  let y = height - 306;
  for (const line of content.lines) {
    drawLeft(page, line.label, left, y, 12, fonts.bold, INK, 170);
    drawLeft(page, line.labelEn, left, y - 13, 8, fonts.regular, MUTED, 170);
    drawLeft(page, line.value, valueX, y - 3, 13, fonts.regular, INK, width - valueX - 120);
    y -= 34;
  }

  drawCentered(page, content.verifyHint, 92, 10, fonts.regular, INK);
  drawCentered(page, content.verifyHintEn, 78, 8, fonts.regular, MUTED);
  drawCentered(page, content.verifyUrl, 60, 10, fonts.regular, ACCENT);
  drawLeft(page, content.issuer, width - 260, 112, 11, fonts.bold, INK, 200);
  return doc.save();
}
