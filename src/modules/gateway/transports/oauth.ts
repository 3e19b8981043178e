import type { Clock } from '../../../platform/clock.ts';
import { httpCall, retryableStatus, TransportError } from './http.ts';

/**
 * OAuth 2.0 client-credentials tokens for one endpoint: cached until shortly before `expires_in`,
 * fetched once for concurrent callers, and dropped on a 401 so the next call refreshes
 * (token expiry mid-stream).
 */
export class OAuthTokens {
  private readonly tokenUrl: string;
  private readonly clientId: string;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private token: { value: string; refreshAt: number } | undefined;
  private inflight: Promise<string> | undefined;
  /** Tokens fetched so far (for metrics and tests). */
  fetched = 0;

  constructor(opts: { tokenUrl: string; clientId: string; secret: string; timeoutMs: number; clock: Clock }) {
    this.tokenUrl = opts.tokenUrl;
    this.clientId = opts.clientId;
    this.secret = opts.secret;
    this.timeoutMs = opts.timeoutMs;
    this.clock = opts.clock;
  }

  async get(): Promise<string> {
    if (this.token && this.token.refreshAt > this.clock.now().getTime()) return this.token.value;
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Forget `value` (the authority refused it); the next get() fetches a new one. */
  invalidate(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(
      `${encodeURIComponent(this.clientId)}:${encodeURIComponent(this.secret)}`,
    ).toString('base64');
    const r = await httpCall(
      this.tokenUrl,
      {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      },
      this.timeoutMs,
    );
    if (r.status !== 200)
      throw new TransportError(`token endpoint answered ${r.status}`, retryableStatus(r.status), r.status);
    const body = JSON.parse(r.text) as { access_token?: string; expires_in?: number };
    if (!body.access_token)
      throw new TransportError('token endpoint answered without access_token', true, 200);
    const ttlMs = Math.max(1, body.expires_in ?? 300) * 1000;
    // refresh a little early: 10% of the lifetime, at most 60 s
    const margin = Math.min(60_000, ttlMs * 0.1);
    this.token = { value: body.access_token, refreshAt: this.clock.now().getTime() + ttlMs - margin };
    this.fetched += 1;
    return body.access_token;
  }
}
