import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { TraineeSummary } from '@/components/trainee-summary';
import { loadTraineeOr404 } from '@/lib/access';
import { requireActor } from '@/lib/session';

export default async function TraineeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const trainee = loadTraineeOr404(getDb(), actor, Number((await params).id), 'trainee.read');
  const t = await getTranslations('trainee');
  return (
    <>
      <h1>{trainee.displayName}</h1>
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('summary')}</h2>
        <TraineeSummary trainee={trainee} />
      </section>
    </>
  );
}
