import { CHART } from './palette';

/** What a saved chart says above the drawing: its title, and the hub and year it shows. */
export interface ChartHeading {
  title: string;
  subtitle: string;
}

const INK = '#1c2430';
const HEADING_HEIGHT = 52;

/**
 * The chart's own drawing as SVG markup for an image, at its size on screen. The markup is changed as
 * text, never through elements: an element with a style attribute that the page creates — a copy of
 * the chart, or a document from DOMParser, which shares the page's policy — is refused by the
 * page's Content Security Policy (style-src 'self'); the image's own document is not under it.
 */
function svgMarkup(svg: SVGSVGElement, width: number, height: number): string {
  const markup = new XMLSerializer().serializeToString(svg);
  const end = markup.indexOf('>');
  const root = markup.slice(0, end).replace(/\s(?:width|height|font-family|font-size)="[^"]*"/g, '');
  return `${root} width="${width}" height="${height}" font-family="${CHART.font}" font-size="12"${markup.slice(end)}`;
}

function loadImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.decoding = 'async';
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/**
 * Draws a rendered recharts chart onto a canvas and returns PNG bytes: how "Save as PNG" and the
 * Excel exports get their pictures. The chart's own surface is the wrapper's direct child (legend
 * icons are small SVGs of their own); the legend is drawn from its rendered items where the page laid
 * them out; a heading, when given, goes above: the title, then the hub and year.
 */
export async function chartPng(host: HTMLElement, heading?: ChartHeading, scale = 2): Promise<Blob> {
  const wrapper = host.querySelector<HTMLElement>('.recharts-wrapper');
  const svg = wrapper?.querySelector<SVGSVGElement>(':scope > svg.recharts-surface');
  if (!wrapper || !svg) throw new Error('There is no chart to save yet.');
  const box = wrapper.getBoundingClientRect();
  const svgBox = svg.getBoundingClientRect();
  const image = await loadImage(svgMarkup(svg, svgBox.width, svgBox.height));
  const top = heading ? HEADING_HEIGHT : 0;

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil((box.height + top) * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw images.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.textBaseline = 'middle';
  if (heading) {
    g.fillStyle = INK;
    g.font = `bold 16px ${CHART.font}`;
    g.fillText(heading.title, 8, 18, box.width - 16);
    g.fillStyle = CHART.ink;
    g.font = `13px ${CHART.font}`;
    g.fillText(heading.subtitle, 8, 38, box.width - 16);
  }
  g.drawImage(image, svgBox.left - box.left, svgBox.top - box.top + top, svgBox.width, svgBox.height);

  g.font = `12px ${CHART.font}`;
  for (const item of wrapper.querySelectorAll<HTMLElement>('.recharts-legend-item')) {
    const icon = item.querySelector('svg');
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text');
    if (icon) {
      const r = icon.getBoundingClientRect();
      g.fillStyle = icon.querySelector('path')?.getAttribute('fill') ?? INK;
      g.fillRect(r.left - box.left + 1, r.top - box.top + top + 2, r.width - 2, r.height - 4);
    }
    if (label) {
      const r = label.getBoundingClientRect();
      g.fillStyle = INK;
      g.fillText(label.textContent ?? '', r.left - box.left, r.top - box.top + top + r.height / 2);
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be saved.'))), 'image/png'));
}

/** The same picture as base64 (what an export request carries). */
export async function chartPngBase64(host: HTMLElement, heading?: ChartHeading): Promise<string> {
  const bytes = new Uint8Array(await (await chartPng(host, heading)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
