import { getTranslations } from '@/lib/i18n/server';
import type { DayEvaluation, DayRequirement, DayStatus } from '@/domain/day-status';

const STATUS_CLASS: Record<DayStatus, string> = {
  met: 'badge badge-ok',
  missed: 'badge badge-bad',
  pending: 'badge badge-warn',
  excused: 'badge',
  not_required: 'badge',
};

/** The engine's verdict on a day (met / missed / excused / pending); a pending day after today is still to come. */
export async function DayStatusBadge({ status, upcoming = false }: { status: DayStatus; upcoming?: boolean }) {
  const t = await getTranslations('floor');
  if (upcoming && status === 'pending') return <span className="badge">{t('dayStatus.upcoming')}</span>;
  return <span className={STATUS_CLASS[status]}>{t(`dayStatus.${status}`)}</span>;
}

/** One line per requirement of the day: "录音 7/10 · 在线旁听 ✓". */
export async function RequirementSummary({ requirements }: { requirements: readonly DayRequirement[] }) {
  const t = await getTranslations('floor');
  if (requirements.length === 0) return null;
  return (
    <ul className="requirement-list">
      {requirements.map((r) => (
        <li key={r.code} className={r.met ? 'is-met' : undefined}>
          {t(`requirement.${r.code}`, { done: r.done, target: r.target, met: String(r.met) })}
        </li>
      ))}
    </ul>
  );
}

export function findRequirement(day: DayEvaluation | null | undefined, code: DayRequirement['code']): DayRequirement | undefined {
  return day?.requirements.find((r) => r.code === code);
}
