/** Chart colours, the app's own (SVG attributes cannot read CSS variables). */
export const CHART = {
  planned: '#9cc9d1',
  claimed: '#0b5d6b',
  released: '#1f7a4d',
  previous: '#cfd4db',
  remaining: '#e3f1f3',
  over: '#b42318',
  grid: '#e2e5ea',
  ink: '#4d5867',
  font: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
} as const;
