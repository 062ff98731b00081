import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listTrainees } from '@/db/queries/trainees';
import { TraineeTable } from '@/components/trainee-table';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

export default async function QaHomePage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.qa', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('home');
  const rows = listTrainees(getDb(), { orgId: actor.orgId, stages: ['solo', 'probation'] });
  return (
    <>
      <h1>{t('qaTitle')}</h1>
      <TraineeTable rows={rows} caption={t('assessingCaption')} />
    </>
  );
}
