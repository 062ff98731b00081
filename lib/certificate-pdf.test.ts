import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';
import { fitToFont, MISSING_GLYPH, renderCertificatePdf, type CertificateContent } from './certificate-pdf';

const content = (name: string): CertificateContent => ({
  title: '结业认证证书',
  titleEn: 'Certificate of Completion',
  statement: '兹证明以下学员已完成“坐席新人培训认证”的全部培训与考核。',
  statementEn: 'This certifies that the person named below completed the program.',
  name,
  lines: [
    { label: '学员类别', labelEn: 'Trainee class', value: 'A类(无外呼经验)' },
    { label: '入职培训日期', labelEn: 'Program start', value: '2026-09-02' },
    { label: '认证日期', labelEn: 'Certified on', value: '2026-11-13' },
    { label: '证书编号', labelEn: 'Verification code', value: 'ABCD-EFGH-JKLM' },
  ],
  verifyHint: '访问以下网址可核验本证书的真伪：',
  verifyHintEn: 'Verify this certificate at:',
  verifyUrl: 'http://localhost:3000/verify/ABCD-EFGH-JKLM',
  issuer: '客户服务中心(演示)',
  subject: 'Certificate ABCD-EFGH-JKLM',
});

describe('renderCertificatePdf', () => {
  it('writes a one-page PDF with the committed Chinese font embedded as a subset', async () => {
    const bytes = await renderCertificatePdf(content('王俊'));
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain('王俊');
    // A subset, not the 2 MB font: the file stays small.
    expect(bytes.length).toBeLessThan(200_000);
    // Byte-identical on every download.
    expect(Buffer.from(await renderCertificatePdf(content('王俊'))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('does not fail on a name with characters outside the font: they are drawn as □', async () => {
    const rare = '王𠀀喆'; // U+20000 is in no GB2312/GBK font; 喆 was added to the subset
    const bytes = await renderCertificatePdf(content(rare));
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fs.readFileSync(path.join(process.cwd(), 'lib/fonts/NotoSansSC-Regular-subset.ttf')), { subset: true });
    expect(fitToFont(font, rare)).toBe(`王${MISSING_GLYPH}喆`);
    expect(fitToFont(font, 'Zhao Xiaowen 赵晓雯')).toBe('Zhao Xiaowen 赵晓雯');
  });
});
