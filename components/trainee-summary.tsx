import { getTranslations } from '@/lib/i18n/server';
import type { TraineeRecord } from '@/db/queries/trainees';

export async function TraineeSummary({ trainee }: { trainee: TraineeRecord }) {
  const t = await getTranslations('trainee');
  return (
    <dl className="facts">
      <div>
        <dt>{t('class')}</dt>
        <dd>{t(`classes.${trainee.traineeClass}`)}</dd>
      </div>
      <div>
        <dt>{t('cohort')}</dt>
        <dd>{trainee.cohort}</dd>
      </div>
      <div>
        <dt>{t('startDate')}</dt>
        <dd>{trainee.startDate}</dd>
      </div>
      <div>
        <dt>{t('mentor')}</dt>
        <dd>{trainee.mentorName ?? t('noMentor')}</dd>
      </div>
      <div>
        <dt>{t('status')}</dt>
        <dd>
          <span className={`badge status-${trainee.status}`}>{t(`statuses.${trainee.status}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('stage')}</dt>
        <dd>{trainee.currentStage ? t(`stages.${trainee.currentStage}`) : t('stages.none')}</dd>
      </div>
    </dl>
  );
}
