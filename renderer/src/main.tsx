import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { installApi } from './api/install';
import { createQueryClient } from './data/client';
import { queryKey } from './data/queries';
import { App } from './App';
import { preloadAllPages, preloadPageAt } from './routes';
import './styles.css';

/**
 * Once the first screen has its data (nothing is being fetched any more), the other pages' code is
 * loaded while the app is idle, so a first visit to a page waits only for its data.
 */
function preloadPagesOnceSettled(client: QueryClient): void {
  const cache = client.getQueryCache();
  const unsubscribe = cache.subscribe(() => {
    const answered = cache.getAll().some((q) => q.queryKey[0] !== 'getStatus' && q.state.dataUpdatedAt > 0);
    if (!answered || client.isFetching() > 0) return;
    unsubscribe();
    requestIdleCallback(() => void preloadAllPages());
  });
}

installApi();
// The page the app opens on starts loading with the app's first request, not after it.
preloadPageAt(window.location.hash.replace(/^#/, '').split('?')[0] ?? '/');
// The one cache of the screens. A future "this changed" from outside (another window, a server push)
// calls invalidateFromOutside(queryClient, names) from data/changes.ts with this client.
const queryClient = createQueryClient();
// Where the data lives and its years: every screen waits for it, so it is asked for before the first render.
void queryClient.prefetchQuery({ queryKey: queryKey('getStatus', {}) });
preloadPagesOnceSettled(queryClient);
const root = document.getElementById('root');
if (!root) throw new Error('hubdesk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
