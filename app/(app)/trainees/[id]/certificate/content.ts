// What the certificate says, in Chinese with English beneath, from the message catalogues.
import { getTranslations } from '@/lib/i18n/server';
import type { CertificateContent } from '@/lib/certificate-pdf';

export type CertificateFacts = {
  name: string;
  traineeClass: 'A' | 'B';
  startDate: string;
  certifiedOn: string;
  code: string;
  verifyUrl: string;
  issuer: string;
};

export async function buildCertificateContent(facts: CertificateFacts): Promise<{ content: CertificateContent; fileName: string }> {
  const zh = await getTranslations({ locale: 'zh-CN', namespace: 'certificate.pdf' });
  const en = await getTranslations({ locale: 'en', namespace: 'certificate.pdf' });
  const zhClass = await getTranslations({ locale: 'zh-CN', namespace: 'trainee.classes' });
  const program = zh('program');
  const line = (key: string, value: string) => ({ label: zh(`lines.${key}`), labelEn: en(`lines.${key}`), value });
  const content: CertificateContent = {
    title: zh('title'),
    titleEn: en('title'),
    statement: zh('statement', { program }),
    statementEn: en('statement', { program: en('program') }),
    name: facts.name,
    lines: [
      line('class', zhClass(facts.traineeClass)),
      line('program', program),
      line('startDate', facts.startDate),
      line('certifiedOn', facts.certifiedOn),
      line('code', facts.code),
    ],
    verifyHint: zh('verifyHint'),
    verifyHintEn: en('verifyHint'),
    verifyUrl: facts.verifyUrl,
    issuer: facts.issuer,
    subject: en('subject', { code: facts.code }),
  };
  return { content, fileName: zh('fileName', { name: facts.name, code: facts.code }) };
}
