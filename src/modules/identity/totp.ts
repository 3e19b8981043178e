import crypto from 'node:crypto';

/**
 * TOTP second factor (RFC 6238 over RFC 4226 HOTP), with node:crypto only. Defaults are what
 * authenticator apps expect: SHA-1, 6 digits, 30-second steps.
 */
export interface TotpOptions {
  digits?: number;
  period?: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (the form otpauth:// URIs carry). */
export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.toUpperCase().replace(/=+$/, '').replace(/\s+/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(secret: Buffer, counter: number, opts: TotpOptions = {}): string {
  const digits = opts.digits ?? 6;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto
    .createHmac(opts.algorithm ?? 'sha1', secret)
    .update(msg)
    .digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export function totpStep(unixSeconds: number, opts: TotpOptions = {}): number {
  return Math.floor(unixSeconds / (opts.period ?? 30));
}

export function totp(secret: Buffer, unixSeconds: number, opts: TotpOptions = {}): string {
  return hotp(secret, totpStep(unixSeconds, opts), opts);
}

/**
 * Checks a code against the current step and `window` steps either side (clock drift). Returns the
 * matching step, so the caller can refuse a step at or before the last one accepted (no replay).
 */
export function verifyTotp(
  secret: Buffer,
  code: string,
  unixSeconds: number,
  opts: TotpOptions & { window?: number } = {},
): number | null {
  if (!/^\d{6,8}$/.test(code)) return null;
  const step = totpStep(unixSeconds, opts);
  const w = opts.window ?? 1;
  for (let s = step - w; s <= step + w; s++) {
    const expected = Buffer.from(hotp(secret, s, opts));
    const actual = Buffer.from(code);
    if (expected.length === actual.length && crypto.timingSafeEqual(expected, actual)) return s;
  }
  return null;
}

export function otpauthUri(secret: Buffer, account: string, issuer = 'Crossgate'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
