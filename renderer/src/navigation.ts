export interface NavItem {
  to: string;
  label: string;
  key: string;
}

/** The sidebar, in order; Alt+number jumps to each. The pages behind these paths are in routes.tsx. */
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
