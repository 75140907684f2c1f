import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installApi } from './api/install';
import { teamSession } from './api/team';
import { createQueryClient } from './data/client';
import { followChanges } from './data/live';
import { App } from './App';
import './styles.css';

installApi();
// The one cache of the screens. On a team server, a colleague's change arrives on /api/changes and
// marks stale what it wrote (data/live.ts).
const queryClient = createQueryClient();
void teamSession().then((session) => {
  if (session) followChanges(queryClient, new EventSource('/api/changes'));
});
const root = document.getElementById('root');
if (!root) throw new Error('hubdesk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
