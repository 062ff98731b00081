import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listMentees } from '@/db/queries/trainees';
import { TraineeTable } from '@/components/trainee-table';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

export default async function MentorHomePage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.mentor', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('home');
  const mentees = listMentees(getDb(), { orgId: actor.orgId, mentorId: actor.userId });
  return (
    <>
      <h1>{t('mentorTitle')}</h1>
      <TraineeTable rows={mentees} caption={t('menteesCaption')} />
    </>
  );
}
