import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { signOutAction, switchRoleAction } from '@/app/_actions/preferences';
import type { Role } from '@/db/schema';
import { NAVIGATION } from '@/lib/navigation';
import { LanguageSwitch } from './language-switch';

export async function AppShell({
  children,
  roles,
  activeRole,
  displayName,
}: {
  children: React.ReactNode;
  roles: Role[];
  activeRole: Role;
  displayName: string;
}) {
  const t = await getTranslations();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('common.appName')}
        </Link>
        <div className="topbar-user">
          <span className="user-name">{displayName}</span>
          <span className="badge">{t(`roles.${activeRole}`)}</span>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('nav.mainNav')}>
          <ul>
            {NAVIGATION[activeRole].map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
          {roles.length > 1 && (
            <form action={switchRoleAction} className="role-switch">
              <label htmlFor="role-switch">{t('common.switchRole')}</label>
              <div className="inline">
                <select id="role-switch" name="role" defaultValue={activeRole}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn btn-small">
                  {t('common.switchRole')}
                </button>
              </div>
            </form>
          )}
          <div className="sidenav-footer">
            <LanguageSwitch />
            <form action={signOutAction}>
              <button type="submit" className="link-button">
                {t('common.signOut')}
              </button>
            </form>
          </div>
        </nav>
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
