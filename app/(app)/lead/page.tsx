import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listTrainees } from '@/db/queries/trainees';
import { TraineeTable } from '@/components/trainee-table';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

export default async function LeadHomePage() {
  const actor = await requireActor();
  if (!can(actor, 'report.read', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('home');
  const rows = listTrainees(getDb(), { orgId: actor.orgId });
  return (
    <>
      <h1>{t('leadTitle')}</h1>
      <TraineeTable rows={rows} caption={t('cohortCaption')} />
    </>
  );
}
