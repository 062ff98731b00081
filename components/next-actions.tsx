import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { NextAction } from '@/domain/next-actions';

/** Renders the engine's next-action codes as sentences in the user's language. */
export async function NextActionList({ actions, emptyKey = 'nothingToDo' }: { actions: NextAction[]; emptyKey?: string }) {
  const t = await getTranslations('plan');
  const format = await getFormatter();
  if (actions.length === 0) return <p className="muted">{t(emptyKey)}</p>;
  return (
    <ul className="next-actions">
      {actions.map((action, i) => {
        const params: Record<string, string | number> = {};
        for (const [key, value] of Object.entries(action)) {
          if (key === 'code') continue;
          if (Array.isArray(value)) {
            params[key] = format.list(value.map(String));
            params[`${key}Count`] = value.length;
          } else if (typeof value === 'boolean') params[key] = value ? 'yes' : 'no';
          else if (value === null) params[key] = '—';
          else if (key === 'ratio' || key === 'target') params[key] = Math.round(Number(value) * 100);
          else if (key === 'gate') params[key] = t(`gates.${String(value)}`);
          else params[key] = value as string | number;
        }
        return <li key={`${action.code}-${i}`}>{t(`actions.${action.code}`, params)}</li>;
      })}
    </ul>
  );
}
