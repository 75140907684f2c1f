import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installApi } from './api/install';
import { App } from './App';
import './styles.css';

installApi();
const root = document.getElementById('root');
if (!root) throw new Error('hubdesk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
