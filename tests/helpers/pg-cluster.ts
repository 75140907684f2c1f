import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a temporary folder,
 * listening only on a Unix socket in that folder, durability off (nothing in it outlives the run).
 * initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
 */
export interface PgCluster {
  dir: string;
  /** postgres://hubdesk@/<database>?host=<socket folder> */
  url(database: string): string;
  stop(): void;
}

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

export function postgresBin(): string | null {
  if (process.env.HUBDESK_PG_BIN) return process.env.HUBDESK_PG_BIN;
  return BIN_DIRS.find((d) => fs.existsSync(path.join(d, 'initdb'))) ?? null;
}

function runAs(command: string, args: string[], asPostgres: boolean): void {
  if (!asPostgres) {
    execFileSync(command, args, { stdio: 'pipe' });
    return;
  }
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' });
}

export function startPgCluster(): PgCluster {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL tests need its initdb and pg_ctl.');
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-pg-'));
  if (asPostgres) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'db');
  runAs(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '--locale=C.UTF-8', '-E', 'UTF8', '-U', 'hubdesk'], asPostgres);
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'], asPostgres);
  return {
    dir,
    url: (database) => `postgres://hubdesk@/${database}?host=${encodeURIComponent(dir)}`,
    stop: () => {
      try {
        runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
