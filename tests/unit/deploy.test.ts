import fs from 'node:fs';
import path from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../electron/server/args';
import { createContext } from '../../electron/core/context';
import { startTeamServer } from '../../electron/server/team/server';
import { openTestStore, tempDir, type TestStore } from '../helpers/store';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const unit = fs.readFileSync(path.join(root, 'deploy/hubdesk.service'), 'utf8');
const containerfile = fs.readFileSync(path.join(root, 'deploy/Containerfile'), 'utf8');
const ENV = { HUBDESK_URL: 'https://hubdesk.example.org' };

/** A directive's values in the unit, in order (a directive may be given more than once). */
function directive(name: string): string[] {
  return unit
    .split('\n')
    .filter((line) => line.startsWith(`${name}=`))
    .map((line) => line.slice(name.length + 1));
}

/** The last stage of the Containerfile: the image that runs. */
const runStage = containerfile.slice(containerfile.lastIndexOf('\nFROM '));
function instruction(name: string): string {
  // An instruction may go on over lines ending in a backslash.
  const match = new RegExp(`^${name} ((?:.*\\\\\\n)*.*)$`, 'm').exec(runStage);
  if (!match) throw new Error(`the Containerfile's last stage has no ${name}`);
  return match[1]!.replace(/\\\n\s*/g, ' ');
}

/** The built server entry a path inside the installed app names: one the node build makes. */
function expectServerEntry(relative: string): void {
  expect(relative).toBe('out/server/index.js');
  expect(fs.readFileSync(path.join(root, 'vite.node.config.mts'), 'utf8')).toContain(`'server/index': resolve(import.meta.dirname, 'electron/server/index.ts')`);
}

let store: TestStore | undefined;
afterAll(async () => {
  await store?.close();
});

describe('the systemd unit (deploy/hubdesk.service)', () => {
  it('starts the built team server with arguments the server accepts, behind the proxy, on its data folder', () => {
    const [node, entry, ...args] = directive('ExecStart')[0]!.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    const workingDirectory = directive('WorkingDirectory')[0]!;
    expectServerEntry(path.relative(workingDirectory, entry!));
    const parsed = parseServerArgs(args, ENV);
    expect(parsed).toMatchObject({ team: { kind: 'behind-proxy' }, data: '/var/lib/hubdesk', port: 8080, url: ENV.HUBDESK_URL });
    // The public address comes from the environment file; without it the server refuses to start.
    expect(() => parseServerArgs(args, {})).toThrow(/--behind-proxy needs --url \(or HUBDESK_URL\)/);
    expect(directive('EnvironmentFile')).toEqual(['/etc/hubdesk/hubdesk.env']);
  });

  it('runs as its own user, may write only its data folder, and is hardened', () => {
    const [, , ...args] = directive('ExecStart')[0]!.split(/\s+/);
    const data = parseServerArgs(args, ENV).data!;
    expect(directive('User')).toEqual(['hubdesk']);
    expect(directive('StateDirectory').map((d) => `/var/lib/${d}`)).toEqual([data]);
    expect(directive('ReadWritePaths')).toEqual([data]);
    expect(directive('StateDirectoryMode')).toEqual(['0700']);
    for (const [name, value] of [['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['PrivateTmp', 'yes'], ['ProtectHome', 'yes'], ['CapabilityBoundingSet', '']] as const) {
      expect(directive(name), name).toEqual([value]);
    }
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.status !== 0)('passes systemd-analyze verify with no warning', () => {
    const r = spawnSync('systemd-analyze', ['verify', path.join(root, 'deploy/hubdesk.service')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe('');
  });
});

describe('the container recipe (deploy/Containerfile)', () => {
  it('runs the built team server with arguments the server accepts, on the volume, the port it exposes, as a user who is not root', () => {
    expect(containerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(runStage).toMatch(/^FROM node:20-bookworm-slim$/m);
    const [node, entry, ...args] = JSON.parse(instruction('CMD')) as string[];
    expect(node).toBe('node');
    expectServerEntry(entry!);
    const parsed = parseServerArgs(args, ENV);
    expect(parsed).toMatchObject({ team: { kind: 'behind-proxy' }, host: '0.0.0.0', port: 8080 });
    expect(JSON.parse(instruction('VOLUME'))).toEqual([parsed.data]);
    expect(instruction('EXPOSE')).toBe(String(parsed.port));
    expect(instruction('USER')).toBe('hubdesk');
    expect(instruction('HEALTHCHECK')).toContain(`http://127.0.0.1:${parsed.port}/healthz`);
  });

  it('its health check passes against a running team server, and fails when none answers', { timeout: 60_000 }, async () => {
    store = await openTestStore();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startTeamServer(createContext(store.store), { rendererDir, transport: { kind: 'behind-proxy' }, publicUrl: ENV.HUBDESK_URL });
    const check = JSON.parse(instruction('HEALTHCHECK').replace(/^.*?CMD /, '')) as string[];
    const [command, ...rest] = check.map((part) => part.replace(':8080/', `:${server.port}/`));
    try {
      expect(command).toBe('node');
      // Run beside the server (not synchronously, which would stop it answering).
      await expect(run(process.execPath, rest, { timeout: 20_000 })).resolves.toBeDefined();
    } finally {
      await server.close();
    }
    await expect(run(process.execPath, rest, { timeout: 20_000 })).rejects.toMatchObject({ code: 1 });
  });
});
