import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { matchPath } from 'react-router';

interface LazyPage {
  path: string;
  element: ReactElement;
  /** Starts loading the page's code (once); the page itself loads it the first time it is shown. */
  preload(): Promise<unknown>;
}

/** What shows while a page's code arrives (the first visit to a page only): the data views' own "Loading…". */
function PageLoading() {
  return (
    <div aria-busy="true" className="loading">
      Loading…
    </div>
  );
}

/**
 * A page whose code is loaded on demand: the first screen loads only its own code, and a page with a
 * chart brings the chart library with it.
 */
function page(path: string, load: () => Promise<ComponentType>): LazyPage {
  let loading: Promise<ComponentType> | null = null;
  // Kept once loaded; a failed load is tried again on the next visit.
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  const Page = lazy(async () => ({ default: await once() }));
  return {
    path,
    element: (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    ),
    preload: once,
  };
}

/** Every page by its path; the sidebar (navigation.ts) links to some of them and imports none. */
export const routes: LazyPage[] = [
  page('/network', () => import('./pages/NetworkPage').then((m) => m.NetworkPage)),
  page('/hubs', () => import('./pages/HubsPage').then((m) => m.HubsPage)),
  page('/hubs/:hubId', () => import('./pages/hub/HubPage').then((m) => m.HubPage)),
  page('/schools', () => import('./pages/SchoolsPage').then((m) => m.SchoolsPage)),
  page('/schools/:schoolId', () => import('./pages/school/SchoolPage').then((m) => m.SchoolPage)),
  page('/explorer', () => import('./pages/ExplorerPage').then((m) => m.ExplorerPage)),
  page('/funding', () => import('./pages/FundingPage').then((m) => m.FundingPage)),
  page('/funding/:hubId', () => import('./pages/funding/HubFundingPage').then((m) => m.HubFundingPage)),
  page('/imports', () => import('./pages/ImportsPage').then((m) => m.ImportsPage)),
  page('/exports', () => import('./pages/ExportsPage').then((m) => m.ExportsPage)),
  page('/spend', () => import('./pages/SpendPage').then((m) => m.SpendPage)),
  page('/spend/categories/:categoryId', () => import('./pages/spend/CategoryClaimsPage').then((m) => m.CategoryClaimsPage)),
  page('/settings', () => import('./pages/SettingsPage').then((m) => m.SettingsPage)),
  page('/calls', () => import('./pages/CallsPage').then((m) => m.CallsPage)),
  page('/calls/:hubId/:term', () => import('./pages/calls/CallPackPage').then((m) => m.CallPackPage)),
];

/** The path the app opens on when the address names no page. */
export const HOME = '/network';

/** Starts loading the code of the page at a path (the app's address when it starts), alongside its first data. */
export function preloadPageAt(pathname: string): void {
  const route = routes.find((r) => matchPath(r.path, pathname === '/' || pathname === '' ? HOME : pathname));
  void route?.preload();
}

/**
 * Loads every page's code, one after another, once the first screen is up: later first visits then
 * wait only for their data. A page that fails to load here is loaded (and its error shown) when visited.
 */
export async function preloadAllPages(): Promise<void> {
  for (const r of routes) await r.preload().catch(() => undefined);
}
