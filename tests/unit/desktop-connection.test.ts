import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { App, IpcMain } from 'electron';
import { teamServerAddress, type ConnectionChoice } from '../../shared/desktop';
import { CONNECTION_FILE, readConnection, writeConnection } from '../../electron/main/connection/saved';
import { planStart } from '../../electron/main/connection/plan';
import { connectionChooser } from '../../electron/main/connection/choose';
import { CHOOSE_CONNECTION_CHANNEL, CONNECTION_CHANNEL, registerConnectionIpc } from '../../electron/main/connection/ipc';
import { connectionProblem } from '../../electron/main/connection/probe';
import { refuseUntrustedCertificates } from '../../electron/main/connection/certificates';
import { tempDir } from '../helpers/temp';

describe('a team server address as a person types it', () => {
  it('takes an HTTPS address, or a bare name read as HTTPS, down to its origin', () => {
    expect(teamServerAddress('  hubdesk.example.org ')).toEqual({ ok: true, origin: 'https://hubdesk.example.org' });
    expect(teamServerAddress('https://hubdesk.example.org/')).toEqual({ ok: true, origin: 'https://hubdesk.example.org' });
    expect(teamServerAddress('HTTPS://Hubdesk.Example.org:8443')).toEqual({ ok: true, origin: 'https://hubdesk.example.org:8443' });
    expect(teamServerAddress('https://[::1]:8443')).toEqual({ ok: true, origin: 'https://[::1]:8443' });
  });

  it('refuses plain HTTP, credentials in the address, a path or query, and what is not an address, saying why', () => {
    const refused = (typed: string) => {
      const r = teamServerAddress(typed);
      return r.ok ? null : r.message;
    };
    expect(refused('http://hubdesk.example.org')).toMatch(/only over HTTPS .* is http\.$/);
    expect(refused('ftp://hubdesk.example.org')).toMatch(/only over HTTPS/);
    expect(refused('https://ada:secret@hubdesk.example.org')).toMatch(/must not contain a name or password/);
    expect(refused('https://hubdesk.example.org/api?x=1')).toMatch(/at its address alone \(https:\/\/hubdesk\.example\.org\)/);
    expect(refused('')).toMatch(/Type the address/);
    expect(refused('https://')).toMatch(/is not a web address/);
    expect(refused('hub desk')).toMatch(/is not a web address/);
  });

  it('any HTTPS origin comes back as itself, and any other scheme is refused', () => {
    fc.assert(
      fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), (host, port) => {
        const origin = new URL(`https://${host}${port ? `:${port}` : ''}`).origin;
        expect(teamServerAddress(origin)).toEqual({ ok: true, origin });
        expect(teamServerAddress(`${origin}/`)).toEqual({ ok: true, origin });
        expect(teamServerAddress(origin.replace('https:', 'http:')).ok).toBe(false);
      }),
    );
  });
});

describe('the saved choice', () => {
  it('round-trips, readable by its owner only, and none before the first choice', () => {
    const dir = tempDir('hubdesk-profile-');
    expect(readConnection(dir)).toEqual({ choice: null, problem: null });
    const choice: ConnectionChoice = { kind: 'team', server: 'https://hubdesk.example.org' };
    writeConnection(dir, choice);
    expect(readConnection(dir)).toEqual({ choice, problem: null });
    expect(fs.statSync(path.join(dir, CONNECTION_FILE)).mode & 0o777).toBe(0o600);
    writeConnection(dir, { kind: 'local' });
    expect(readConnection(dir)).toEqual({ choice: { kind: 'local' }, problem: null });
    expect(fs.readdirSync(dir)).toEqual([CONNECTION_FILE]);
  });

  it('a file hubdesk did not write, or an address it would not take, is no choice, with why', () => {
    const dir = tempDir('hubdesk-profile-');
    const file = path.join(dir, CONNECTION_FILE);
    for (const text of ['{not json', '{"kind":"team"}', '{"kind":"local","extra":1}', '[]']) {
      fs.writeFileSync(file, text);
      const saved = readConnection(dir);
      expect(saved.choice).toBeNull();
      expect(saved.problem).toContain('is not one hubdesk wrote');
    }
    fs.writeFileSync(file, JSON.stringify({ kind: 'team', server: 'http://hubdesk.example.org' }));
    expect(readConnection(dir)).toEqual({ choice: null, problem: expect.stringContaining('only over HTTPS') });
  });
});

describe('what the desktop app opens on', () => {
  const none = { choice: null, problem: null };
  it('the command line first, then the saved choice, then data already here, else the question', () => {
    const team = { choice: { kind: 'team' as const, server: 'https://hub.example.org' }, problem: null };
    expect(planStart({ serverArg: 'hub2.example.org', localNamed: true, localDataExists: true, saved: team })).toEqual({ mode: 'team', origin: 'https://hub2.example.org' });
    expect(planStart({ serverArg: 'http://hub2.example.org', localNamed: false, localDataExists: false, saved: none })).toMatchObject({ mode: 'setup', problem: expect.stringContaining('--server http://hub2.example.org: ') });
    expect(planStart({ localNamed: true, localDataExists: false, saved: team })).toEqual({ mode: 'local' });
    expect(planStart({ localNamed: false, localDataExists: true, saved: team })).toEqual({ mode: 'team', origin: 'https://hub.example.org' });
    expect(planStart({ localNamed: false, localDataExists: false, saved: { choice: { kind: 'local' }, problem: null } })).toEqual({ mode: 'local' });
    // Someone who used the app before there was a choice keeps their data without being asked.
    expect(planStart({ localNamed: false, localDataExists: true, saved: none })).toEqual({ mode: 'local' });
    expect(planStart({ localNamed: false, localDataExists: false, saved: none })).toEqual({ mode: 'setup', problem: null, choice: null });
    const unreadable = { choice: null, problem: 'The saved choice … is not one hubdesk wrote. Choose again.' };
    expect(planStart({ localNamed: false, localDataExists: true, saved: unreadable })).toEqual({ mode: 'setup', problem: unreadable.problem, choice: null });
  });
});

describe('changing where the data is', () => {
  function chooser(probeAnswer: { ok: true } | { ok: false; message: string }) {
    const dir = tempDir('hubdesk-profile-');
    const probed: string[] = [];
    let restarts = 0;
    const choose = connectionChooser({
      profileDir: dir,
      probe: async (origin) => (probed.push(origin), probeAnswer),
      restart: () => (restarts += 1),
    });
    return { dir, probed, choose, restarts: () => restarts };
  }

  it('saves a team server that answers, by its origin, then restarts', async () => {
    const c = chooser({ ok: true });
    expect(await c.choose({ kind: 'team', server: 'hubdesk.example.org' })).toEqual({ ok: true });
    expect(c.probed).toEqual(['https://hubdesk.example.org']);
    expect(readConnection(c.dir).choice).toEqual({ kind: 'team', server: 'https://hubdesk.example.org' });
    expect(c.restarts()).toBe(1);
  });

  it('a server that fails the check, a bad address or a malformed request changes nothing', async () => {
    const c = chooser({ ok: false, message: 'https://hubdesk.example.org: the server’s certificate is not trusted by this computer.' });
    writeConnection(c.dir, { kind: 'local' });
    const before = fs.readFileSync(path.join(c.dir, CONNECTION_FILE), 'utf8');
    expect(await c.choose({ kind: 'team', server: 'https://hubdesk.example.org' })).toEqual({ ok: false, message: expect.stringContaining('certificate is not trusted') });
    expect(await c.choose({ kind: 'team', server: 'http://hubdesk.example.org' })).toEqual({ ok: false, message: expect.stringContaining('only over HTTPS') });
    for (const bad of [null, 'local', { kind: 'cloud' }, { kind: 'team' }, { kind: 'team', server: 'x'.repeat(3000) }, { kind: 'local', dataDir: '/etc' }]) {
      expect(await c.choose(bad)).toEqual({ ok: false, message: expect.stringContaining('was not understood') });
    }
    expect(c.probed).toEqual(['https://hubdesk.example.org']);
    expect(fs.readFileSync(path.join(c.dir, CONNECTION_FILE), 'utf8')).toBe(before);
    expect(c.restarts()).toBe(0);
  });

  it('only the window’s own top-level page may ask or change it', async () => {
    const handlers: Record<string, (event: unknown, payload?: unknown) => unknown> = {};
    const ipc = { handle: (channel: string, fn: (event: unknown, payload?: unknown) => unknown) => (handlers[channel] = fn) } as unknown as IpcMain;
    const chosen: unknown[] = [];
    registerConnectionIpc(ipc, {
      allowedPrefixes: () => ['https://hubdesk.example.org/'],
      view: () => ({ choice: { kind: 'team', server: 'https://hubdesk.example.org' }, problem: null }),
      choose: async (payload) => (chosen.push(payload), { ok: true }),
    });
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    expect(await handlers[CONNECTION_CHANNEL]!(from('https://hubdesk.example.org/#/settings'))).toMatchObject({ choice: { kind: 'team' } });
    expect(await handlers[CONNECTION_CHANNEL]!(from('https://hubdesk.example.org.evil.example/'))).toBeNull();
    expect(await handlers[CHOOSE_CONNECTION_CHANNEL]!(from('https://evil.example/'), { kind: 'local' })).toEqual({ ok: false, message: 'This request did not come from the hubdesk window.' });
    expect(await handlers[CHOOSE_CONNECTION_CHANNEL]!(from('https://hubdesk.example.org/', {}), { kind: 'local' })).toMatchObject({ ok: false });
    expect(chosen).toEqual([]);
    expect(await handlers[CHOOSE_CONNECTION_CHANNEL]!(from('https://hubdesk.example.org/'), { kind: 'local' })).toEqual({ ok: true });
    expect(chosen).toEqual([{ kind: 'local' }]);
  });
});

describe('certificates', () => {
  it('every certificate error is refused and recorded, never let through', () => {
    let handler: ((...args: unknown[]) => void) | undefined;
    const refused: string[] = [];
    refuseUntrustedCertificates({ on: (name: string, fn: (...args: unknown[]) => void) => (name === 'certificate-error' ? (handler = fn) : undefined) } as unknown as App, (url, error) => refused.push(`${url} ${error}`));
    const answers: boolean[] = [];
    let prevented = false;
    handler!({ preventDefault: () => (prevented = true) }, {}, 'https://hubdesk.example.org/', 'net::ERR_CERT_AUTHORITY_INVALID', {}, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(prevented).toBe(false);
    expect(refused).toEqual(['https://hubdesk.example.org/ net::ERR_CERT_AUTHORITY_INVALID']);
  });

  it('Chromium’s failures in plain words, naming the server', () => {
    const origin = 'https://hubdesk.example.org';
    expect(connectionProblem(origin, new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatch(/^https:\/\/hubdesk\.example\.org: the server’s certificate is not trusted by this computer \(ERR_CERT_AUTHORITY_INVALID\)\./);
    expect(connectionProblem(origin, new Error('net::ERR_CERT_DATE_INVALID'))).toContain('(ERR_CERT_DATE_INVALID)');
    expect(connectionProblem(origin, new Error('net::ERR_NAME_NOT_RESOLVED'))).toBe('No server is known by the name hubdesk.example.org. Check the address your administrator gave you.');
    expect(connectionProblem(origin, new Error('net::ERR_CONNECTION_REFUSED'))).toContain('is not accepting connections');
    expect(connectionProblem(origin, Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }))).toContain('(DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(connectionProblem(origin, new Error('net::ERR_ADDRESS_UNREACHABLE'))).toBe('hubdesk could not reach https://hubdesk.example.org (ERR_ADDRESS_UNREACHABLE). Check the address and your network connection.');
  });
});
