import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getLesson, getModule, loadModules, renderLessonHtml } from '@/lib/content/modules';
import { LessonCompletion, ModuleProgressProvider } from '../module-progress';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadModules().flatMap((m) => m.lessons.map((l) => ({ moduleId: m.id, lessonId: l.id })));
}

export async function generateMetadata({ params }: { params: Promise<{ moduleId: string; lessonId: string }> }): Promise<Metadata> {
  const { moduleId, lessonId } = await params;
  return { title: getLesson(moduleId, lessonId)?.title };
}

/**
 * A lesson, prerendered at build time: the body is the same for everyone. Only the "mark as read"
 * button is per trainee, and it is a client island that asks the server after the page has loaded.
 */
export default async function LessonPage({ params }: { params: Promise<{ moduleId: string; lessonId: string }> }) {
  const { moduleId, lessonId } = await params;
  const mod = getModule(moduleId);
  const lesson = getLesson(moduleId, lessonId);
  if (!mod || !lesson) notFound();
  const t = await getTranslations('classroom');
  const index = mod.lessons.findIndex((l) => l.id === lesson.id);
  const previous = mod.lessons[index - 1];
  const next = mod.lessons[index + 1];

  return (
    <ModuleProgressProvider moduleId={mod.id}>
      <nav aria-label={t('reading.breadcrumb')} className="breadcrumb small">
        <Link href="/classroom">{t('title')}</Link>
        <span aria-hidden="true"> › </span>
        <Link href={`/classroom/${mod.id}`}>{mod.title}</Link>
      </nav>
      <article className="card lesson">
        <h1>{lesson.title}</h1>
        <p className="muted small">
          {t('lesson.position', { position: index + 1, total: mod.lessons.length })} · {t('lesson.minutes', { minutes: lesson.minutes })}
        </p>
        <div className="prose lesson-body" dangerouslySetInnerHTML={{ __html: renderLessonHtml(lesson.markdown) }} />
      </article>
      <LessonCompletion lessonId={lesson.id} />
      <nav aria-label={t('lesson.pager')} className="lesson-pager">
        {previous ? (
          <Link href={`/classroom/${mod.id}/${previous.id}`} rel="prev">
            ‹ {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/classroom/${mod.id}/${next.id}`} rel="next">
            {next.title} ›
          </Link>
        ) : (
          <Link href={`/classroom/${mod.id}#quiz`}>{t('lesson.toQuiz')} ›</Link>
        )}
      </nav>
    </ModuleProgressProvider>
  );
}
