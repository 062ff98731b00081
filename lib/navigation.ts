// Navigation per role: which pages each audience sees in the shell.
import type { Role } from '@/db/schema';

export type NavItem = { href: string; label: string };

export const NAVIGATION: Record<Role, NavItem[]> = {
  trainee: [
    { href: '/today', label: 'nav.today' },
    { href: '/my-plan', label: 'nav.myPlan' },
  ],
  mentor: [{ href: '/mentor', label: 'nav.mentorHome' }],
  qa: [{ href: '/qa', label: 'nav.qaHome' }],
  lead: [
    { href: '/lead', label: 'nav.leadHome' },
  ],
  admin: [
    { href: '/admin', label: 'nav.adminHome' },
  ],
};
