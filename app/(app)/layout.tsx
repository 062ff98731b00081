import { AppShell } from '@/components/app-shell';
import { getActiveRole, requireActor } from '@/lib/session';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const activeRole = await getActiveRole(actor);
  return (
    <AppShell roles={actor.roles} activeRole={activeRole} displayName={actor.displayName}>
      {children}
    </AppShell>
  );
}
