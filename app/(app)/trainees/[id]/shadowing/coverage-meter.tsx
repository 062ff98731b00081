import { getTranslations } from '@/lib/i18n/server';
import type { LiveListenCoverage } from '@/domain/day-status';

/** seeds/000 篇二 四(二)3: the mentor live-listens to ≥ target of the trainee's calls over the stage. */
export async function CoverageMeter({ coverage }: { coverage: LiveListenCoverage }) {
  const t = await getTranslations('floor');
  const target = Math.round(coverage.target * 100);
  const ratio = coverage.ratio === null ? null : Math.round(coverage.ratio * 100);
  return (
    <div className="coverage" role="group" aria-label={t('coverage.title')}>
      <p className="inline">
        <strong>{t('coverage.title')}</strong>
        {ratio === null ? (
          <span className="badge">{t('coverage.noCalls')}</span>
        ) : (
          <span className={coverage.status === 'met' ? 'badge badge-ok' : 'badge badge-warn'}>
            {t('coverage.ratio', { ratio, target })}
          </span>
        )}
      </p>
      <div className={coverage.status === 'met' ? 'progress is-met coverage-bar' : 'progress coverage-bar'} aria-hidden="true">
        <span style={{ width: `${Math.min(100, ratio ?? 0)}%` }} />
        <i className="coverage-target" style={{ left: `${target}%` }} />
      </div>
      <p className="small muted">{t('coverage.counts', { listened: coverage.liveListened, handled: coverage.handled, target })}</p>
    </div>
  );
}
