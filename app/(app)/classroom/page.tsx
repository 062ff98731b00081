import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getTraineeByUser } from '@/db/queries/trainees';
import { loadTraineeOr404 } from '@/lib/access';
import { loadClassroomProgress } from '@/lib/classroom';
import { loadModules } from '@/lib/content/modules';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { ModuleStatusBadge } from './module-status-badge';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('classroom'))('title') };
}

/** The trainee's classroom: each module's lessons and quiz, the stage's completion, and the exam. */
export default async function ClassroomPage() {
  const actor = await requireActor();
  const db = getDb();
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) return <ModuleCatalogue />;
  const trainee = loadTraineeOr404(db, actor, own.id, 'classroom.study');
  const ctx = loadProgramContext(db, actor.orgId);
  const progress = loadClassroomProgress(db, ctx, trainee, Date.now());
  const t = await getTranslations('classroom');
  const done = progress.stageRecorded || progress.complete;

  return (
    <>
      <h1>{t('title')}</h1>
      <section className="card classroom-stage" aria-label={t('overview.stage')}>
        {done ? (
          <p className="alert alert-ok" role="status">
            {t('overview.complete')}
          </p>
        ) : (
          <p>
            {t(`overview.howToComplete.${trainee.traineeClass}`)}{' '}
            <strong>{t('overview.outstanding', { count: progress.outstandingModuleIds.length })}</strong>
          </p>
        )}
      </section>

      <ol className="module-list">
        {progress.modules.map((m) => {
            const read = m.lessonsRead.length;
            const total = m.module.lessons.length;
            return (
              <li key={m.module.id} className="card module-card">
                <div className="inline spread">
                  <h2>
                    <Link href={`/classroom/${m.module.id}`}>{m.module.title}</Link>
                  </h2>
                  <span className="inline">
                    {!m.required && <span className="badge">{t('module.optional')}</span>}
                    <ModuleStatusBadge quiz={m.quiz} />
                  </span>
                </div>
                <p className="muted small">{m.module.summary}</p>
                <div className="module-meter">
                  <span className="small">{t('module.readCount', { read, total })}</span>
                  <div className={read === total ? 'progress is-met' : 'progress'} aria-hidden="true">
                    <span style={{ width: `${Math.round((read / total) * 100)}%` }} />
                  </div>
                </div>
              </li>
            );
        })}
      </ol>

      <section className="card stack" aria-labelledby="exam-heading">
        <h2 id="exam-heading">{t('exam.title')}</h2>
        {progress.exam.status === 'passed' && <p className="alert alert-ok">{t('exam.passed', { score: progress.exam.bestScorePercent })}</p>}
        {progress.exam.status === 'not_yet' && <p className="muted">{t(`exam.notYet.${progress.exam.reason}`)}</p>}
        {progress.exam.status === 'in_progress' && <p>{t('exam.inProgress')}</p>}
        {progress.exam.status === 'available' && <p>{t('exam.open')}</p>}
        <Link href="/classroom/exam">{t('exam.goTo')}</Link>
      </section>
    </>
  );
}

/** Staff (mentors, leads) reading the lessons their trainees study: the modules without anyone's progress. */
async function ModuleCatalogue() {
  const t = await getTranslations('classroom');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('catalogue.intro')}</p>
      <ol className="module-list">
        {loadModules().map((m) => (
          <li key={m.id} className="card module-card">
            <h2>
              <Link href={`/classroom/${m.id}`}>{m.title}</Link>
            </h2>
            <p className="muted small">{m.summary}</p>
            <p className="small">{t('catalogue.lessons', { count: m.lessons.length, questions: m.questions.length })}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
