import fs from 'node:fs';
import path from 'node:path';
import { HubdeskError } from '../core/errors';
import { MAX_IMPORT_FILE_BYTES, TEXT_ENCODING_CHOICES } from '@shared/contract/staging';
import { UsageError } from './command';

/** A file named on the command line, as an import's preview sends it (name and base64 bytes). */
export function readFileArg(file: string, maxBytes: number = MAX_IMPORT_FILE_BYTES): { fileName: string; contentBase64: string } {
  const full = path.resolve(file);
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile()) throw new Error('it is not a file');
    if (stat.size > maxBytes) throw new Error(`it is larger than ${maxBytes / 1024 / 1024} MB`);
    return { fileName: path.basename(full), contentBase64: fs.readFileSync(full).toString('base64') };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new HubdeskError('validation', `Cannot read ${file}: ${e.code === 'ENOENT' ? 'there is no such file' : e.message}.`);
  }
}

export type EncodingChoice = (typeof TEXT_ENCODING_CHOICES)[number];

/** --encoding NAME: one of the encodings a CSV can be read in (case and spacing forgiven). */
export function encodingArg(value: string | boolean | undefined): EncodingChoice | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const found = TEXT_ENCODING_CHOICES.find((e) => e.toLowerCase().replace(/[^a-z0-9]/g, '') === key || (key === 'cp1252' && e === 'Windows-1252') || (key === 'macroman' && e === 'Mac Roman') || (key === 'cp850' && e === 'DOS Latin (850)'));
  if (!found) throw new UsageError(`--encoding must be one of: ${TEXT_ENCODING_CHOICES.map((e) => `"${e}"`).join(', ')}`);
  return found;
}
