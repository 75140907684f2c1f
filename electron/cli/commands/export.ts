import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { CliCallError } from '../call';
import { HubdeskError } from '../../core/errors';
import type { ExportFile, ExportJobStatus } from '@shared/contract/exports';

function requiredYear(values: Record<string, string | boolean | undefined>, example: string): string {
  const year = values.year;
  if (typeof year !== 'string' || year.trim() === '') throw new UsageError(`${example} needs --year, e.g. --year 2026/27`);
  return year;
}

/** The --out file: its extension must be one of `allowed`, and its folder must exist. */
function outFile(values: Record<string, string | boolean | undefined>, allowed: string[]): string {
  const out = values.out;
  if (typeof out !== 'string' || out.trim() === '') throw new UsageError(`give the file to write with --out FILE${allowed[0]}`);
  const ext = path.extname(out).toLowerCase();
  if (!allowed.includes(ext)) throw new UsageError(`--out must end in ${allowed.join(' or ')} (got "${path.basename(out)}")`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new HubdeskError('validation', `Cannot write ${out}: the folder ${dir} does not exist.`);
  return path.resolve(out);
}

/** Writes the file whole or not at all: a temporary file beside it, then a rename. */
function writeOut(file: string, exported: ExportFile, io: CliIo, what: string): void {
  const temp = `${file}.${process.pid}.part`;
  try {
    fs.writeFileSync(temp, Buffer.from(exported.contentBase64, 'base64'));
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new HubdeskError('validation', `Cannot write ${file}: ${(error as Error).message}`);
  }
  io.out(`Wrote ${file}: ${what}, ${(exported.bytes / 1024).toFixed(0)} KB.`);
}

const exportHub: CliCommand = {
  words: ['export', 'hub'],
  usage: 'hubdesk [--data DIR] export hub NAME --year Y --out FILE.xlsx [--contacts]   one hub’s dashboard as an Excel workbook (no chart image; personal contact details only with --contacts)',
  options: { year: { type: 'string' }, out: { type: 'string' }, contacts: { type: 'boolean' }, 'no-contacts': { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['NAME'] },
  async run(core, { values, positionals }, io) {
    const hubName = positionals[0]!;
    if (hubName.trim() === '') throw new UsageError('export hub needs the hub’s NAME, e.g. export hub "Aspire Hub"');
    const year = requiredYear(values, 'export hub');
    const file = outFile(values, ['.xlsx']);
    const includeContacts = contactsWanted(values);
    const exported = await core.call('exportHubWorkbook', { hubName, year, includeContacts });
    writeOut(file, exported, io, `${exported.contents.length} sheets, ${includeContacts ? 'with' : 'without'} personal contact details`);
    return 0;
  },
};

/** Personal contact details go in only with --contacts (--no-contacts, the default, is still accepted). */
function contactsWanted(values: Record<string, string | boolean | undefined>): boolean {
  if (values.contacts === true && values['no-contacts'] === true) throw new UsageError('give --contacts or --no-contacts, not both');
  return values.contacts === true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exportNetwork: CliCommand = {
  words: ['export', 'network'],
  usage:
    'hubdesk [--data DIR] export network --year Y --out FILE.xlsx|FILE.zip [--contacts]   the network sheet and every hub’s sheets in one workbook (.xlsx), or one workbook per hub (.zip)',
  options: { year: { type: 'string' }, out: { type: 'string' }, contacts: { type: 'boolean' }, 'no-contacts': { type: 'boolean' } },
  async run(core, { values }, io) {
    const year = requiredYear(values, 'export network');
    const file = outFile(values, ['.xlsx', '.zip']);
    const layout = path.extname(file).toLowerCase() === '.zip' ? 'zip' : 'workbook';
    let status: ExportJobStatus = await core.call('startNetworkExport', { year, layout, includeContacts: contactsWanted(values) });
    while (status.state === 'running') {
      await sleep(100);
      status = await core.call('networkExportStatus', { jobId: status.jobId });
    }
    if (status.state === 'failed' || !status.file) throw new CliCallError(`The network export failed: ${status.error ?? 'no file was written'}.`, 'internal');
    const n = status.file.contents.length;
    writeOut(file, status.file, io, layout === 'zip' ? `${n} workbooks` : `${n} sheets`);
    return 0;
  },
};

export const exportCommands: CliCommand[] = [exportHub, exportNetwork];
