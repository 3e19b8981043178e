import crypto from 'node:crypto';

/**
 * Signatures for pushed notifications (CDS-style push webhook): header
 * `X-Customs-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp bounds the
 * replay window; within it, a signature already seen is refused (replay), and the message id dedupe in
 * gateway_messages makes a replay harmless even across processes.
 */
export const SIGNATURE_HEADER = 'x-customs-signature';
export const DEFAULT_TOLERANCE_S = 300;

export function signPayload(secret: string, body: string, nowSeconds: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${nowSeconds}.${body}`).digest('hex');
  return `t=${nowSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export class SignatureVerifier {
  private readonly seen = new Map<string, number>();
  private readonly toleranceS: number;

  constructor(toleranceS = DEFAULT_TOLERANCE_S) {
    this.toleranceS = toleranceS;
  }

  verify(secret: string, body: string, header: string | undefined, nowSeconds: number): SignatureCheck {
    if (!header) return { ok: false, reason: 'missing signature' };
    const parts = Object.fromEntries(
      header.split(',').map((p) => {
        const i = p.indexOf('=');
        return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
      }),
    );
    const t = Number(parts.t);
    const v1 = parts.v1;
    if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1))
      return { ok: false, reason: 'malformed signature' };
    if (Math.abs(nowSeconds - t) > this.toleranceS)
      return { ok: false, reason: 'signature timestamp outside tolerance' };
    const expected = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest();
    if (!crypto.timingSafeEqual(expected, Buffer.from(v1, 'hex')))
      return { ok: false, reason: 'bad signature' };
    for (const [sig, at] of this.seen) if (nowSeconds - at > this.toleranceS) this.seen.delete(sig);
    if (this.seen.has(v1)) return { ok: false, reason: 'replayed signature' };
    this.seen.set(v1, t);
    return { ok: true };
  }
}
