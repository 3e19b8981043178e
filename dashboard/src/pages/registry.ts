import { type ComponentType, lazy } from 'react';

/**
 * THE PAGE REGISTRY: every page of the signed-in dashboard is one entry here plus one page file.
 *
 * To add a page (see dashboard/README.md):
 *   1. write `pages/<name>.page.tsx` with a default-exported component that takes no props;
 *   2. add an entry below: `{ path: '/<name>', label, permission, section, component: lazy(() => import('./<name>.page.tsx')) }`.
 * The navigation shows the entry only to users whose permissions (GET /api/auth/me) include
 * `permission`; the same permission guards the page if someone types its URL. Use the permission the
 * page's main API route declares, so the link never leads to a 403.
 */
export interface PageEntry {
  /** Path under /app, e.g. '/orders' (the page is at /app/orders). Query parameters carry details. */
  path: string;
  /** Navigation label and document title. */
  label: string;
  /** The permission needed to see the page (a name passed to definePermissions by a module). */
  permission: string;
  /** Navigation group, one of SECTIONS. */
  section: Section;
  /** The page (lazy, so each page is its own chunk). */
  component: ComponentType;
}

/** Navigation groups, in display order. Add a section here if none fits. */
export const SECTIONS = ['Overview', 'Operations', 'Compliance', 'Data quality', 'Administration'] as const;
export type Section = (typeof SECTIONS)[number];

export const PAGES: PageEntry[] = [
  {
    path: '/overview',
    label: 'Overview',
    permission: 'orders:read',
    section: 'Overview',
    component: lazy(() => import('./overview.page.tsx')),
  },
  {
    path: '/orders',
    label: 'Orders',
    permission: 'orders:read',
    section: 'Operations',
    component: lazy(() => import('./orders.page.tsx')),
  },
  {
    path: '/shipments',
    label: 'Shipments',
    permission: 'shipments:read',
    section: 'Operations',
    component: lazy(() => import('./shipments.page.tsx')),
  },
  {
    path: '/traceability',
    label: 'Traceability',
    permission: 'trace:read',
    section: 'Compliance',
    component: lazy(() => import('./trace.page.tsx')),
  },
  {
    path: '/customs',
    label: 'Customs transmission',
    permission: 'gateway:read',
    section: 'Compliance',
    component: lazy(() => import('./customs.page.tsx')),
  },
  {
    path: '/imports',
    label: 'Import quarantine',
    permission: 'imports:read',
    section: 'Data quality',
    component: lazy(() => import('./imports.page.tsx')),
  },
  {
    path: '/privacy',
    label: 'Privacy',
    permission: 'privacy:read',
    section: 'Compliance',
    component: lazy(() => import('./privacy.page.tsx')),
  },
  {
    path: '/access',
    label: 'Access control',
    permission: 'access:read',
    section: 'Administration',
    component: lazy(() => import('./access.page.tsx')),
  },
  {
    path: '/classification',
    label: 'Classification review',
    permission: 'classification:read',
    section: 'Compliance',
    component: lazy(() => import('./classification.page.tsx')),
  },
  {
    path: '/filings',
    label: 'Filings',
    permission: 'filings:read',
    section: 'Compliance',
    component: lazy(() => import('./filings.page.tsx')),
  },
];

/** The entry whose path is `path`, if any. */
export function findPage(path: string): PageEntry | undefined {
  return PAGES.find((p) => p.path === path);
}

/** The pages `permissions` allow, in registry order. */
export function allowedPages(permissions: readonly string[]): PageEntry[] {
  return PAGES.filter((p) => permissions.includes(p.permission));
}
