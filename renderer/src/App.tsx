import type { ReactNode } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StatusProvider, useStatus } from './state/status';
import { Layout } from './components/Layout';
import { WelcomePage } from './pages/WelcomePage';
import { HOME, routes } from './routes';
import { ErrorPanel } from './components/ErrorPanel';
import { SignInPage } from './pages/SignInPage';
import { useTeam } from './state/person';
import { useQueryOf } from './data/queries';

function Shell() {
  const { status, error } = useStatus();
  // Who is using the screens: their roles decide what the screens offer, so nothing shows before them.
  const person = useQueryOf('currentPerson', {});
  const { pathname } = useLocation();
  if (error) return <ErrorPanel title="hubdesk could not reach its data" error={error} />;
  if (person.error) return <ErrorPanel title="hubdesk could not tell who you are" error={person.error} />;
  if (!status || !person.data) return <div className="boot" aria-busy="true">Opening hubdesk…</div>;
  // An empty database opens on Welcome; once the person goes anywhere else (starting empty goes to
  // Imports) the app is theirs to use, and a reload stays where they are.
  if (status.empty && pathname === '/') return <WelcomePage />;
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Navigate to={HOME} replace />} />
        {routes.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<Navigate to={HOME} replace />} />
      </Routes>
    </Layout>
  );
}

/**
 * On a team server nothing is shown (and nothing asked of the core) until someone has signed in, and
 * the sign-in comes back whenever the session ends; the desktop app and browser mode open at once.
 */
function SignedIn({ children }: { children: ReactNode }) {
  const team = useTeam();
  if (team.mode === 'asking') return <div className="boot" aria-busy="true">Opening hubdesk…</div>;
  if (team.mode === 'team' && !team.session) return <SignInPage ended={team.ended} />;
  return children;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SignedIn>
        <HashRouter>
          <StatusProvider>
            <Shell />
          </StatusProvider>
        </HashRouter>
      </SignedIn>
    </QueryClientProvider>
  );
}
