'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import type { QuizFormProps } from '@/domain/classroom';
import { saveAnswersAction, submitAttemptAction } from './actions';

type Answers = Record<string, string[]>;
type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const AUTOSAVE_DELAY_MS = 600;
const RETRY_DELAY_MS = 4_000;
// The timer turns red in the last minutes of a timed paper.
const LOW_TIME_MS = 5 * 60_000;

/**
 * An open paper. Answers are saved to the attempt as the trainee goes (a dropped connection or a
 * closed tab loses at most the last click), and a timed paper submits itself when time is up.
 * Receives only public questions: the key stays on the server until the paper is graded.
 */
export function QuizForm({ attemptId, questions, saved, deadlineAt, serverNow }: QuizFormProps & { serverNow: number }) {
  const t = useTranslations('classroom.quiz');
  const router = useRouter();
  const [answers, setAnswers] = useState<Answers>(saved);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [formError, setFormError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [submitting, startSubmit] = useTransition();

  const latest = useRef<Answers>(saved);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const closed = useRef(false);

  // One save at a time, so an older request can never overwrite a newer one on the server.
  const flush = useCallback(async () => {
    if (inFlight.current || !dirty.current || closed.current) return;
    inFlight.current = true;
    dirty.current = false;
    setSaveState('saving');
    const result = await saveAnswersAction({ attemptId, answers: latest.current }).catch(() => null);
    inFlight.current = false;
    if (result?.ok && result.data.saved) {
      setSaveState(dirty.current ? 'saving' : 'saved');
    } else if (result?.ok) {
      // Graded elsewhere or out of time: show the result.
      closed.current = true;
      router.refresh();
      return;
    } else {
      dirty.current = true;
      setSaveState('error');
      timer.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      return;
    }
    if (dirty.current) void flush();
  }, [attemptId, router]);

  const change = (questionId: string, optionId: string, multiple: boolean, checked: boolean) => {
    const current = latest.current[questionId] ?? [];
    const next = multiple ? (checked ? [...current.filter((id) => id !== optionId), optionId] : current.filter((id) => id !== optionId)) : [optionId];
    const updated = { ...latest.current, [questionId]: next };
    latest.current = updated;
    setAnswers(updated);
    setConfirming(false);
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  const submit = useCallback(() => {
    if (closed.current) return;
    if (timer.current) clearTimeout(timer.current);
    startSubmit(async () => {
      setFormError(undefined);
      const result = await submitAttemptAction({ attemptId, answers: latest.current });
      if (result.ok) {
        closed.current = true;
        router.refresh();
      } else {
        setFormError(result.formError ?? 'errors.internal');
      }
    });
  }, [attemptId, router]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const answered = questions.filter((q) => (answers[q.id]?.length ?? 0) > 0).length;
  const unanswered = questions.length - answered;

  return (
    <form
      className="quiz-form stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (unanswered > 0 && !confirming) setConfirming(true);
        else submit();
      }}
    >
      <div className="quiz-status" aria-live="polite">
        <span>{t('answeredCount', { answered, total: questions.length })}</span>
        {deadlineAt !== null && <Countdown deadlineAt={deadlineAt} serverNow={serverNow} onTimeUp={submit} />}
        <span className="muted small">{saveState === 'idle' ? '' : t(`save.${saveState}`)}</span>
      </div>

      <ol className="quiz-questions">
        {questions.map((q, index) => {
          const multiple = q.type === 'multiple';
          const chosen = answers[q.id] ?? [];
          return (
            <li key={q.id}>
              <fieldset className="quiz-question">
                <legend>
                  <span className="quiz-number">{index + 1}. </span>
                  <span className="quiz-prompt">{q.prompt}</span>
                  <span className="badge quiz-type">{t(`types.${q.type}`)}</span>
                </legend>
                {multiple && <p className="hint">{t('multipleHint')}</p>}
                <div className="quiz-options">
                  {q.options.map((o) => {
                    const inputId = `q-${q.id}-${o.id}`;
                    return (
                      <label key={o.id} htmlFor={inputId} className="quiz-option">
                        <input
                          id={inputId}
                          type={multiple ? 'checkbox' : 'radio'}
                          name={`q-${q.id}`}
                          value={o.id}
                          checked={chosen.includes(o.id)}
                          onChange={(e) => change(q.id, o.id, multiple, e.currentTarget.checked)}
                          disabled={submitting}
                        />
                        <span>{o.text}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <FormError message={formError} />
      {confirming && unanswered > 0 && (
        <div className="alert alert-warn" role="alert">
          {t('unansweredWarning', { count: unanswered })}
        </div>
      )}
      <div className="inline">
        <button type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? t('submitting') : confirming && unanswered > 0 ? t('submitAnyway') : t('submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * Time left on the server's clock: the offset between the server's time at render and the browser's
 * is measured once, so a wrong phone clock doesn't change the deadline.
 */
function Countdown({ deadlineAt, serverNow, onTimeUp }: { deadlineAt: number; serverNow: number; onTimeUp: () => void }) {
  const t = useTranslations('classroom.quiz');
  const [remaining, setRemaining] = useState(Math.max(0, deadlineAt - serverNow));
  const fired = useRef(false);

  useEffect(() => {
    const offset = serverNow - Date.now();
    const tick = () => {
      const left = Math.max(0, deadlineAt - (Date.now() + offset));
      setRemaining(left);
      if (left === 0 && !fired.current) {
        fired.current = true;
        onTimeUp();
      }
    };
    tick();
    const interval = setInterval(tick, 1_000);
    return () => clearInterval(interval);
  }, [deadlineAt, serverNow, onTimeUp]);

  const seconds = Math.ceil(remaining / 1_000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <span className={remaining < LOW_TIME_MS ? 'quiz-timer is-low' : 'quiz-timer'} role="timer">
      {remaining === 0 ? t('timeUp') : t('timeLeft', { time: clock })}
    </span>
  );
}
