import crypto from 'node:crypto';

/**
 * Passwords are kept only as scrypt hashes (node:crypto, memory-hard): N = 2^17, r = 8, p = 1 —
 * 128 MiB and a few hundred milliseconds per hash, the strength recommended for scrypt. The
 * parameters are stored with each hash, so a later, stronger choice still verifies older hashes.
 */
const LOG2_N = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Headroom over the 128 · N · r bytes scrypt needs (Node refuses above maxmem). */
const MAX_MEMORY = 256 * 1024 * 1024;
/** A password longer than this is refused before hashing (scrypt itself would accept any length). */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: 2 ** log2N, r, p, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await derive(password, salt, LOG2_N, BLOCK_SIZE, PARALLELISM);
  return ['scrypt', LOG2_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password is the one hashed; false for a wrong one or a hash this code did not write. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const [scheme, log2N, r, p, salt, key] = stored.split('$');
  const params = [log2N, r, p].map(Number);
  if (scheme !== 'scrypt' || !salt || !key || params.some((n) => !Number.isInteger(n) || n < 1 || n > 20)) return false;
  const expected = Buffer.from(key, 'base64url');
  try {
    const actual = await derive(password, Buffer.from(salt, 'base64url'), params[0]!, params[1]!, params[2]!);
    return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  } catch {
    // Parameters beyond the memory limit: not a hash this code wrote.
    return false;
  }
}

/**
 * Checks a password against nothing, at the cost of a real check: an unknown email takes as long
 * to refuse as a wrong password, so the time of the answer does not tell who has an account.
 */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** Alphabet without look-alikes (no 0/O, 1/l/I): 20 characters of it carry about 110 bits. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new password given by an administrator (first sign-in, reset): random, shown once, never stored. */
export function generatePassword(length = 20): string {
  let text = '';
  while (text.length < length) {
    const byte = crypto.randomBytes(1)[0]!;
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) text += ALPHABET[byte % ALPHABET.length];
  }
  return text;
}
