import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileRefused } from './refused';

/**
 * A streaming XML reader over saxes (a conforming, non-validating parser: no DTD, no external
 * entities). Names are given without their prefix, so a part written with any namespace prefix, or
 * with the Strict Open XML namespaces, reads the same.
 */
export interface XmlHandlers {
  /** An element opens; for a self-closing one, close() follows at once. */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name (`r:id`, `x:ref` → `id`, `ref`); the unprefixed one first. */
export function attr(attributes: Record<string, string>, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const key in attributes) if (localName(key) === local && key !== local) return attributes[key];
  return undefined;
}

function parser(handlers: XmlHandlers, fail: (message: string) => FileRefused): SaxesParser {
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  if (handlers.close) {
    const close = handlers.close;
    p.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (handlers.text) {
    p.on('text', handlers.text);
    p.on('cdata', handlers.text);
  }
  p.on('error', (e: Error) => {
    throw fail(e.message);
  });
  return p;
}

function guard(run: () => void, fail: (message: string) => FileRefused): void {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw fail((error as Error).message);
  }
}

/** Parses a whole (small) part. `fail` makes the refusal for XML that is not well formed. */
export function parseXmlText(text: string, handlers: XmlHandlers, fail: (message: string) => FileRefused): void {
  const p = parser(handlers, fail);
  guard(() => p.write(text).close(), fail);
}

/** Parses a part as it is inflated, chunk by chunk. */
export async function parseXmlStream(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, fail: (message: string) => FileRefused): Promise<void> {
  const p = parser(handlers, fail);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) guard(() => p.write(text), fail);
  }
  guard(() => p.write(decoder.decode()).close(), fail);
}
