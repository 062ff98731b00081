import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getQuizAttempt, type QuizAttempt } from '@/db/queries/classroom';
import { buildQuizFormProps, gradePaper, type QuizKind } from '@/domain/classroom';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { loadClassroomProgress, questionsById, type ClassroomProgress } from '@/lib/classroom';
import { getModule } from '@/lib/content/modules';
import { loadProgramContext, type ProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { QuizForm } from '../../quiz-form';
import { StartAttemptButton } from '../../start-attempt-button';

export const metadata: Metadata = { robots: { index: false } };

function passMarkOf(ctx: ProgramContext, kind: QuizKind): number {
  if (kind === 'module') return ctx.settings.classroom.quiz.passMark;
  if (kind === 'placement') return ctx.settings.classroom.placementQuiz.passMark;
  return ctx.settings.exam.passMark;
}

/**
 * One attempt: the open paper for its trainee, or its graded result (for the trainee, their mentor
 * and leads). An exam past its time limit is graded on its saved answers before anything is shown.
 */
export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const attemptId = Number((await params).attemptId);
  const found = Number.isSafeInteger(attemptId) ? getQuizAttempt(db, { orgId: actor.orgId, attemptId }) : null;
  if (!found) notFound();
  const trainee = loadTraineeOr404(db, actor, found.traineeId, 'trainee.read');
  const isOwner = can(actor, 'classroom.study', traineeSubject(trainee));
  const ctx = loadProgramContext(db, actor.orgId);
  const now = Date.now();
  const progress = loadClassroomProgress(db, ctx, trainee, now);
  const attempt = progress.attempts.find((a) => a.id === attemptId);
  if (!attempt) notFound();

  const t = await getTranslations('classroom');
  const mod = attempt.moduleId ? getModule(attempt.moduleId) : undefined;
  const title =
    attempt.kind === 'exam' ? t('exam.title') : attempt.kind === 'placement' ? t('attempt.placementTitle', { module: mod?.title ?? '' }) : t('attempt.moduleTitle', { module: mod?.title ?? '' });
  const passMark = passMarkOf(ctx, attempt.kind);
  const back = attempt.kind === 'exam' ? '/classroom/exam' : mod ? `/classroom/${mod.id}` : '/classroom';

  return (
    <>
      <nav aria-label={t('reading.breadcrumb')} className="breadcrumb small">
        <Link href={isOwner ? '/classroom' : `/trainees/${trainee.id}/classroom`}>{isOwner ? t('title') : t('staff.title', { name: trainee.displayName })}</Link>
        {isOwner && mod && (
          <>
            <span aria-hidden="true"> › </span>
            <Link href={back}>{mod.title}</Link>
          </>
        )}
      </nav>
      <h1>{title}</h1>
      {attempt.submittedAt === null ? (
        isOwner ? (
          <>
            <p className="muted">
              {t('attempt.rules', { count: attempt.questionIds.length, passMark })}
              {attempt.deadlineAt !== null && ` ${t('attempt.timedRules')}`}
            </p>
            <QuizForm {...buildQuizFormProps(attempt, questionsById())} serverNow={now} />
          </>
        ) : (
          <p className="card">{t('attempt.inProgress', { name: trainee.displayName })}</p>
        )
      ) : (
        <AttemptResult attempt={attempt} progress={progress} passMark={passMark} isOwner={isOwner} timeZone={ctx.timeZone} />
      )}
    </>
  );
}

async function AttemptResult({
  attempt,
  progress,
  passMark,
  isOwner,
  timeZone,
}: {
  attempt: QuizAttempt;
  progress: ClassroomProgress;
  passMark: number;
  isOwner: boolean;
  timeZone: string;
}) {
  const t = await getTranslations('classroom');
  const format = await getFormatter();
  const byId = questionsById();
  const grade = gradePaper({ questionIds: attempt.questionIds, questionsById: byId, answers: attempt.answers, passMark });
  const passed = attempt.passed === true;
  const moduleState = progress.modules.find((m) => m.module.id === attempt.moduleId);
  const timedOut = attempt.deadlineAt !== null && (attempt.submittedAt ?? 0) > attempt.deadlineAt;

  return (
    <>
      <section className="card stack" aria-label={t('result.heading')}>
        <p className={passed ? 'alert alert-ok' : 'alert alert-error'} role="status">
          {passed ? t('result.passed') : t('result.failed')}
        </p>
        <dl className="facts">
          <div>
            <dt>{t('result.score')}</dt>
            <dd className="quota">{t('result.scoreValue', { score: attempt.scorePercent ?? 0 })}</dd>
          </div>
          <div>
            <dt>{t('result.correct')}</dt>
            <dd>{t('result.correctValue', { correct: grade.correct, total: grade.total })}</dd>
          </div>
          <div>
            <dt>{t('result.passMark')}</dt>
            <dd>{t('result.scoreValue', { score: passMark })}</dd>
          </div>
          <div>
            <dt>{t('result.submittedAt')}</dt>
            <dd>{format.dateTime(new Date(attempt.submittedAt ?? 0), { dateStyle: 'medium', timeStyle: 'short', timeZone })}</dd>
          </div>
        </dl>
        {timedOut && <p className="alert alert-warn">{t('result.timedOut')}</p>}
        <FollowUp attempt={attempt} progress={progress} moduleState={moduleState} isOwner={isOwner} />
      </section>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{t('result.review')}</h2>
        <ol className="quiz-review">
          {grade.results.map((r) => {
            const q = byId.get(r.questionId);
            if (!q) return null;
            const verdict = r.correct ? 'right' : r.chosen.length === 0 ? 'unanswered' : 'wrong';
            const order = attempt.optionOrder[q.id] ?? q.options.map((o) => o.id);
            return (
              <li key={q.id} className={`card quiz-review-item is-${verdict}`}>
                <p className="quiz-review-prompt">
                  <span className={`badge ${r.correct ? 'badge-ok' : 'badge-bad'}`}>{t(`result.verdict.${verdict}`)}</span> {q.prompt}
                </p>
                <ul className="quiz-review-options">
                  {order.map((optionId) => {
                    const option = q.options.find((o) => o.id === optionId);
                    if (!option) return null;
                    const isKey = r.answer.includes(option.id);
                    const isChosen = r.chosen.includes(option.id);
                    return (
                      <li key={option.id} className={[isKey ? 'is-key' : '', isChosen ? 'is-chosen' : ''].join(' ').trim() || undefined}>
                        {option.text}
                        {isChosen && <span className="small muted"> · {t('result.yourChoice')}</span>}
                        {isKey && <span className="small"> · {t('result.correctOption')}</span>}
                      </li>
                    );
                  })}
                </ul>
                {!r.correct && (
                  <p className="quiz-why">
                    <strong>{t('result.why')}</strong>
                    {q.explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

async function FollowUp({
  attempt,
  progress,
  moduleState,
  isOwner,
}: {
  attempt: QuizAttempt;
  progress: ClassroomProgress;
  moduleState: ClassroomProgress['modules'][number] | undefined;
  isOwner: boolean;
}) {
  const t = await getTranslations('classroom');
  const passed = attempt.passed === true;
  const classroomDone = progress.stageRecorded || progress.complete;

  if (attempt.kind === 'exam') {
    return (
      <div className="stack">
        <p>{t('exam.recorded')}</p>
        {isOwner && !passed && progress.exam.status === 'available' && <StartAttemptButton kind="exam" label={t('exam.retake')} />}
        {isOwner && <Link href="/classroom/exam">{t('exam.back')}</Link>}
      </div>
    );
  }

  const moduleLink = moduleState && isOwner ? `/classroom/${moduleState.module.id}` : null;
  return (
    <div className="stack">
      {passed && attempt.kind === 'placement' && <p>{t('result.placementPassed')}</p>}
      {!passed && attempt.kind === 'placement' && <p>{t('result.placementFailed')}</p>}
      {passed && classroomDone && (
        <div className="alert alert-ok" role="status">
          <p>{t('result.classroomComplete')}</p>
          {isOwner && <Link href="/classroom/exam">{t('exam.goTo')}</Link>}
        </div>
      )}
      {passed && !classroomDone && <p>{t('result.moreModules', { count: progress.outstandingModuleIds.length })}</p>}
      {!passed && attempt.kind === 'module' && moduleState?.quiz.status === 'available' && (
        <>
          <p>{t('result.attemptsLeft', { left: moduleState.quiz.attemptsLeft })}</p>
          {isOwner && <StartAttemptButton kind="module" moduleId={moduleState.module.id} label={t('module.retakeQuiz')} />}
        </>
      )}
      {!passed && attempt.kind === 'module' && moduleState?.quiz.status === 'limit_reached' && (
        <p className="alert alert-warn" role="status">
          {t('module.limitReached', { limit: moduleState.quiz.attemptsUsed })}
        </p>
      )}
      <div className="inline">
        {moduleLink && <Link href={moduleLink}>{t('result.backToModule')}</Link>}
        {isOwner && <Link href="/classroom">{t('result.backToClassroom')}</Link>}
      </div>
    </div>
  );
}
