import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listActiveMentors } from '@/db/queries/mentors';
import { firstWorkingDayOnOrAfter } from '@/domain/calendar';
import { latestStartDate } from '@/domain/enrolment';
import { can } from '@/lib/authz';
import { loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { EnrolForm } from './enrol-form';
import { EnrolNav } from './enrol-nav';

export default async function EnrolPage() {
  const actor = await requireActor();
  if (!can(actor, 'trainee.enrol', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  const t = await getTranslations('enrol');
  const mentors = listActiveMentors(db, { orgId: actor.orgId }).map((m) => ({
    id: m.id,
    label: t('form.mentorOption', { name: m.displayName, username: m.username, count: m.currentMentees }),
  }));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted prose">{t('intro')}</p>
      <EnrolNav current="single" />
      <section className="card" aria-labelledby="enrol-form-heading">
        <h2 id="enrol-form-heading">{t('form.heading')}</h2>
        <EnrolForm
          requestKey={randomUUID()}
          today={today}
          latest={latestStartDate(today)}
          defaultStartDate={firstWorkingDayOnOrAfter(ctx.calendar, today)}
          defaultCohort={today.slice(0, 7)}
          mentors={mentors}
        />
      </section>
    </>
  );
}
