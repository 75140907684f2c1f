/**
 * Draws a rendered chart (its <svg>) onto a canvas and returns PNG bytes: how the charts reach
 * Excel exports and "Save as PNG". Runs where a browser is (the desktop window or browser mode).
 */
export async function chartPng(container: HTMLElement, scale = 2): Promise<Blob> {
  // The chart's own surface is the largest SVG: legend icons are small SVGs of their own.
  const svgs = [...container.querySelectorAll('svg')];
  const area = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width * r.height;
  };
  const svg = svgs.sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error('There is no chart to save yet.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('style', "font-family: 'Segoe UI', system-ui, Arial, sans-serif; font-size: 12px; background: #ffffff");
  const markup = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.decoding = 'async';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw images.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be saved.'))), 'image/png'));
}

export async function chartPngBase64(container: HTMLElement): Promise<string> {
  const bytes = new Uint8Array(await (await chartPng(container)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
