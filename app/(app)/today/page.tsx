import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getTraineeByUser } from '@/db/queries/trainees';
import { TraineeSummary } from '@/components/trainee-summary';
import { requireActor } from '@/lib/session';

export default async function TodayPage() {
  const actor = await requireActor();
  const trainee = getTraineeByUser(getDb(), { orgId: actor.orgId, userId: actor.userId });
  if (!trainee) notFound();
  const t = await getTranslations('home');
  return (
    <>
      <h1>{t('traineeTitle', { name: trainee.displayName })}</h1>
      <section className="card">
        <TraineeSummary trainee={trainee} />
        <Link href={`/trainees/${trainee.id}`}>{t('openPlan')}</Link>
      </section>
    </>
  );
}
