import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { chartPngBase64 } from '../../charts/png';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Draws a chart off screen, in a fixed-size box, and returns it as PNG base64 (for an Excel export):
 * the chart is rendered into a hidden container, given frames to measure and lay out, captured with
 * its legend (charts/png.ts), then removed.
 */
export async function drawChartPng(chart: ReactElement, size: { width: number; height: number }): Promise<string> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.className = 'export-chart-host';
  host.style.width = `${size.width}px`;
  host.style.height = `${size.height}px`;
  document.body.append(host);
  const root = createRoot(host);
  try {
    root.render(chart);
    // recharts' ResponsiveContainer measures on a later frame: wait until the drawing has a size and bars (or ~2 s).
    for (let i = 0; i < 120; i += 1) {
      await nextFrame();
      const svg = host.querySelector('.recharts-wrapper > svg.recharts-surface');
      if (svg && svg.getBoundingClientRect().width > 0 && host.querySelector('.recharts-cartesian-axis') && host.querySelector('.recharts-legend-item')) break;
    }
    await nextFrame();
    return await chartPngBase64(host);
  } finally {
    root.unmount();
    host.remove();
  }
}
