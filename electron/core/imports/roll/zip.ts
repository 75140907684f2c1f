import zlib from 'node:zlib';
import { UnreadableFileError } from './sheet';

/**
 * A minimal reader of a zip archive's central directory (an .xlsx is a zip). It exists to tell a
 * person precisely why a file is not a workbook (not a zip, cut short, another Office format)
 * before the spreadsheet reader sees it, and to read the few parts that reader skips (merged cells).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer, private readonly fileName: string) {
    const eocd = this.findEndOfDirectory();
    const count = bytes.readUInt16LE(eocd + 10);
    const dirSize = bytes.readUInt32LE(eocd + 12);
    const dirOffset = bytes.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > eocd) throw this.damaged('its table of contents points past the end of the file');
    let p = dirOffset;
    for (let i = 0; i < count; i += 1) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw this.damaged('its table of contents is corrupt');
      const method = bytes.readUInt16LE(p + 10);
      const compressedSize = bytes.readUInt32LE(p + 20);
      const size = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      const localOffset = bytes.readUInt32LE(p + 42);
      const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
      if (localOffset + 30 + compressedSize > dirOffset) throw this.damaged(`part ${name} runs past the end of the data`);
      this.entries.set(name, { name, method, compressedSize, size, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  private damaged(why: string): UnreadableFileError {
    return new UnreadableFileError(`${this.fileName} is a damaged or incomplete Excel file (${why}). Was the download or copy cut short? Save it again from Excel and retry.`);
  }

  private findEndOfDirectory(): number {
    const { bytes } = this;
    const stop = Math.max(0, bytes.length - 65_557);
    for (let p = bytes.length - 22; p >= stop; p -= 1) {
      if (bytes.readUInt32LE(p) === EOCD) return p;
    }
    throw this.damaged('the end of the archive is missing');
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const { bytes } = this;
    const p = entry.localOffset;
    if (bytes.readUInt32LE(p) !== LOCAL) throw this.damaged(`part ${name} is corrupt`);
    const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    try {
      if (entry.method === 0) return Buffer.from(data);
      if (entry.method === 8) return zlib.inflateRawSync(data);
    } catch {
      throw this.damaged(`part ${name} cannot be decompressed`);
    }
    throw this.damaged(`part ${name} uses an unsupported compression`);
  }

  readText(name: string): string | null {
    return this.read(name)?.toString('utf8') ?? null;
  }
}
