import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressKey, clientAddress } from '../../electron/server/team/client-address';

const req = (remoteAddress: string | undefined, forwarded?: string | string[]) => ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as http.IncomingMessage;

describe('the address a sign-in comes from', () => {
  it('is the connection’s peer, unless behind the proxy', () => {
    expect(clientAddress(req('203.0.113.7', '198.51.100.1'), false)).toBe('203.0.113.7');
  });

  it('behind the proxy is the right-most X-Forwarded-For hop (the one our proxy appended), whatever the client wrote to its left', () => {
    expect(clientAddress(req('127.0.0.1', '10.0.0.1, 198.51.100.9'), true)).toBe('198.51.100.9');
    expect(clientAddress(req('127.0.0.1', ['1.1.1.1', '2.2.2.2, 203.0.113.4']), true)).toBe('203.0.113.4');
    expect(clientAddress(req('127.0.0.1'), true)).toBeNull();
    expect(clientAddress(req('127.0.0.1', 'not-an-address'), true)).toBeNull();
  });

  it('counts an IPv6 address as its /64, and an IPv4-mapped one as the IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8::5]')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('gives every address of one /64 the same key, and different /64s different keys', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(group, { minLength: 4, maxLength: 4 }), fc.array(group, { minLength: 4, maxLength: 4 }), fc.array(group, { minLength: 4, maxLength: 4 }), (prefix, a, b) => {
        expect(addressKey([...prefix, ...a].join(':'))).toBe(addressKey([...prefix, ...b].join(':')));
        const other = [...prefix];
        other[3] = ((parseInt(prefix[3]!, 16) + 1) % 0x10000).toString(16);
        expect(addressKey([...other, ...a].join(':'))).not.toBe(addressKey([...prefix, ...a].join(':')));
      }),
    );
  });
});
