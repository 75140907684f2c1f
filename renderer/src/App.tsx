import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StatusProvider, useStatus } from './state/status';
import { Layout } from './components/Layout';
import { WelcomePage } from './pages/WelcomePage';
import { HOME, routes } from './routes';
import { ErrorPanel } from './components/ErrorPanel';

function Shell() {
  const { status, error } = useStatus();
  if (error) return <ErrorPanel title="hubdesk could not reach its data" error={error} />;
  if (!status) return <div className="boot" aria-busy="true">Opening hubdesk…</div>;
  if (status.empty) return <WelcomePage />;
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
