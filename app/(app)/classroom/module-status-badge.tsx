import { getTranslations } from '@/lib/i18n/server';
import type { ModuleQuizState } from '@/domain/classroom';

const TONE: Record<ModuleQuizState['status'], string> = {
  passed: 'badge-ok',
  waived: 'badge-ok',
  in_progress: 'badge-warn',
  limit_reached: 'badge-bad',
  available: '',
};

/** A module's quiz state as one badge: passed (with the best score), waived, in progress, see the lead, or not yet passed. */
export async function ModuleStatusBadge({ quiz }: { quiz: ModuleQuizState }) {
  const t = await getTranslations('classroom');
  const label =
    quiz.status === 'passed'
      ? t('status.passed', { score: quiz.bestScorePercent ?? 0 })
      : quiz.status === 'available' && quiz.attemptsUsed > 0
        ? t('status.retry', { best: quiz.bestScorePercent ?? 0 })
        : t(`status.${quiz.status}`);
  return <span className={`badge ${TONE[quiz.status]}`.trim()}>{label}</span>;
}
