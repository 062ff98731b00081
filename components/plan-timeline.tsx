import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { Plan } from '@/domain/plan';

/** The trainee's program as an ordered list of blocks, with today, extensions and retraining marked. */
export async function PlanTimeline({ plan }: { plan: Plan }) {
  const t = await getTranslations('plan');
  const format = await getFormatter();
  const ts = await getTranslations('trainee.stages');
  return (
    <ol className="timeline" aria-label={t('timelineLabel')}>
      {plan.blocks.map((block, index) => {
        const isCurrent = index === plan.currentBlockIndex;
        const label = block.kind === 'regular' ? ts(block.stage) : t(`kinds.${block.kind}`, { stage: ts(block.stage) });
        return (
          <li
            key={`${block.stage}-${block.kind}-${block.attempt}-${index}`}
            className={`timeline-block state-${block.state} kind-${block.kind}`}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <div className="timeline-head">
              <span className="timeline-title">
                {label}
                {block.attempt > 1 && block.kind === 'regular' && <> · {t('attempt', { n: block.attempt })}</>}
              </span>
              {block.kind !== 'regular' && <span className="badge badge-warn">{t(`kindBadges.${block.kind}`)}</span>}
              {isCurrent && <span className="badge badge-ok">{t('today')}</span>}
              {block.outcome && <span className={`badge outcome-${block.outcome}`}>{t(`outcomes.${block.outcome}`)}</span>}
            </div>
            <p className="timeline-dates">
              {block.skipped
                ? t('skipped')
                : block.stage === 'certified'
                  ? block.start
                  : t('range', { start: block.start, end: block.end, days: block.workingDays.length })}
              {block.provisional && <span className="muted"> · {t('provisional')}</span>}
              {block.excusedDays.length > 0 && <span className="muted"> · {t('excusedCount', { n: block.excusedDays.length })}</span>}
            </p>
            {block.missedDays.length > 0 && (
              <p className="timeline-missed">{t('missedDays', { n: block.missedDays.length, dates: format.list(block.missedDays) })}</p>
            )}
            {block.coverage && block.coverage.ratio !== null && (
              <p className="muted small">
                {t('coverage', { ratio: Math.round(block.coverage.ratio * 100), target: Math.round(block.coverage.target * 100) })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
