import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FILE_LIMITS, sizeText } from './limits';
import { FileRefused } from './refused';

/**
 * A reader of zip archives (.xlsx and .ods are zips) from their central directory. Parts are
 * inflated by streaming, counting the bytes that come out: the sizes a zip declares are never
 * trusted, so a part that lies about its size is stopped at the cap, not after it has filled memory.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** Compressed input is fed to zlib in pieces this big, so one piece inflates to at most ~17 MB. */
const FEED_BYTES = 16 * 1024;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export class ZipArchive {
  /** By lower-cased name: part names in a package are compared without case. */
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly fileName: string,
    /** What the file claims to be, for messages ("Excel file", "OpenDocument spreadsheet"). */
    private readonly what = 'Excel file',
  ) {
    const eocd = this.findEndOfDirectory();
    const count = bytes.readUInt16LE(eocd + 10);
    const dirSize = bytes.readUInt32LE(eocd + 12);
    const dirOffset = bytes.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) throw this.damaged('it is a Zip64 archive, which no spreadsheet of this size needs');
    if (dirOffset + dirSize > eocd) throw this.damaged('its table of contents points past the end of the file');
    let p = dirOffset;
    for (let i = 0; i < count; i += 1) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw this.damaged('its table of contents is corrupt');
      const flags = bytes.readUInt16LE(p + 8);
      const method = bytes.readUInt16LE(p + 10);
      let compressedSize = bytes.readUInt32LE(p + 20);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      let localOffset = bytes.readUInt32LE(p + 42);
      if (p + 46 + nameLength + extraLength > bytes.length) throw this.damaged('its table of contents is corrupt');
      const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64 values stand in an extra field, in this order, only for the fields marked 0xFFFFFFFF.
        const z = this.zip64Extra(p + 46 + nameLength, extraLength);
        let q = 0;
        if (bytes.readUInt32LE(p + 24) === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = z ? Number(z.readBigUInt64LE(q)) : Number.MAX_SAFE_INTEGER;
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = z ? Number(z.readBigUInt64LE(q)) : Number.MAX_SAFE_INTEGER;
      }
      if (localOffset + 30 + compressedSize > dirOffset) throw this.damaged(`part ${name} runs past the end of the data`);
      this.entries.set(normalisePart(name), { name, method, flags, compressedSize, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  private zip64Extra(start: number, length: number): Buffer | null {
    let p = start;
    while (p + 4 <= start + length) {
      const id = this.bytes.readUInt16LE(p);
      const size = this.bytes.readUInt16LE(p + 2);
      if (id === ZIP64_EXTRA) return this.bytes.subarray(p + 4, p + 4 + size);
      p += 4 + size;
    }
    return null;
  }

  damaged(why: string): FileRefused {
    return new FileRefused(`${this.fileName} is a damaged or incomplete ${this.what} (${why}). Was the download or copy cut short? Save it again and retry.`);
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
    return this.entries.has(normalisePart(name));
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The packed bytes of a part (checked against its local header). */
  private packed(name: string): { entry: ZipEntry; data: Buffer } | null {
    const entry = this.entries.get(normalisePart(name));
    if (!entry) return null;
    const { bytes } = this;
    const p = entry.localOffset;
    if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw this.damaged(`part ${entry.name} is corrupt`);
    if (entry.flags & 0x1) throw new FileRefused(`${this.fileName} is encrypted (password-protected). Open it, remove the password and save it again.`);
    if (entry.method !== 0 && entry.method !== 8) throw this.damaged(`part ${entry.name} uses an unsupported compression`);
    const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
    return { entry, data: bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize)) };
  }

  /** packedRead: the packed bytes inflated so far, so a bomb is caught by its ratio as soon as it shows, not at its end. */
  private count(entry: ZipEntry, partBytes: number, added: number, packedRead: number = entry.compressedSize): void {
    this.inflatedTotal += added;
    if (partBytes > FILE_LIMITS.ratioCheckFromBytes && partBytes / Math.max(1, packedRead) > FILE_LIMITS.maxCompressionRatio) {
      throw new FileRefused(
        `${this.fileName} is refused: its part ${entry.name} would expand from ${sizeText(packedRead)} to more than ${sizeText(partBytes)}, far more than a real spreadsheet does. The file may be damaged or built to exhaust memory.`,
      );
    }
    if (this.inflatedTotal > FILE_LIMITS.maxUnzippedBytes) {
      throw new FileRefused(`${this.fileName} is refused: it expands to more than ${sizeText(FILE_LIMITS.maxUnzippedBytes)} when opened, more than hubdesk reads.`);
    }
  }

  /** A small part whole (at most `cap` bytes inflated), or null when the archive has no such part. */
  read(name: string, cap: number = FILE_LIMITS.maxSmallPartBytes): Buffer | null {
    const found = this.packed(name);
    if (!found) return null;
    const { entry, data } = found;
    let out: Buffer;
    if (entry.method === 0) out = Buffer.from(data);
    else {
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: cap + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new FileRefused(`${this.fileName} is refused: its part ${entry.name} expands to more than ${sizeText(cap)}, far more than a real spreadsheet's. The file may be damaged or built to exhaust memory.`);
        }
        throw this.damaged(`part ${entry.name} cannot be decompressed`);
      }
    }
    if (out.length > cap) throw new FileRefused(`${this.fileName} is refused: its part ${entry.name} is larger than ${sizeText(cap)}, far more than a real spreadsheet's.`);
    this.count(entry, out.length, out.length);
    return out;
  }

  readText(name: string, cap?: number): string | null {
    return this.read(name, cap)?.toString('utf8') ?? null;
  }

  /** A part inflated piece by piece; stops with a refusal as soon as the limits are passed. */
  async *stream(name: string): AsyncGenerator<Buffer> {
    const found = this.packed(name);
    if (!found) return;
    const { entry, data } = found;
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += 1024 * 1024) {
        const piece = data.subarray(i, i + 1024 * 1024);
        this.count(entry, i + piece.length, piece.length);
        yield piece;
      }
      return;
    }
    let fed = 0;
    const feed = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += FEED_BYTES) {
          fed = Math.min(data.length, i + FEED_BYTES);
          yield data.subarray(i, i + FEED_BYTES);
        }
      })(),
    );
    const inflate = zlib.createInflateRaw();
    feed.on('error', (e) => inflate.destroy(e));
    feed.pipe(inflate);
    let partBytes = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        partBytes += chunk.length;
        this.count(entry, partBytes, chunk.length, fed);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof FileRefused) throw error;
      throw this.damaged(`part ${entry.name} cannot be decompressed`);
    } finally {
      feed.destroy();
      inflate.destroy();
    }
  }
}

/** Part names compare without case and without a leading slash. */
export function normalisePart(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** A relationship target resolved against the folder of the part that names it (relative or absolute). */
export function resolveTarget(fromPart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  const parts = clean.startsWith('/') ? [] : fromPart.replace(/^\/+/, '').split('/').slice(0, -1);
  for (const piece of clean.replace(/^\/+/, '').split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(decodeURIComponentSafe(piece));
  }
  return parts.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
