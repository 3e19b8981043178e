import crypto from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Password hashing: Argon2id from node:crypto (Node >= 24.7), OWASP parameters (19 MiB, 2 passes),
 * stored as a PHC string. Falls back to scrypt on older runtimes; verify() reads the algorithm from the
 * stored string, so both keep working.
 */
const ARGON = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };
type Argon2Fn = (
  alg: string,
  params: {
    message: string;
    nonce: Buffer;
    memory: number;
    passes: number;
    parallelism: number;
    tagLength: number;
  },
  cb: (err: Error | null, out: Buffer) => void,
) => void;
const argon2 = (crypto as unknown as { argon2?: Argon2Fn }).argon2;
const argon2Async = argon2 ? promisify(argon2) : undefined;
const scryptAsync = promisify(crypto.scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  if (argon2Async) {
    const out = await argon2Async('argon2id', { message: password, nonce: salt, ...ARGON });
    return `$argon2id$v=19$m=${ARGON.memory},t=${ARGON.passes},p=${ARGON.parallelism}$${salt.toString('base64url')}$${out.toString('base64url')}`;
  }
  const out = await scryptAsync(password, salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `$scrypt$n=32768,r=8,p=1$${salt.toString('base64url')}$${out.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  let expected: Buffer;
  let actual: Buffer;
  if (parts[1] === 'argon2id' && argon2Async) {
    const params = Object.fromEntries(
      (parts[3] ?? '').split(',').map((kv) => kv.split('=') as [string, string]),
    );
    const salt = Buffer.from(parts[4] ?? '', 'base64url');
    expected = Buffer.from(parts[5] ?? '', 'base64url');
    actual = await argon2Async('argon2id', {
      message: password,
      nonce: salt,
      memory: Number(params.m),
      passes: Number(params.t),
      parallelism: Number(params.p),
      tagLength: expected.length,
    });
  } else if (parts[1] === 'scrypt') {
    const params = Object.fromEntries(
      (parts[2] ?? '').split(',').map((kv) => kv.split('=') as [string, string]),
    );
    const salt = Buffer.from(parts[3] ?? '', 'base64url');
    expected = Buffer.from(parts[4] ?? '', 'base64url');
    actual = await scryptAsync(password, salt, expected.length, {
      N: Number(params.n),
      r: Number(params.r),
      p: Number(params.p),
      maxmem: 64 * 1024 * 1024,
    });
  } else {
    return false;
  }
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/** SHA-256 for high-entropy secrets (session tokens, API key secrets): a slow hash adds nothing there. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
