import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in Node itself). The stored text carries its own
 * parameters — `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url) — so they can be raised later and old
 * hashes still verify; `needsRehash` says when a stored hash is weaker than today's parameters.
 */
const current = { logN: 15, r: 8, p: 1 } as const;
const saltBytes = 16;
const hashBytes = 32;
const storedPattern = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, parameters: ScryptParameters, length: number): Promise<Buffer> {
  const N = 2 ** parameters.logN;
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly today's need, so allow twice that.
  const options: ScryptOptions = { N, r: parameters.r, p: parameters.p, maxmem: 256 * N * parameters.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt and today's parameters. Takes tens of milliseconds on purpose. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, current, hashBytes);
  return `scrypt$ln=${current.logN},r=${current.r},p=${current.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

function parseStored(stored: string): (ScryptParameters & { salt: Buffer; hash: Buffer }) | null {
  const match = storedPattern.exec(stored);
  if (!match) return null;
  const [, logN, r, p, salt, hash] = match;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (parameters.logN < 1 || parameters.logN > 22 || parameters.r < 1 || parameters.p < 1) return null;
  return { ...parameters, salt: Buffer.from(salt!, 'base64url'), hash: Buffer.from(hash!, 'base64url') };
}

/** Whether `password` matches the stored hash (constant-time compare). A malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const candidate = await derive(password, parsed.salt, parsed, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Whether the stored hash was made with weaker parameters than today's (re-hash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseStored(stored);
  return !parsed || parsed.logN < current.logN || parsed.r < current.r || parsed.p < current.p;
}

let decoy: Promise<string> | null = null;

/**
 * Does the work of one password check against a throwaway hash and returns false: what a sign-in to
 * an unknown address (or a user without a password) does, so it takes as long as a real check.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}

const passwordAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A random password people can type: four groups of five characters from 31 unambiguous letters and
 * digits (about 99 bits), e.g. `k7m2p-…`. Meets the password rules.
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group += 1) {
    let text = '';
    for (let index = 0; index < 5; index += 1) text += passwordAlphabet[randomInt(passwordAlphabet.length)];
    groups.push(text);
  }
  return groups.join('-');
}
