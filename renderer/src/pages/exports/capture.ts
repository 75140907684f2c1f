/**
 * Captures a rendered recharts chart as PNG base64, legend included. charts/png.ts takes the first
 * `svg.recharts-surface` in a container, which in recharts 3 can be a legend icon (the legend is an
 * HTML block with small SVG icons); here the chart's own surface is taken (the wrapper's direct
 * child) and the legend is drawn onto the same canvas from its rendered items.
 */
const INK = '#1c2430';

function loadImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.decoding = 'async';
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

export async function captureChartPng(host: HTMLElement, scale = 2): Promise<string> {
  const wrapper = host.querySelector<HTMLElement>('.recharts-wrapper');
  const svg = wrapper?.querySelector<SVGSVGElement>(':scope > svg.recharts-surface');
  if (!wrapper || !svg) throw new Error('There is no chart to save yet.');
  const box = wrapper.getBoundingClientRect();
  const svgBox = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(svgBox.width));
  clone.setAttribute('height', String(svgBox.height));
  clone.setAttribute('style', "font-family: 'Segoe UI', system-ui, Arial, sans-serif; font-size: 12px");
  const image = await loadImage(new XMLSerializer().serializeToString(clone));

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw images.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.drawImage(image, svgBox.left - box.left, svgBox.top - box.top, svgBox.width, svgBox.height);

  // The legend: a swatch in each series' colour and its name, where the page laid them out.
  g.font = "12px 'Segoe UI', system-ui, Arial, sans-serif";
  g.textBaseline = 'middle';
  for (const item of wrapper.querySelectorAll<HTMLElement>('.recharts-legend-item')) {
    const icon = item.querySelector('svg');
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text');
    if (icon) {
      const r = icon.getBoundingClientRect();
      g.fillStyle = icon.querySelector('path')?.getAttribute('fill') ?? INK;
      g.fillRect(r.left - box.left + 1, r.top - box.top + 2, r.width - 2, r.height - 4);
    }
    if (label) {
      const r = label.getBoundingClientRect();
      g.fillStyle = INK;
      g.fillText(label.textContent ?? '', r.left - box.left, r.top - box.top + r.height / 2);
    }
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be saved.'))), 'image/png'));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
