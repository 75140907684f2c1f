import { HubdeskError } from '../errors';
import type { ChartImage } from './sheets/types';

/** The most a chart image may weigh once decoded. */
export const MAX_CHART_BYTES = 5 * 1024 * 1024;
/** The most a chart may measure on either side, in pixels. */
export const MAX_CHART_SIDE = 8_000;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A chart image sent by the app: base64 of a PNG, at most 5 MB, with a readable header (IHDR) giving
 * its size. Anything else is refused with a message naming the field and why.
 */
export function decodeChartPng(base64: string, field: string): ChartImage {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new HubdeskError('validation', `${field}: is not base64.`, { issues: [{ path: field, message: 'is not base64' }] });
  }
  if ((compact.length / 4) * 3 > MAX_CHART_BYTES + 3) {
    throw new HubdeskError('validation', `${field}: the chart image is larger than 5 MB.`, { issues: [{ path: field, message: 'is larger than 5 MB' }] });
  }
  const png = Buffer.from(compact, 'base64');
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new HubdeskError('validation', `${field}: is not a PNG image.`, { issues: [{ path: field, message: 'is not a PNG image' }] });
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_CHART_SIDE || height > MAX_CHART_SIDE) {
    throw new HubdeskError('validation', `${field}: the image is ${width} × ${height} pixels; a chart must be 1 to ${MAX_CHART_SIDE} pixels a side.`, {
      issues: [{ path: field, message: 'has an impossible size' }],
    });
  }
  return { png, width, height };
}
