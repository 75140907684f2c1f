import type { CliCommand } from '../command';

const demo: CliCommand = {
  words: ['demo'],
  usage: 'hubdesk [--data DIR] demo                 load the demo network into an empty database',
  options: { json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const result = await core.call('loadDemo', { confirm: true });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else io.out(`Loaded the demo network: ${result.hubs} hubs, ${result.schools} schools, years ${result.years.join(', ')}.`);
    return 0;
  },
};

const hubs: CliCommand = {
  words: ['hubs'],
  usage: 'hubdesk [--data DIR] hubs [--year Y] [--json]   list hubs with their school counts',
  options: { json: { type: 'boolean' }, year: { type: 'string' } },
  async run(core, { values }, io) {
    const list = await core.call('listHubs', { year: values.year as string | undefined });
    if (values.json) {
      io.out(JSON.stringify(list.map((h) => ({ id: h.id, name: h.name, schools: h.schools, pupils: h.pupils })), null, 2));
    } else if (list.length === 0) {
      io.out('No hubs yet. Load the demo network (hubdesk demo) or import a membership roll.');
    } else {
      const width = Math.max(...list.map((h) => h.name.length));
      for (const h of list) io.out(`${h.name.padEnd(width)}  ${String(h.schools).padStart(3)} schools  ${String(h.pupils).padStart(6)} pupils`);
    }
    return 0;
  },
};

const status: CliCommand = {
  words: ['status'],
  usage: 'hubdesk [--data DIR] status [--json]       where the database and its error log are, and what it holds',
  options: { json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const s = await core.call('getStatus', {});
    if (values.json) io.out(JSON.stringify(s, null, 2));
    else {
      io.out(`Database: ${s.databaseFile}`);
      io.out(`Schema: ${s.schemaVersion}`);
      io.out(`Error log: ${s.logFile}`);
      io.out(s.empty ? 'Empty: load the demo network (hubdesk demo) or import a roll.' : `Years: ${s.years.map((y) => y.label).join(', ')} (current ${s.currentYear ?? 'none'})`);
    }
    return 0;
  },
};

export const coreCommands: CliCommand[] = [demo, hubs, status];
