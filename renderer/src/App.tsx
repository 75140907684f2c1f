import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StatusProvider, useStatus } from './state/status';
import { Layout } from './components/Layout';
import { WelcomePage } from './pages/WelcomePage';
import { HOME, routes } from './routes';
import { ErrorPanel } from './components/ErrorPanel';

function Shell() {
  const { status, error } = useStatus();
  const { pathname } = useLocation();
  if (error) return <ErrorPanel title="hubdesk could not reach its data" error={error} />;
  if (!status) return <div className="boot" aria-busy="true">Opening hubdesk…</div>;
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

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <HashRouter>
        <StatusProvider>
          <Shell />
        </StatusProvider>
      </HashRouter>
    </QueryClientProvider>
  );
}
