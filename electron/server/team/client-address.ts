import type http from 'node:http';
import net from 'node:net';

/**
 * The address a sign-in comes from, for counting wrong passwords per address. Directly, the
 * connection's peer. Behind the TLS proxy (the one trusted hop), the right-most address in
 * X-Forwarded-For: the one our proxy appended (nginx: `$proxy_add_x_forwarded_for`); anything to its
 * left was written by the client and could be anything. An IPv6 address counts as its /64 network
 * (one subscriber usually holds a whole /64), an IPv4-mapped IPv6 address as the IPv4 address.
 * Null when there is no usable address (a proxy that sent none).
 */
export function clientAddress(req: http.IncomingMessage, behindProxy: boolean): string | null {
  const raw = behindProxy ? rightMostForwarded(req.headers['x-forwarded-for']) : (req.socket.remoteAddress ?? null);
  return raw === null ? null : addressKey(raw);
}

function rightMostForwarded(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',').map((h) => h.trim()).filter((h) => h !== '');
  return hops.at(-1) ?? null;
}

/** The key an address is counted under: IPv4 as it is, IPv6 as its /64; null when it is not an address. */
export function addressKey(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return net.isIPv4(mapped[1]!) ? mapped[1]! : null;
  if (net.isIPv4(bare)) return bare;
  if (!net.isIPv6(bare)) return null;
  return `${expandIpv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (no embedded IPv4: those are handled above or rare). */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? g.toLowerCase().replace(/^0+(?=.)/, '') : '0'));
}
