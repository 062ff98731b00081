import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getModule, loadModules } from '@/lib/content/modules';
import { LessonReadMark, ModuleProgressProvider, ModuleQuizPanel, ModuleReadCount } from './module-progress';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadModules().map((m) => ({ moduleId: m.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ moduleId: string }> }): Promise<Metadata> {
  return { title: getModule((await params).moduleId)?.title };
}

/** A module's lessons (static); what the signed-in trainee has read and the quiz come from the islands. */
export default async function ModulePage({ params }: { params: Promise<{ moduleId: string }> }) {
  const mod = getModule((await params).moduleId);
  if (!mod) notFound();
  const t = await getTranslations('classroom');
  return (
    <ModuleProgressProvider moduleId={mod.id}>
      <nav aria-label={t('reading.breadcrumb')} className="breadcrumb small">
        <Link href="/classroom">{t('title')}</Link>
      </nav>
      <h1>{mod.title}</h1>
      <p className="muted">{mod.summary}</p>

      <section className="card" aria-labelledby="lessons-heading">
        <div className="inline spread">
          <h2 id="lessons-heading">{t('module.lessons')}</h2>
          <ModuleReadCount total={mod.lessons.length} />
        </div>
        <ol className="lesson-list">
          {mod.lessons.map((lesson) => (
            <li key={lesson.id}>
              <Link href={`/classroom/${mod.id}/${lesson.id}`}>{lesson.title}</Link>
              <span className="muted small">{t('lesson.minutes', { minutes: lesson.minutes })}</span>
              <LessonReadMark lessonId={lesson.id} />
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="quiz-heading" id="quiz">
        <h2 id="quiz-heading">{t('module.quizHeading')}</h2>
        <ModuleQuizPanel moduleId={mod.id} />
      </section>
    </ModuleProgressProvider>
  );
}
