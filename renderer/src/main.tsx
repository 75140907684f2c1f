import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { installApi, isDesktop } from './api/install';
import { desktopBridge } from './api/desktop';
import { ConnectScreen } from './pages/connect/ConnectScreen';
import { startTeam } from './api/team';
import { createQueryClient } from './data/client';
import { followSession } from './data/session';
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

/** The app proper: the typed client, the screens' cache, and the first screen's data asked for at once. */
function startApp(root: HTMLElement): void {
  installApi();
  // The page the app opens on starts loading with the app's first request, not after it.
  preloadPageAt(window.location.hash.replace(/^#/, '').split('?')[0] ?? '/');
  // On a team server the screens need someone signed in (App shows sign-in until then); asked
  // alongside the first data, not before it.
  void startTeam(isDesktop());
  // The one cache of the screens. On a team server it follows colleagues' changes while someone is
  // signed in, and is emptied whenever the session starts or ends (data/session.ts).
  const queryClient = createQueryClient();
  followSession(queryClient);
  // Where the data lives and its years, and who is using it (their roles): every screen waits for
  // them, so they are asked for before the first render.
  void queryClient.prefetchQuery({ queryKey: queryKey('getStatus', {}) });
  void queryClient.prefetchQuery({ queryKey: queryKey('currentPerson', {}) });
  preloadPagesOnceSettled(queryClient);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}

const bridge = desktopBridge();
const root = document.getElementById('root');
if (!root) throw new Error('hubdesk: #root is missing from index.html');
if (bridge?.mode === 'setup') {
  // The desktop app's first start (or a saved choice it could not use): there is no store yet to ask.
  createRoot(root).render(
    <StrictMode>
      <ConnectScreen bridge={bridge} />
    </StrictMode>,
  );
} else {
  startApp(root);
}
