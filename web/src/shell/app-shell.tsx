import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useMe } from '../auth/session-query.ts';
import { Icon } from '../ui/icon.tsx';
import { useToast } from '../ui/toast.tsx';
import { accountNavItem, mainNavItemsFor, type NavItem } from './navigation.ts';
import { roleLabels } from './role-labels.ts';
import { useSignOut } from './sign-out.ts';
import './app-shell.css';

function NavLink(props: { item: NavItem }) {
  return (
    <Link to={props.item.to} className="lp-nav__link" activeProps={{ className: 'lp-nav__link--active' }}>
      <Icon name={props.item.icon} />
      <span>{props.item.label}</span>
    </Link>
  );
}

/**
 * The signed-in frame: a sidebar with the role's navigation on wide screens, a top bar with a
 * drawer on narrow ones (the same sidebar, slid in), and the page in <main>.
 */
export function AppShell() {
  const me = useMe();
  const toast = useToast();
  const signOut = useSignOut();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const sidebar = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    if (!drawerOpen) return undefined;
    sidebar.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setDrawerOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [drawerOpen]);

  const items = mainNavItemsFor(me.user.role);
  return (
    <div className={['lp-shell', drawerOpen ? 'lp-shell--drawer-open' : ''].filter(Boolean).join(' ')}>
      <a className="lp-skip-link" href="#main">
        Skip to content
      </a>
      <header className="lp-topbar">
        <button ref={menuButton} type="button" className="lp-topbar__menu" aria-expanded={drawerOpen} aria-controls="lp-sidebar" onClick={() => setDrawerOpen((open) => !open)}>
          <Icon name={drawerOpen ? 'close' : 'menu'} size={20} />
          <span className="lp-visually-hidden">{drawerOpen ? 'Close menu' : 'Menu'}</span>
        </button>
        <span className="lp-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          leadpact
        </span>
      </header>
      <div className="lp-shell__backdrop" aria-hidden="true" onClick={() => setDrawerOpen(false)} />
      <aside id="lp-sidebar" ref={sidebar} className="lp-sidebar" aria-label="Sidebar">
        <span className="lp-brand lp-sidebar__brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          leadpact
        </span>
        <nav className="lp-nav" aria-label="Main">
          {items.map((item) => (
            <NavLink key={item.to} item={item} />
          ))}
        </nav>
        <div className="lp-sidebar__footer">
          <nav className="lp-nav" aria-label="Account">
            <NavLink item={accountNavItem} />
            <button
              type="button"
              className="lp-nav__link"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onError: (error) => toast.show(`Could not sign out: ${error.message}`, 'error') })}
            >
              <Icon name="signOut" />
              <span>{signOut.isPending ? 'Signing out…' : 'Sign out'}</span>
            </button>
          </nav>
          <div className="lp-sidebar__user">
            <span className="lp-sidebar__avatar" aria-hidden="true">
              {me.user.name.trim().charAt(0).toUpperCase() || '?'}
            </span>
            <span className="lp-sidebar__who">
              <span className="lp-sidebar__name">{me.user.name}</span>
              <span className="lp-sidebar__role">
                {roleLabels[me.user.role]}
                {me.user.teamName ? ` · ${me.user.teamName}` : ''}
              </span>
            </span>
          </div>
        </div>
      </aside>
      <main id="main" className="lp-main" tabIndex={-1}>
        <div className="lp-main__content">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
