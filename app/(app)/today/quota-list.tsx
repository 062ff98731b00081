import { getTranslations } from '@/lib/i18n/server';
import type { DayEvaluation, DayRequirement } from '@/domain/day-status';
import type { PlanStage } from '@/domain/plan';

/** Today's requirements from the engine (target and done come from content/program.yaml via the plan). */
export async function QuotaList({ evaluation, stage }: { evaluation: DayEvaluation | null; stage: PlanStage | null }) {
  const t = await getTranslations('today.quota');
  if (!evaluation || evaluation.requirements.length === 0) {
    const hint =
      stage === 'classroom' ? 'noneClassroom' : stage === 'solo' ? 'noneSolo' : stage === 'probation' ? 'noneProbation' : 'none';
    return <p className="muted">{t(hint)}</p>;
  }
  const count = (r: DayRequirement) =>
    r.code === 'calls_handled'
      ? t('countCalls', { done: r.done })
      : r.code === 'live_shadowing'
        ? t('countLive', { done: r.done })
        : t('count', { done: r.done, target: r.target });
  return (
    <>
      {evaluation.status === 'met' && (
        <p className="alert alert-ok" role="status">
          {t('allMet')}
        </p>
      )}
      {evaluation.status === 'excused' && (
        <p className="alert alert-info" role="status">
          {t('excused')}
        </p>
      )}
      <ul className="today-quotas">
        {evaluation.requirements.map((r) => {
          const percent = r.target <= 0 ? 100 : Math.min(100, Math.round((r.done / r.target) * 100));
          return (
            <li key={r.code} className={r.met ? 'today-quota is-met' : 'today-quota'}>
              <div className="today-quota-head">
                <span className="today-quota-label">{t(`requirements.${r.code}`)}</span>
                <span className="today-quota-count">{count(r)}</span>
                <span className={r.met ? 'badge badge-ok' : 'badge'}>{r.met ? `✓ ${t('met')}` : t('notMet')}</span>
              </div>
              <div
                className={r.met ? 'progress is-met' : 'progress'}
                role="progressbar"
                aria-label={t(`requirements.${r.code}`)}
                aria-valuemin={0}
                aria-valuemax={r.target}
                aria-valuenow={Math.min(r.done, r.target)}
                aria-valuetext={count(r)}
              >
                <span style={{ width: `${percent}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
