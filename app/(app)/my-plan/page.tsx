import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getTraineeByUser } from '@/db/queries/trainees';
import { requireActor } from '@/lib/session';

export default async function MyPlanPage() {
  const actor = await requireActor();
  const trainee = getTraineeByUser(getDb(), { orgId: actor.orgId, userId: actor.userId });
  if (!trainee) notFound();
  redirect(`/trainees/${trainee.id}`);
}
