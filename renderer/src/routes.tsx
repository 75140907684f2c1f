import type { ReactElement } from 'react';
import { NetworkPage } from './pages/NetworkPage';
import { HubPage } from './pages/hub/HubPage';
import { HubsPage } from './pages/HubsPage';
import { SchoolsPage } from './pages/SchoolsPage';
import { SettingsPage } from './pages/SettingsPage';
import { ExportsPage } from './pages/ExportsPage';
import { ImportsPage } from './pages/ImportsPage';
import { SchoolPage } from './pages/school/SchoolPage';
import { ExplorerPage } from './pages/ExplorerPage';
import { SpendPage } from './pages/SpendPage';
import { CategoryClaimsPage } from './pages/spend/CategoryClaimsPage';
import { FundingPage } from './pages/FundingPage';
import { HubFundingPage } from './pages/funding/HubFundingPage';
import { CallsPage } from './pages/CallsPage';
import { CallPackPage } from './pages/calls/CallPackPage';

/** Every page by its path; the sidebar (navigation.ts) links to some of them and imports none. */
export const routes: { path: string; element: ReactElement }[] = [
  { path: '/network', element: <NetworkPage /> },
  { path: '/hubs', element: <HubsPage /> },
  { path: '/hubs/:hubId', element: <HubPage /> },
  { path: '/schools', element: <SchoolsPage /> },
  { path: '/schools/:schoolId', element: <SchoolPage /> },
  { path: '/explorer', element: <ExplorerPage /> },
  { path: '/funding', element: <FundingPage /> },
  { path: '/funding/:hubId', element: <HubFundingPage /> },
  { path: '/imports', element: <ImportsPage /> },
  { path: '/exports', element: <ExportsPage /> },
  { path: '/spend', element: <SpendPage /> },
  { path: '/spend/categories/:categoryId', element: <CategoryClaimsPage /> },
  { path: '/settings', element: <SettingsPage /> },
  { path: '/calls', element: <CallsPage /> },
  { path: '/calls/:hubId/:term', element: <CallPackPage /> },
];
