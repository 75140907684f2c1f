import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testClockEnv } from '../helpers/clock';
import { selfSignedCertificate } from '../helpers/team-server';

export interface TeamPerson {
  name: string;
  email: string;
  roles: string;
  password: string;
}

export interface RunningTeamServer {
  url: string;
  dataDir: string;
  people: Record<string, TeamPerson>;
  stop(): Promise<void>;
}

const cli = (dataDir: string, args: string[]) => {
  const r = spawnSync(process.execPath, [path.resolve('out/cli/index.js'), '--data', dataDir, ...args], { encoding: 'utf8', env: testClockEnv() });
  if (r.status !== 0) throw new Error(`hubdesk ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};

/**
 * The built team server (`serve --team` over HTTPS with a throwaway certificate) on a fresh data
 * folder holding the demo network and the given people, each added with the built CLI as an
 * administrator would (their one-time password read from what it prints).
 */
export async function startTeamServer(people: Record<string, Omit<TeamPerson, 'password'>>): Promise<RunningTeamServer> {
  const entry = path.resolve('out/server/index.js');
  if (!fs.existsSync(entry)) throw new Error('out/server/index.js is missing: run `npm run build` first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-team-e2e-'));
  cli(dataDir, ['demo']);
  const added: Record<string, TeamPerson> = {};
  for (const [key, p] of Object.entries(people)) {
    const out = cli(dataDir, ['people', 'add', '--name', p.name, '--email', p.email, '--roles', p.roles]);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(out)?.[1];
    if (!password) throw new Error(`people add printed no password: ${out}`);
    added[key] = { ...p, password };
  }
  const { cert, key } = selfSignedCertificate();
  fs.writeFileSync(path.join(dataDir, 'cert.pem'), cert);
  fs.writeFileSync(path.join(dataDir, 'key.pem'), key, { mode: 0o600 });
  const child: ChildProcess = spawn(process.execPath, [entry, '--team', '--data', dataDir, '--cert', path.join(dataDir, 'cert.pem'), '--key', path.join(dataDir, 'key.pem')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: testClockEnv(),
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`team server did not start: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Open: (https:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => reject(new Error(`team server exited with ${code}: ${err}`)));
  });
  return {
    url,
    dataDir,
    people: added,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
