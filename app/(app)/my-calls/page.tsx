import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getTraineeByUser } from '@/db/queries/trainees';
import { requireActor } from '@/lib/session';

/** A trainee's own calls: their supervised days, sampled calls and the mentor's reviews. */
export default async function MyCallsPage() {
  const actor = await requireActor();
  const trainee = getTraineeByUser(getDb(), { orgId: actor.orgId, userId: actor.userId });
  if (!trainee) notFound();
  redirect(`/trainees/${trainee.id}/calls`);
}
