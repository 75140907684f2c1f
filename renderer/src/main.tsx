import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installApi } from './api/install';
import { createQueryClient } from './data/client';
import { App } from './App';
import './styles.css';

installApi();
// The one cache of the screens. A future "this changed" from outside (another window, a server push)
// calls invalidateFromOutside(queryClient, names) from data/changes.ts with this client.
const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('hubdesk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
