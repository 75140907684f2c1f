import fs from 'node:fs';
import path from 'node:path';
import { HubdeskError } from '../core/errors';
import { MAX_IMPORT_FILE_BYTES, TEXT_ENCODING_CHOICES, type EncodingChoice } from '@shared/contract/staging';
import { undecidedEncoding } from '../core/imports/files/encoding-question';
import { countOf } from '@shared/plural';
import { UsageError, type CliIo } from './command';

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

type TextEncoding = (typeof TEXT_ENCODING_CHOICES)[number];

/** --encoding NAME: one of the encodings a CSV can be read in (case and spacing forgiven). */
export function encodingArg(value: string | boolean | undefined, option = '--encoding'): TextEncoding | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const found = TEXT_ENCODING_CHOICES.find((e) => e.toLowerCase().replace(/[^a-z0-9]/g, '') === key || (key === 'cp1252' && e === 'Windows-1252') || (key === 'macroman' && e === 'Mac Roman') || (key === 'cp850' && e === 'DOS Latin (850)'));
  if (!found) throw new UsageError(`${option} must be one of: ${TEXT_ENCODING_CHOICES.map((e) => `"${e}"`).join(', ')}`);
  return found;
}

/** A file the preview could not tell the encoding of, and the option that chooses it. */
export interface UndecidedEncoding {
  fileName: string;
  choice: EncodingChoice | null;
  option: string;
}

/**
 * The encoding question on the command line, the same for every import: for each file whose bytes did
 * not tell its encoding, the likely encodings each with a row of that file read in it, and the option
 * to run again with; then the preview's other problems, found in the likeliest reading (each given as
 * its message and its located text). The command then writes nothing and exits 1 (a data error).
 */
export function askEncodings(files: UndecidedEncoding[], problems: { message: string; text: string }[], io: CliIo): void {
  const asked = files.filter((f): f is UndecidedEncoding & { choice: EncodingChoice } => f.choice !== null);
  for (const { fileName, choice, option } of asked) {
    io.err(`${fileName}: the text encoding cannot be told (${choice.reason}), so names could be read wrongly. A row of it read in each likely encoding:`);
    for (const o of choice.options) io.err(`  ${option} "${o.encoding}": ${o.sample}`);
  }
  if (asked.length === 0) return;
  io.err(`Nothing was written. Run again with the ${asked.map((f) => f.option).join(' and ')} whose row reads right, or save the file from Excel as "CSV UTF-8".`);
  const questions = asked.map((f) => undecidedEncoding(f.choice));
  const others = problems.filter((p) => !questions.some((q) => p.message.endsWith(q)));
  if (others.length === 0) return;
  io.err(`Read in the likeliest encoding, ${countOf(others.length, 'other problem')} too:`);
  for (const p of others) io.err(`  ${p.text}`);
}
