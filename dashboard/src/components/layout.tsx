import { Suspense, useEffect } from 'react';
import { Link } from '../lib/router';
import { useLogout, useSession } from '../lib/session';
import { SECTIONS, allowedPages, findPage } from '../pages/registry';
import { ErrorBoundary } from './error-boundary';
import { EmptyState, Loading } from './states';

/** The signed-in frame: navigation from the registry (filtered by permission), top bar, page. */
export function Layout({ path }: { path: string }) {
  const me = useSession();
  const logout = useLogout();
  const pages = allowedPages(me.permissions);
  const entry = findPage(path);
  const allowed = entry ? me.permissions.includes(entry.permission) : false;

  useEffect(() => {
    document.title = entry ? `${entry.label} · Crossgate` : 'Crossgate';
  }, [entry]);

  const Page = entry?.component;
  return (
    <div className="shell">
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          Crossgate
        </div>
        <nav aria-label="Main">
          {SECTIONS.map((section) => {
            const items = pages.filter((p) => p.section === section);
            if (!items.length) return null;
            return (
              <div key={section} className="nav-section">
                <h2 className="nav-heading">{section}</h2>
                <ul>
                  {items.map((p) => (
                    <li key={p.path}>
                      <Link to={p.path} aria-current={p.path === path ? 'page' : undefined}>
                        {p.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="org">
            <span className="org-name">{me.organisation.name}</span>
            <span className="muted small">{me.organisation.country}</span>
          </div>
          <div className="user">
            <span className="user-name">{me.name ?? me.email ?? me.actor.id}</span>
            <span className="muted small">{me.actor.level}</span>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              Sign out
            </button>
          </div>
        </header>
        <main className="content" id="content">
          <ErrorBoundary resetKey={path}>
            <Suspense fallback={<Loading />}>
              {Page && allowed ? (
                <Page />
              ) : entry ? (
                <EmptyState>
                  You do not have access to {entry.label}. Ask an administrator of your organisation.
                </EmptyState>
              ) : (
                <EmptyState>
                  There is no page at this address.{' '}
                  {pages[0] ? <Link to={pages[0].path}>Go to {pages[0].label}</Link> : null}
                </EmptyState>
              )}
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
