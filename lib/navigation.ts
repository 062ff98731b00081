// Navigation per role: which pages each audience sees in the shell.
import type { Role } from '@/db/schema';

export type NavItem = { href: string; label: string };

export const NAVIGATION: Record<Role, NavItem[]> = {
  trainee: [
    { href: '/today', label: 'nav.today' },
    { href: '/my-plan', label: 'nav.myPlan' },
    { href: '/classroom', label: 'nav.classroom' },
    { href: '/shadowing', label: 'nav.shadowing' },
    { href: '/drills', label: 'nav.drills' },
    { href: '/my-calls', label: 'nav.myCalls' },
  ],
  mentor: [
    { href: '/mentor', label: 'nav.mentorHome' },
    { href: '/mentor/mentees', label: 'nav.myMentees' },
  ],
  qa: [{ href: '/qa', label: 'nav.qaHome' }],
  lead: [
    { href: '/lead', label: 'nav.leadHome' },
    { href: '/lead/enrol', label: 'nav.enrol' },
    { href: '/lead/mentors', label: 'nav.mentors' },
    { href: '/calls/import', label: 'nav.callsImport' },
    { href: '/lead/drills', label: 'nav.drillGroups' },
    { href: '/lead/history', label: 'nav.history' },
  ],
  admin: [
    { href: '/admin', label: 'nav.adminHome' },
    { href: '/admin/users', label: 'nav.users' },
    { href: '/calls/import', label: 'nav.callsImport' },
    { href: '/admin/tokens', label: 'nav.apiTokens' },
  ],
};
