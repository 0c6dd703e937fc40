import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { Icon, type IconName } from '../ui/icon.tsx';
import './admin.css';

const sections: readonly { to: '/admin' | '/admin/users' | '/admin/teams' | '/admin/api-keys' | '/admin/audit'; label: string; icon: IconName }[] = [
  { to: '/admin', label: 'Overview', icon: 'settings' },
  { to: '/admin/users', label: 'Users', icon: 'user' },
  { to: '/admin/teams', label: 'Teams', icon: 'leads' },
  { to: '/admin/api-keys', label: 'API keys', icon: 'key' },
  { to: '/admin/audit', label: 'Audit log', icon: 'clock' },
];

/** The admin hub's frame: a bar of its sections (links, so each has its own URL), then the section. */
export function AdminLayout() {
  const nav = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // On a phone the bar scrolls sideways: keep the open section's tab in view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <div className="lp-admin">
      <nav ref={nav} className="lp-admin-nav" aria-label="Admin sections">
        {sections.map((section) => (
          <Link
            key={section.to}
            to={section.to}
            className="lp-admin-nav__link"
            activeOptions={{ exact: section.to === '/admin', includeSearch: false }}
            activeProps={{ className: 'lp-admin-nav__link--active', 'aria-current': 'page' }}
          >
            <Icon name={section.icon} size={16} />
            <span>{section.label}</span>
          </Link>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
