'use client';

// The per-trainee islands of the static module and lesson pages: one request after load fetches what
// the signed-in trainee has read and where their quizzes stand; the static HTML around it is shared.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import { completeLessonAction, moduleStateAction, type ModuleStateView } from '@/app/(app)/classroom/actions';
import { StartAttemptButton } from '@/app/(app)/classroom/start-attempt-button';

type Loaded = { moduleId: string; state: ModuleStateView | null; error: string | undefined; markRead: (lessonId: string) => void };

const ModuleProgress = createContext<Loaded>({ moduleId: '', state: null, error: undefined, markRead: () => {} });

export function ModuleProgressProvider({ moduleId, children }: { moduleId: string; children: React.ReactNode }) {
  const [state, setState] = useState<ModuleStateView | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void moduleStateAction({ moduleId }).then(
      (result) => {
        if (!live) return;
        if (result.ok) setState(result.data);
        else setError(result.formError ?? 'errors.internal');
      },
      () => live && setError('errors.internal'),
    );
    return () => {
      live = false;
    };
  }, [moduleId]);

  const markRead = (lessonId: string) =>
    setState((s) => (s?.viewer === 'trainee' && !s.lessonsRead.includes(lessonId) ? { ...s, lessonsRead: [...s.lessonsRead, lessonId] } : s));

  return <ModuleProgress.Provider value={{ moduleId, state, error, markRead }}>{children}</ModuleProgress.Provider>;
}

function useTraineeState() {
  const { state, ...rest } = useContext(ModuleProgress);
  return { trainee: state?.viewer === 'trainee' ? state : null, loading: state === null, ...rest };
}

/** "3 of 4 read", for the trainee only. */
export function ModuleReadCount({ total }: { total: number }) {
  const t = useTranslations('classroom');
  const { trainee } = useTraineeState();
  if (!trainee) return null;
  return <span className="muted small">{t('module.readCount', { read: trainee.lessonsRead.length, total })}</span>;
}

export function LessonReadMark({ lessonId }: { lessonId: string }) {
  const t = useTranslations('classroom');
  const { trainee } = useTraineeState();
  if (!trainee?.lessonsRead.includes(lessonId)) return null;
  return <span className="badge badge-ok">{t('lesson.read')}</span>;
}

export function LessonCompletion({ lessonId }: { lessonId: string }) {
  const t = useTranslations('classroom');
  const { moduleId, trainee, loading, error: loadError, markRead } = useTraineeState();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  if (loadError) return <FormError message={loadError} />;
  if (loading) return <p className="muted small lesson-completion">{t('loadingProgress')}</p>;
  if (!trainee) return null;
  const read = trainee.lessonsRead.includes(lessonId);

  const complete = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await completeLessonAction({ moduleId, lessonId });
      if (result.ok) markRead(lessonId);
      else setError(result.formError ?? 'errors.internal');
    });

  return (
    <div className="card lesson-completion">
      <FormError message={error} />
      {read ? (
        <p className="lesson-done" role="status">
          <span className="badge badge-ok">{t('lesson.read')}</span> {t('lesson.readNote')}
        </p>
      ) : (
        <button type="button" className="btn btn-primary" onClick={complete} disabled={pending}>
          {t('lesson.markRead')}
        </button>
      )}
    </div>
  );
}

/** Where the module's quiz stands and what the trainee can do next. */
export function ModuleQuizPanel({ moduleId }: { moduleId: string }) {
  const t = useTranslations('classroom');
  const { trainee, loading, error } = useTraineeState();
  if (error) return <FormError message={error} />;
  if (loading) return <p className="muted small">{t('loadingProgress')}</p>;
  if (!trainee) return <p className="muted">{t('module.staffNote')}</p>;
  const { quiz, placement } = trainee;

  return (
    <div className="stack">
      {quiz.status === 'passed' && (
        <p className="alert alert-ok">
          {t('module.passed', { score: quiz.bestScorePercent ?? 0 })}{' '}
          {quiz.lastGradedAttemptId !== null && <Link href={`/classroom/attempts/${quiz.lastGradedAttemptId}`}>{t('module.viewResult')}</Link>}
        </p>
      )}
      {quiz.status === 'waived' && <p className="alert alert-ok">{t('module.waived')}</p>}
      {quiz.status === 'limit_reached' && (
        <div className="alert alert-warn" role="status">
          <p>{t('module.limitReached', { limit: quiz.attemptLimit })}</p>
          {quiz.lastGradedAttemptId !== null && <Link href={`/classroom/attempts/${quiz.lastGradedAttemptId}`}>{t('module.viewResult')}</Link>}
        </div>
      )}
      {quiz.status === 'in_progress' && quiz.openAttemptId !== null && (
        <Link className="btn btn-primary" href={`/classroom/attempts/${quiz.openAttemptId}`}>
          {t('module.resumeQuiz')}
        </Link>
      )}
      {quiz.status === 'available' && (
        <>
          <p>
            {t('module.quizRules', { count: quiz.questionCount, passMark: quiz.passMark, limit: quiz.attemptLimit })}{' '}
            {quiz.attemptsUsed > 0 && t('module.attemptsLeft', { left: quiz.attemptLimit - quiz.attemptsUsed, best: quiz.bestScorePercent ?? 0 })}
          </p>
          <StartAttemptButton kind="module" moduleId={moduleId} label={quiz.attemptsUsed > 0 ? t('module.retakeQuiz') : t('module.startQuiz')} />
        </>
      )}

      {trainee.traineeClass === 'B' && (placement.available || placement.openAttemptId !== null || placement.taken) && (
        <div className="placement stack">
          <h3>{t('placement.heading')}</h3>
          {placement.openAttemptId !== null ? (
            <Link className="btn" href={`/classroom/attempts/${placement.openAttemptId}`}>
              {t('placement.resume')}
            </Link>
          ) : placement.available ? (
            <>
              <p>{t('placement.rules', { count: placement.questionCount, passMark: placement.passMark })}</p>
              <StartAttemptButton kind="placement" moduleId={moduleId} label={t('placement.start')} primary={false} />
            </>
          ) : placement.taken && !placement.taken.passed ? (
            <p className="muted">{t('placement.failed', { score: placement.taken.scorePercent ?? 0 })}</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
