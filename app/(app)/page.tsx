import { redirect } from 'next/navigation';
import { getActiveRole, requireActor, ROLE_HOME } from '@/lib/session';

export default async function HomeRedirect() {
  const actor = await requireActor();
  redirect(ROLE_HOME[await getActiveRole(actor)]);
}
