import type { Clock } from '../../../platform/clock.ts';
import type { AuthorityMessage } from '../gateway.types.ts';
import { decodeAcks, encodeBatch, type AbiAck } from './abi-records.ts';
import { httpCall, retryableStatus, TransportError } from './http.ts';
import {
  endpointLabel,
  type CustomsTransport,
  type EndpointConfig,
  type PullResult,
  type SendOutcome,
  type TransportItem,
} from './transport.ts';

/**
 * US ACE, ABI-style: filings travel as blocks of 80-character records in one batch per request
 * (HTTP Basic with the filer code, standing in for the VAN link); the answer is a stream of R
 * (disposition) and E (reason) records. Later status (release after hold) is pulled as the same records.
 */
export class AceTransport implements CustomsTransport {
  readonly regime = 'US-ACE' as const;
  readonly endpoint: string;
  readonly maxBatch: number;
  private readonly cfg: EndpointConfig;
  private readonly clock: Clock;
  private batchNo = 0;

  constructor(cfg: EndpointConfig, clock: Clock, maxBatch = 50) {
    this.cfg = cfg;
    this.clock = clock;
    this.endpoint = endpointLabel(cfg);
    this.maxBatch = maxBatch;
  }

  private auth(): string {
    return `Basic ${Buffer.from(`${this.cfg.clientId}:${this.cfg.secret}`).toString('base64')}`;
  }

  async send(items: TransportItem[]): Promise<SendOutcome[]> {
    const now = this.clock.now();
    this.batchNo += 1;
    const body = encodeBatch(
      this.cfg.clientId.slice(0, 3).toUpperCase(),
      now.toISOString().slice(0, 10).replaceAll('-', ''),
      `${now.getTime().toString(36)}${this.batchNo}`,
      items.map((i) => ({ kind: i.kind, idempotencyKey: i.idempotencyKey, records: i.payload.split('\n') })),
    );
    let r: Awaited<ReturnType<typeof httpCall>>;
    try {
      r = await httpCall(
        `${this.cfg.baseUrl}/ace/abi/batches`,
        { method: 'POST', headers: { authorization: this.auth(), 'content-type': 'text/plain' }, body },
        this.cfg.timeoutMs,
      );
    } catch (e) {
      const err = e as TransportError;
      return items.map(() => ({ outcome: 'retryable' as const, error: err.message }));
    }
    if (r.status !== 200) {
      let reasons: AbiAck['reasons'] | undefined;
      try {
        reasons = decodeAcks(r.text)[0]?.reasons;
      } catch {
        reasons = undefined;
      }
      const outcome = retryableStatus(r.status) || r.status === 401 ? 'retryable' : 'fatal';
      const error = `ABI answered ${r.status}${reasons?.length ? `: ${reasons.map((x) => x.text).join('; ')}` : ''}`;
      return items.map(() => ({ outcome, httpStatus: r.status, error, reasons }));
    }
    let acks: AbiAck[];
    try {
      acks = decodeAcks(r.text);
    } catch (e) {
      return items.map(() => ({
        outcome: 'retryable' as const,
        httpStatus: 200,
        error: `unreadable answer: ${(e as Error).message}`,
      }));
    }
    return items.map((item) => {
      const mine = acks.filter((a) => a.idempotencyKey === item.idempotencyKey);
      if (mine.length === 0)
        return { outcome: 'retryable' as const, httpStatus: 200, error: 'no acknowledgement for the block' };
      return {
        outcome: 'ok' as const,
        httpStatus: 200,
        authorityRef: mine.find((a) => a.entryNumber)?.entryNumber,
        messages: mine.map(toMessage),
      };
    });
  }

  async pull(position: number, waitMs: number): Promise<PullResult> {
    const r = await httpCall(
      `${this.cfg.baseUrl}/ace/abi/messages?after=${position}&wait=${waitMs}`,
      { headers: { authorization: this.auth() } },
      this.cfg.timeoutMs + waitMs,
    );
    if (r.status !== 200)
      throw new TransportError(`ABI messages answered ${r.status}`, retryableStatus(r.status), r.status);
    return {
      messages: decodeAcks(r.text).map(toMessage),
      position: Number(r.headers.get('x-next-position') ?? position),
    };
  }
}

function toMessage(a: AbiAck): AuthorityMessage {
  return {
    messageId: `US-ACE:${a.messageId}`,
    idempotencyKey: a.idempotencyKey,
    disposition: a.disposition,
    seq: a.seq,
    authorityRef: a.entryNumber || undefined,
    reasons: a.reasons,
    issuedAt: '',
  };
}
