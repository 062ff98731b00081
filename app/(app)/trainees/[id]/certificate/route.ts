// The certificate PDF: for the certified trainee and the organisation's leads (certificate.read);
// anyone else — and a trainee without a certificate in force — gets the same 404 as a missing page.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getOrganisation } from '@/db/queries/program';
import { loadTraineeFor } from '@/lib/access';
import { renderCertificatePdf } from '@/lib/certificate-pdf';
import { attachmentDisposition } from '@/lib/csv';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { getActor } from '@/lib/session';
import { buildCertificateContent } from './content';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The public address printed on the certificate: PUBLIC_BASE_URL when set (behind a proxy), else this request's. */
function verifyUrl(request: NextRequest, code: string): string {
  const base = process.env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || request.nextUrl.origin;
  return `${base}/verify/${code}`;
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return notFound();
  const db = getDb();
  let trainee;
  try {
    trainee = loadTraineeFor(db, actor, Number((await params).id), 'certificate.read');
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  const ctx = loadProgramContext(db, trainee.orgId);
  const plan = computeTraineePlan(db, ctx, trainee, todayFor(ctx));
  // Only a certificate still in force: a corrected sign-off withdraws it.
  if (!plan.certificate) return notFound();
  const { code, date } = plan.certificate;
  const { content, fileName } = await buildCertificateContent({
    name: trainee.displayName,
    traineeClass: trainee.traineeClass,
    startDate: trainee.startDate,
    certifiedOn: date,
    code,
    verifyUrl: verifyUrl(request, code),
    issuer: getOrganisation(db, { orgId: trainee.orgId })?.name ?? '',
  });
  const pdf = await renderCertificatePdf(content);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(`certificate-${code}.pdf`, fileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
