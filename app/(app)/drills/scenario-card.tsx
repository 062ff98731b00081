import { getTranslations } from '@/lib/i18n/server';
import type { DrillScenario } from '@/lib/content/drills';

/**
 * What the trainee needs to drill: the situation, the customer, the goals and the phrases to use.
 * The role-player's facts, notes and the expected answers stay with the lead (app/(app)/lead/drills).
 */
export async function ScenarioCard({ scenario }: { scenario: DrillScenario }) {
  const t = await getTranslations('floor');
  return (
    <div className="stack scenario">
      <h3>{scenario.title}</h3>
      <p className="inline small">
        <span className="badge">{t(`drills.types.${scenario.type}`)}</span>
        <span className="badge">{t(`drills.difficulty.${scenario.difficulty}`)}</span>
        <span className="badge">{t(`drills.direction.${scenario.direction}`)}</span>
        <span className="muted">{t('drills.minutes', { minutes: scenario.durationMinutes })}</span>
      </p>
      <p>{scenario.summary}</p>
      <section aria-label={t('drills.persona')}>
        <h4>{t('drills.persona')}</h4>
        <dl className="facts">
          <div>
            <dt>{t('drills.personaName')}</dt>
            <dd>{scenario.persona.name}</dd>
          </div>
          <div>
            <dt>{t('drills.personaProfile')}</dt>
            <dd>{scenario.persona.profile}</dd>
          </div>
          <div>
            <dt>{t('drills.personaMood')}</dt>
            <dd>{scenario.persona.mood}</dd>
          </div>
        </dl>
      </section>
      <section aria-label={t('drills.goals')}>
        <h4>{t('drills.goals')}</h4>
        <ul>
          {scenario.goals.map((goal) => (
            <li key={goal}>{goal}</li>
          ))}
        </ul>
      </section>
      <section aria-label={t('drills.keyPhrases')}>
        <h4>{t('drills.keyPhrases')}</h4>
        <ul className="phrases">
          {scenario.keyPhrases.map((phrase) => (
            <li key={phrase}>{phrase}</li>
          ))}
        </ul>
      </section>
      <details>
        <summary>{t('drills.commonMistakes')}</summary>
        <ul>
          {scenario.commonMistakes.map((mistake) => (
            <li key={mistake}>{mistake}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
