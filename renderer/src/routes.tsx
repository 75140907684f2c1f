import type { ReactElement } from 'react';
import { NetworkPage } from './pages/NetworkPage';
import { HubPage } from './pages/HubPage';
import { HubsPage } from './pages/HubsPage';
import { SchoolsPage } from './pages/SchoolsPage';
import { SettingsPage } from './pages/SettingsPage';
import { ExportsPage } from './pages/ExportsPage';
import { ImportsPage } from './pages/ImportsPage';
import { SchoolPage } from './pages/SchoolPage';
import { ExplorerPage } from './pages/ExplorerPage';
import { SpendPage } from './pages/SpendPage';
import { CategoryClaimsPage } from './pages/spend/CategoryClaimsPage';
import { FundingPage } from './pages/FundingPage';
import { HubFundingPage } from './pages/funding/HubFundingPage';
import { CallsPage } from './pages/CallsPage';
import { CallPackPage } from './pages/calls/CallPackPage';

export interface NavItem {
  to: string;
  label: string;
  key: string;
}

/** The sidebar, in order; Alt+number jumps to each. */
export const navItems: NavItem[] = [
  { to: '/network', label: 'Network', key: '1' },
  { to: '/hubs', label: 'Hubs', key: '2' },
  { to: '/schools', label: 'Schools', key: '3' },
  { to: '/funding', label: 'Funding', key: '4' },
  { to: '/spend', label: 'Spend', key: '5' },
  { to: '/imports', label: 'Imports', key: '6' },
  { to: '/exports', label: 'Exports', key: '7' },
  { to: '/settings', label: 'Settings', key: '8' },
  { to: '/explorer', label: 'WWW/EBI explorer', key: '9' },
  { to: '/calls', label: 'Calls', key: '0' },
];

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
