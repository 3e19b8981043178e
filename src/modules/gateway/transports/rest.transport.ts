import type { Clock } from '../../../platform/clock.ts';
import type { AuthorityMessage, Disposition, Regime } from '../gateway.types.ts';
import { httpCall, retryableStatus, TransportError, type HttpAnswer } from './http.ts';
import { OAuthTokens } from './oauth.ts';
import {
  endpointLabel,
  type CustomsTransport,
  type EndpointConfig,
  type PullResult,
  type SendOutcome,
  type TransportItem,
} from './transport.ts';
import {
  CDS_CODES,
  decodeErrorResponse,
  decodeNotifications,
  decodeRegistration,
  dispositionOfCode,
  ICS2_CODES,
} from './xml-messages.ts';

interface RestShape {
  regime: Regime;
  submitPath: string;
  notificationsPath: string;
  codes: Record<Disposition, string>;
}

/**
 * The REST regimes: OAuth 2.0 client credentials (token cached, refreshed on 401), XML submission with
 * an `Idempotency-Key`, then notifications pulled (or pushed to the webhook). CDS answers 202 with a
 * conversation id; ICS2 answers the registration (MRN) at once. A schema rejection comes back as a
 * synchronous 400 with the authority's errors and is an acknowledgement, not a transport failure.
 */
export class RestTransport implements CustomsTransport {
  readonly regime: Regime;
  readonly endpoint: string;
  readonly maxBatch = 1;
  readonly tokens: OAuthTokens;
  private readonly cfg: EndpointConfig;
  private readonly shape: RestShape;

  constructor(cfg: EndpointConfig, shape: RestShape, clock: Clock) {
    this.cfg = cfg;
    this.shape = shape;
    this.regime = shape.regime;
    this.endpoint = endpointLabel(cfg);
    this.tokens = new OAuthTokens({
      tokenUrl: `${cfg.baseUrl}/oauth/token`,
      clientId: cfg.clientId,
      secret: cfg.secret,
      timeoutMs: cfg.timeoutMs,
      clock,
    });
  }

  /** One call with the bearer token; on 401 the token is dropped and the call made once more. */
  private async authorised(url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
    for (let i = 0; ; i++) {
      const token = await this.tokens.get();
      const r = await httpCall(
        url,
        { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } },
        timeoutMs,
      );
      if (r.status !== 401) return r;
      this.tokens.invalidate(token);
      if (i >= 1) throw new TransportError('authority refused a fresh token (401)', true, 401);
    }
  }

  async send(items: TransportItem[]): Promise<SendOutcome[]> {
    return Promise.all(items.map((i) => this.sendOne(i)));
  }

  private async sendOne(item: TransportItem): Promise<SendOutcome> {
    let r: HttpAnswer;
    try {
      r = await this.authorised(
        `${this.cfg.baseUrl}${this.shape.submitPath}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/xml',
            'idempotency-key': item.idempotencyKey,
            'x-submission-kind': item.kind,
          },
          body: item.payload,
        },
        this.cfg.timeoutMs,
      );
    } catch (e) {
      const err = e as TransportError;
      return { outcome: err.retryable ? 'retryable' : 'fatal', httpStatus: err.status, error: err.message };
    }
    const conversationId = r.headers.get('x-conversation-id') ?? undefined;
    if (r.status === 202) return { outcome: 'ok', httpStatus: 202, conversationId, messages: [] };
    if (r.status === 200) {
      const reg = decodeRegistration(r.text);
      if (!reg) return { outcome: 'retryable', httpStatus: 200, error: 'unreadable registration answer' };
      return {
        outcome: 'ok',
        httpStatus: 200,
        conversationId,
        authorityRef: reg.mrn,
        messages: [
          {
            messageId: `${this.regime}:${reg.messageId}`,
            idempotencyKey: item.idempotencyKey,
            disposition: 'received',
            seq: reg.seq,
            authorityRef: reg.mrn,
            reasons: [],
            issuedAt: reg.issuedAt,
          },
        ],
      };
    }
    if (r.status === 400) {
      const reasons = decodeErrorResponse(r.text);
      if (reasons) {
        return {
          outcome: 'ok',
          httpStatus: 400,
          messages: [
            {
              messageId: `${this.regime}:sync-reject:${item.idempotencyKey}`,
              idempotencyKey: item.idempotencyKey,
              disposition: 'rejected',
              seq: 1,
              reasons,
              issuedAt: '',
            },
          ],
        };
      }
    }
    return {
      outcome: retryableStatus(r.status) ? 'retryable' : 'fatal',
      httpStatus: r.status,
      error: `${this.shape.submitPath} answered ${r.status}: ${r.text.slice(0, 200)}`,
    };
  }

  async pull(position: number, waitMs: number): Promise<PullResult> {
    const r = await this.authorised(
      `${this.cfg.baseUrl}${this.shape.notificationsPath}?after=${position}&wait=${waitMs}&limit=200`,
      { method: 'GET' },
      this.cfg.timeoutMs + waitMs,
    );
    if (r.status !== 200)
      throw new TransportError(`notifications answered ${r.status}`, retryableStatus(r.status), r.status);
    const { next, messages } = notificationMessages(this.regime, r.text);
    return { messages, position: Math.max(position, next) };
  }
}

export const CDS_SHAPE: RestShape = {
  regime: 'UK-CDS',
  submitPath: '/cds/declarations',
  notificationsPath: '/cds/notifications',
  codes: CDS_CODES,
};

export const ICS2_SHAPE: RestShape = {
  regime: 'EU-ICS2',
  submitPath: '/ics2/ens',
  notificationsPath: '/ics2/notifications',
  codes: ICS2_CODES,
};

export function cdsTransport(cfg: EndpointConfig, clock: Clock): RestTransport {
  return new RestTransport(cfg, CDS_SHAPE, clock);
}

export function ics2Transport(cfg: EndpointConfig, clock: Clock): RestTransport {
  return new RestTransport(cfg, ICS2_SHAPE, clock);
}

/**
 * Messages of a notification document (a pull's answer, or a pushed notification: the same XML),
 * with the message ids qualified by regime. Codes the adapter does not know are left out.
 */
export function notificationMessages(
  regime: Regime,
  xml: string,
): { next: number; messages: AuthorityMessage[] } {
  const codes = regime === 'EU-ICS2' ? ICS2_CODES : CDS_CODES;
  const { next, items } = decodeNotifications(xml);
  const messages = items.flatMap((n): AuthorityMessage[] => {
    const disposition = dispositionOfCode(codes, n.code);
    if (!disposition) return [];
    return [
      {
        messageId: `${regime}:${n.messageId}`,
        idempotencyKey: n.idempotencyKey,
        disposition,
        seq: n.seq,
        authorityRef: n.authorityRef || undefined,
        reasons: n.reasons,
        issuedAt: n.issuedAt,
      },
    ];
  });
  return { next, messages };
}
