import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Disposition, Reason, Regime, SubmissionKind } from '../gateway.types.ts';
import { decodeBatch, encodeAcks, type AbiAck } from '../transports/abi-records.ts';
import {
  CDS_CODES,
  ICS2_CODES,
  encodeNotifications,
  type WireNotification,
} from '../transports/xml-messages.ts';
import { signPayload, SIGNATURE_HEADER } from '../webhook-signature.ts';
import { FaultPlan, type FaultKind } from './faults.ts';
import { validateAceRecords, validateCdsDeclaration, validateIcs2Ens, type Validation } from './validate.ts';

/**
 * The customs sandbox: a separate process that speaks the three protocol shapes Crossgate files with
 * (ACE ABI-style batches, UK CDS-style REST + OAuth 2.0 + notifications, ICS2-style ENS + referrals),
 * validates what it receives and answers like an authority, with faults injected on request.
 *
 * It keeps its own state (in memory, optionally appended to a JSON-lines file so a restart remembers
 * what it accepted): each submission's answer by idempotency key (a retry gets the same answer, never a
 * second filing), each declaration by the filer's reference, and a count of acceptances per key and per
 * reference, exposed on GET /_sandbox/accepted.
 */
export interface SandboxOptions {
  port: number;
  host: string;
  failRate: number;
  faults: readonly FaultKind[];
  /** Added to every protocol answer. */
  latencyMs: number;
  /** Extra delay of the `latency` fault. */
  spikeMs: number;
  /** How long a `timeout` fault keeps the connection silent before closing it. */
  hangMs: number;
  rejectRate: number;
  holdRate: number;
  /** ICS2 only: share of ENS answered with a referral (request for information). */
  referralRate: number;
  /** ICS2 only: share of ENS answered with "do not load". */
  doNotLoadRate: number;
  releaseAfterMs: number;
  /** Delay between the receipt and the final notification (CDS, ICS2). */
  ackDelayMs: number;
  tokenTtlS: number;
  /** client id → secret (OAuth client credentials; ABI filer code → password). */
  clients: Record<string, string>;
  stateFile?: string | undefined;
  /** CDS push: where to POST notifications, and the HMAC secret to sign them with. */
  pushUrl?: string | undefined;
  pushSecret?: string | undefined;
  random?: () => number;
}

export const SANDBOX_DEFAULT_PORT = 4700;
/** The sandbox's well-known development client. Only the sandbox environment ever uses it. */
export const SANDBOX_CLIENT_ID = 'crossgate-sandbox';
export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';

export const DEFAULT_SANDBOX_OPTIONS: SandboxOptions = {
  port: SANDBOX_DEFAULT_PORT,
  host: '127.0.0.1',
  failRate: 0,
  faults: [],
  latencyMs: 0,
  spikeMs: 500,
  hangMs: 30_000,
  rejectRate: 0,
  holdRate: 0,
  referralRate: 0,
  doNotLoadRate: 0,
  releaseAfterMs: 2_000,
  ackDelayMs: 0,
  tokenTtlS: 3600,
  clients: { [SANDBOX_CLIENT_ID]: SANDBOX_CLIENT_SECRET },
};

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Declaration {
  regime: Regime;
  client: string;
  reference: string;
  authorityRef: string;
  status: Disposition;
}

interface StoredSubmission {
  answer: Answer;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A notification feed. Positions start from the feed's creation time (in microseconds), so they only
 * grow, even across a sandbox restart, and a client's saved cursor never skips a new feed's messages.
 */
class Feed {
  readonly items: WireNotification[] = [];
  readonly events = new EventEmitter().setMaxListeners(0);
  private readonly base = Date.now() * 1000;

  push(n: Omit<WireNotification, 'position'>): void {
    this.items.push({ ...n, position: this.base + this.items.length + 1 });
    this.events.emit('item');
  }

  private from(position: number): number {
    return Math.max(0, position - this.base);
  }

  async after(position: number, limit: number, waitMs: number): Promise<WireNotification[]> {
    if (this.items.length <= this.from(position) && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const events = this.events;
        const t = setTimeout(done, waitMs);
        function done() {
          clearTimeout(t);
          events.off('item', done);
          resolve();
        }
        events.on('item', done);
      });
    }
    const start = this.from(position);
    return this.items.slice(start, start + limit);
  }
}

export class SandboxState {
  readonly submissions = new Map<string, StoredSubmission>();
  readonly declarations = new Map<string, Declaration>();
  readonly feeds = new Map<string, Feed>();
  readonly acceptedByKey = new Map<string, number>();
  readonly acceptedByReference = new Map<string, number>();
  readonly stats = {
    requests: 0,
    submissions: 0,
    replays: 0,
    accepted: 0,
    rejected: 0,
    held: 0,
    faults: {} as Record<string, number>,
  };
  private readonly file: string | undefined;
  private counter = 0;
  private readonly boot = crypto.randomBytes(2).toString('hex').toUpperCase();

  constructor(file?: string) {
    this.file = file;
    if (file && fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        const e = JSON.parse(line) as
          | { t: 'submission'; key: string; answer: Answer }
          | { t: 'declaration'; key: string; decl: Declaration }
          | { t: 'accepted'; key: string; reference: string };
        if (e.t === 'submission') this.submissions.set(e.key, { answer: e.answer });
        else if (e.t === 'declaration') this.declarations.set(e.key, e.decl);
        else this.countAcceptance(e.key, e.reference, false);
      }
    }
  }

  feed(regime: Regime, client: string): Feed {
    const k = `${regime}|${client}`;
    let f = this.feeds.get(k);
    if (!f) {
      f = new Feed();
      this.feeds.set(k, f);
    }
    return f;
  }

  messageId(): string {
    this.counter += 1;
    return `M${this.boot}${String(this.counter).padStart(10, '0')}`;
  }

  authorityRef(regime: Regime): string {
    const n = crypto.randomBytes(7).toString('hex').toUpperCase();
    if (regime === 'US-ACE') return `SBX${n.slice(0, 8)}`;
    if (regime === 'UK-CDS') return `26GB${n}`;
    return `26NL${n}`;
  }

  saveSubmission(key: string, answer: Answer): void {
    this.submissions.set(key, { answer });
    this.persist({ t: 'submission', key, answer });
  }

  saveDeclaration(key: string, decl: Declaration): void {
    this.declarations.set(key, decl);
    this.persist({ t: 'declaration', key, decl });
  }

  countAcceptance(key: string, reference: string, persist = true): void {
    this.acceptedByKey.set(key, (this.acceptedByKey.get(key) ?? 0) + 1);
    this.acceptedByReference.set(reference, (this.acceptedByReference.get(reference) ?? 0) + 1);
    this.stats.accepted += 1;
    if (persist) this.persist({ t: 'accepted', key, reference });
  }

  private persist(entry: unknown): void {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  acceptedReport() {
    const overAccepted = [...this.acceptedByReference.entries()].filter(([, n]) => n > 1).map(([r]) => r);
    return {
      accepted: this.stats.accepted,
      keys: Object.fromEntries(this.acceptedByKey),
      references: Object.fromEntries(this.acceptedByReference),
      acceptedMoreThanOnce: overAccepted,
    };
  }
}

export interface RunningSandbox {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

function problem(status: number, detail: string): Answer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ title: http.STATUS_CODES[status], status, detail }),
  };
}

async function readBody(req: http.IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function basicCredentials(req: http.IncomingMessage): [string, string] | undefined {
  const h = req.headers.authorization;
  if (!h?.startsWith('Basic ')) return undefined;
  const raw = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const i = raw.indexOf(':');
  if (i < 0) return undefined;
  try {
    return [decodeURIComponent(raw.slice(0, i)), decodeURIComponent(raw.slice(i + 1))];
  } catch {
    return undefined;
  }
}

const SUBMISSION_KIND_HEADER = 'x-submission-kind';

export async function startSandbox(partial: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const opts: SandboxOptions = { ...DEFAULT_SANDBOX_OPTIONS, ...partial };
  const state = new SandboxState(opts.stateFile);
  const plan = new FaultPlan(opts.failRate, opts.faults, opts.random);
  const tokens = new Map<string, { client: string; expiresAt: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  /**
   * A client's secret. `crossgate-sandbox/<anything>` shares the development client's secret but gets
   * its own notification feed, so organisations filing through one sandbox do not see each other's.
   */
  const clientSecret = (id: string): string | undefined => {
    const own = opts.clients[id];
    if (own !== undefined) return own;
    const slash = id.indexOf('/');
    return slash > 0 ? opts.clients[id.slice(0, slash)] : undefined;
  };

  const noteFault = (f: FaultKind) => {
    state.stats.faults[f] = (state.stats.faults[f] ?? 0) + 1;
  };

  function bearerClient(req: http.IncomingMessage): string | undefined {
    const h = req.headers.authorization;
    if (!h?.startsWith('Bearer ')) return undefined;
    const t = tokens.get(h.slice(7));
    if (!t || t.expiresAt <= Date.now()) return undefined;
    return t.client;
  }

  function revokeBearer(req: http.IncomingMessage): void {
    const h = req.headers.authorization;
    if (h?.startsWith('Bearer ')) tokens.delete(h.slice(7));
  }

  const invalidToken: Answer = {
    status: 401,
    headers: {
      'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ error: 'invalid_token' }),
  };

  /** The authority's business decision for a well-formed submission. */
  function decide(
    regime: Regime,
    client: string,
    kind: SubmissionKind,
    idemKey: string,
    reference: string,
  ): { disposition: Disposition; reasons: Reason[]; decl: Declaration; releaseLater: boolean } {
    const declKey = `${regime}|${client}|${reference}`;
    const existing = state.declarations.get(declKey);
    const live = existing && existing.status !== 'rejected' && existing.status !== 'withdrawn';
    const reject = (code: string, text: string) => {
      state.stats.rejected += 1;
      const decl = existing ?? {
        regime,
        client,
        reference,
        authorityRef: '',
        status: 'rejected' as Disposition,
      };
      return { disposition: 'rejected' as Disposition, reasons: [{ code, text }], decl, releaseLater: false };
    };
    if (kind === 'original') {
      if (live)
        return reject(codeFor(regime, 'duplicate'), `a declaration with reference ${reference} exists`);
      if (plan.roll(opts.rejectRate))
        return reject(codeFor(regime, 'business'), 'declared value fails a risk rule');
      let disposition: Disposition = 'accepted';
      let releaseLater = false;
      if (plan.roll(opts.holdRate)) {
        disposition = 'hold';
        releaseLater = true;
        state.stats.held += 1;
      } else if (regime === 'EU-ICS2' && plan.roll(opts.referralRate)) disposition = 'referral';
      else if (regime === 'EU-ICS2' && plan.roll(opts.doNotLoadRate)) disposition = 'do_not_load';
      const decl: Declaration = {
        regime,
        client,
        reference,
        authorityRef: state.authorityRef(regime),
        status: disposition,
      };
      state.saveDeclaration(declKey, decl);
      state.countAcceptance(`${regime}|${client}|${idemKey}`, `${regime}|${client}|${reference}`);
      const reasons =
        disposition === 'hold'
          ? [{ code: codeFor(regime, 'hold'), text: 'held for documentary inspection' }]
          : disposition === 'referral'
            ? [{ code: 'RFI01', text: 'request for information: precise description of goods' }]
            : disposition === 'do_not_load'
              ? [{ code: 'DNL01', text: 'do not load: high-risk consignment pending screening' }]
              : [];
      return { disposition, reasons, decl, releaseLater };
    }
    if (!existing || !live)
      return reject(codeFor(regime, 'unknown'), `no live declaration with reference ${reference}`);
    const disposition: Disposition = kind === 'amendment' ? 'amended' : 'withdrawn';
    const decl = { ...existing, status: disposition };
    state.saveDeclaration(declKey, decl);
    return { disposition, reasons: [], decl, releaseLater: false };
  }

  function scheduleRelease(regime: Regime, client: string, idemKey: string, decl: Declaration, seq: number) {
    later(opts.releaseAfterMs, () => {
      const declKey = `${regime}|${client}|${decl.reference}`;
      const current = state.declarations.get(declKey);
      if (current?.status !== 'hold') return;
      state.saveDeclaration(declKey, { ...current, status: 'released' });
      emit(regime, client, [
        {
          idemKey,
          disposition: 'released',
          seq,
          authorityRef: decl.authorityRef,
          reasons: [],
          reference: decl.reference,
        },
      ]);
    });
  }

  function emit(
    regime: Regime,
    client: string,
    items: Array<{
      idemKey: string;
      disposition: Disposition;
      seq: number;
      authorityRef: string;
      reasons: Reason[];
      reference: string;
      conversationId?: string;
    }>,
    fault?: FaultKind,
  ): void {
    const feed = state.feed(regime, client);
    let out = items.map((i) => ({
      messageId: state.messageId(),
      idempotencyKey: i.idemKey,
      conversationId: i.conversationId ?? '',
      reference: i.reference,
      authorityRef: i.authorityRef,
      code: codeOfDisposition(regime, i.disposition),
      disposition: i.disposition,
      seq: i.seq,
      reasons: i.reasons,
      issuedAt: new Date().toISOString(),
    }));
    if (fault === 'out_of_order') out = out.reverse();
    if (fault === 'duplicate') out = out.flatMap((n) => [n, n]);
    for (const n of out) {
      feed.push(n);
      if (opts.pushUrl && opts.pushSecret && regime === 'UK-CDS') void push(n);
    }
  }

  async function push(n: Omit<WireNotification, 'position'>): Promise<void> {
    const body = encodeNotifications([{ ...n, position: 0 }], 0);
    const sig = signPayload(opts.pushSecret!, body, Math.floor(Date.now() / 1000));
    for (let i = 0; i < 2; i++) {
      try {
        const r = await fetch(opts.pushUrl!, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', [SIGNATURE_HEADER]: sig },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (r.ok) return;
      } catch {
        // the next pull delivers it anyway
      }
    }
  }

  // ---- protocol handlers: each returns the answer after committing its effects to `state` ----

  function token(req: http.IncomingMessage, body: string): Answer {
    const form = new URLSearchParams(body);
    const basic = basicCredentials(req);
    const id = basic?.[0] ?? form.get('client_id') ?? '';
    const secret = basic?.[1] ?? form.get('client_secret') ?? '';
    if (form.get('grant_type') !== 'client_credentials')
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: '{"error":"unsupported_grant_type"}',
      };
    const expected = clientSecret(id);
    if (
      !expected ||
      expected.length !== secret.length ||
      !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(secret))
    )
      return {
        status: 401,
        headers: { 'content-type': 'application/json' },
        body: '{"error":"invalid_client"}',
      };
    const t = crypto.randomBytes(24).toString('base64url');
    tokens.set(t, { client: id, expiresAt: Date.now() + opts.tokenTtlS * 1000 });
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({
        access_token: t,
        token_type: 'bearer',
        expires_in: opts.tokenTtlS,
        scope: 'write:declaration',
      }),
    };
  }

  function aceClient(req: http.IncomingMessage): string | undefined {
    const c = basicCredentials(req);
    if (!c) return undefined;
    const expected = clientSecret(c[0]);
    return expected !== undefined && expected === c[1] ? c[0] : undefined;
  }

  function aceBatch(body: string, client: string, fault: FaultKind | undefined): Answer {
    let batch: ReturnType<typeof decodeBatch>;
    try {
      batch = decodeBatch(body);
    } catch (e) {
      return {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: encodeAcks([
          {
            idempotencyKey: 'BATCH',
            disposition: 'rejected',
            entryNumber: '',
            seq: 0,
            messageId: state.messageId(),
            reasons: [{ code: 'A0001', text: (e as Error).message.slice(0, 74) }],
          },
        ]),
      };
    }
    const acks: AbiAck[] = [];
    for (const block of batch.blocks) {
      state.stats.submissions += 1;
      const subKey = `US-ACE|${client}|${block.idempotencyKey}`;
      const stored = state.submissions.get(subKey);
      if (stored) {
        state.stats.replays += 1;
        acks.push(...JSON.parse(stored.answer.body));
        continue;
      }
      const v = validateAceRecords(block.records);
      let blockAcks: AbiAck[];
      if (v.reasons.length || !v.reference) {
        state.stats.rejected += 1;
        blockAcks = [
          {
            idempotencyKey: block.idempotencyKey,
            disposition: 'rejected',
            entryNumber: '',
            seq: 1,
            messageId: state.messageId(),
            reasons: v.reasons,
          },
        ];
      } else {
        const d = decide('US-ACE', client, block.kind, block.idempotencyKey, v.reference);
        blockAcks = [
          {
            idempotencyKey: block.idempotencyKey,
            disposition: d.disposition,
            entryNumber: d.decl.authorityRef,
            seq: 1,
            messageId: state.messageId(),
            reasons: d.reasons,
          },
        ];
        if (d.releaseLater) scheduleRelease('US-ACE', client, block.idempotencyKey, d.decl, 2);
      }
      state.saveSubmission(subKey, { status: 200, headers: {}, body: JSON.stringify(blockAcks) });
      acks.push(...(fault === 'duplicate' ? [...blockAcks, ...blockAcks] : blockAcks));
    }
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: encodeAcks(acks) };
  }

  function restSubmission(
    regime: Regime,
    req: http.IncomingMessage,
    body: string,
    client: string,
    fault: FaultKind | undefined,
  ): Answer {
    const idemKey = String(req.headers['idempotency-key'] ?? '');
    if (!/^[A-Za-z0-9._:-]{1,64}$/.test(idemKey))
      return problem(400, 'Idempotency-Key header missing or malformed');
    const kindHeader = String(req.headers[SUBMISSION_KIND_HEADER] ?? 'original') as SubmissionKind;
    if (!['original', 'amendment', 'withdrawal'].includes(kindHeader))
      return problem(400, 'unknown X-Submission-Kind');
    state.stats.submissions += 1;
    const subKey = `${regime}|${client}|${idemKey}`;
    const stored = state.submissions.get(subKey);
    if (stored) {
      state.stats.replays += 1;
      return stored.answer;
    }
    const v: Validation = regime === 'UK-CDS' ? validateCdsDeclaration(body) : validateIcs2Ens(body);
    if (v.reasons.length || !v.reference) {
      state.stats.rejected += 1;
      // Schema-level rejection: answered at once, like CDS's synchronous 400 and ICS2's error notification.
      return {
        status: 400,
        headers: { 'content-type': 'application/xml' },
        body: errorResponseXml(
          regime,
          v.reasons.length ? v.reasons : [{ code: 'REF', text: 'reference missing' }],
        ),
      };
    }
    const conversationId = crypto.randomUUID();
    const d = decide(regime, client, kindHeader, idemKey, v.reference);
    const base = { idemKey, authorityRef: d.decl.authorityRef, reference: v.reference, conversationId };
    const codes = regime === 'UK-CDS' ? CDS_CODES : ICS2_CODES;
    let answer: Answer;
    if (regime === 'UK-CDS') {
      answer = { status: 202, headers: { 'x-conversation-id': conversationId }, body: '' };
      emit(regime, client, [{ ...base, disposition: 'received', seq: 1, reasons: [] }], fault);
    } else {
      answer = {
        status: 200,
        headers: { 'content-type': 'application/xml', 'x-conversation-id': conversationId },
        body:
          `<${codes.received} xmlns="urn:eu:ics2:ens:sandbox"><MessageID>${state.messageId()}</MessageID>` +
          `<LRN>${xmlText(v.reference)}</LRN><MRN>${d.decl.authorityRef}</MRN><Seq>1</Seq>` +
          `<IssueDateTime>${new Date().toISOString()}</IssueDateTime></${codes.received}>`,
      };
    }
    state.saveSubmission(subKey, answer);
    const final = [{ ...base, disposition: d.disposition, seq: 2, reasons: d.reasons }];
    if (fault === 'out_of_order' && regime === 'UK-CDS') {
      // deliver the decision before the receipt
      emit(regime, client, final, fault);
    } else later(opts.ackDelayMs, () => emit(regime, client, final, fault));
    if (d.releaseLater) scheduleRelease(regime, client, idemKey, d.decl, 3);
    return answer;
  }

  async function pull(
    regime: Regime,
    client: string,
    url: URL,
    fault: FaultKind | undefined,
  ): Promise<Answer> {
    const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) || 0);
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    const wait = Math.min(20_000, Math.max(0, Number(url.searchParams.get('wait') ?? 0) || 0));
    let items = await state.feed(regime, client).after(after, limit, wait);
    const next = items.length ? items.at(-1)!.position : after;
    if (fault === 'out_of_order') items = [...items].reverse();
    if (fault === 'duplicate') items = items.flatMap((n) => [n, n]);
    if (regime === 'US-ACE') {
      return {
        status: 200,
        headers: { 'content-type': 'text/plain', 'x-next-position': String(next) },
        body: encodeAcks(
          items.map((n) => ({
            idempotencyKey: n.idempotencyKey,
            disposition: n.disposition,
            entryNumber: n.authorityRef,
            seq: n.seq,
            messageId: n.messageId,
            reasons: n.reasons,
          })),
        ),
      };
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/xml', 'x-next-position': String(next) },
      body: encodeNotifications(items, next),
    };
  }

  // ---- routing and fault injection ----

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = `${req.method} ${url.pathname}`;
    if (url.pathname.startsWith('/_sandbox/')) {
      admin(route, res);
      return;
    }
    state.stats.requests += 1;

    const isSubmit =
      req.method === 'POST' && /^\/(ace\/abi\/batches|cds\/declarations|ics2\/ens)$/.test(url.pathname);
    const isPull =
      req.method === 'GET' &&
      /^\/(ace\/abi\/messages|cds\/notifications|ics2\/notifications)$/.test(url.pathname);
    const regime: Regime | undefined = url.pathname.startsWith('/ace/')
      ? 'US-ACE'
      : url.pathname.startsWith('/cds/')
        ? 'UK-CDS'
        : url.pathname.startsWith('/ics2/')
          ? 'EU-ICS2'
          : undefined;
    const fault =
      isSubmit || isPull
        ? plan.draw()
        : route === 'POST /oauth/token'
          ? plan.draw(['latency', '5xx'])
          : undefined;
    if (fault) noteFault(fault);
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (opts.latencyMs) await sleep(opts.latencyMs);
    if (fault === 'latency') await sleep(opts.spikeMs);

    const work = async (): Promise<Answer> => {
      if (route === 'POST /oauth/token') return token(req, body);
      if (!regime || (!isSubmit && !isPull)) return problem(404, `no route ${route}`);
      let client: string | undefined;
      if (regime === 'US-ACE') {
        client = aceClient(req);
        if (!client) return { status: 401, headers: { 'www-authenticate': 'Basic realm="abi"' }, body: '' };
      } else {
        if (fault === 'token_expiry') revokeBearer(req);
        client = bearerClient(req);
        if (!client) return invalidToken;
      }
      if (isPull) return pull(regime, client, url, fault);
      if (regime === 'US-ACE') return aceBatch(body, client, fault);
      return restSubmission(regime, req, body, client, fault);
    };

    const send = (a: Answer) => {
      if (res.destroyed) return;
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    };
    if (fault === 'reset') {
      if (plan.coin()) await work();
      req.socket.destroy();
      return;
    }
    if (fault === '5xx') {
      if (plan.coin()) return send(problem(503, 'service temporarily unavailable'));
      await work();
      return send(problem(502, 'upstream system error'));
    }
    if (fault === 'timeout') {
      if (plan.coin()) await work();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, opts.hangMs);
        req.socket.once('close', () => {
          clearTimeout(t);
          resolve();
        });
      });
      req.socket.destroy();
      return;
    }
    send(await work());
  }

  function admin(route: string, res: http.ServerResponse): void {
    let status = 200;
    let body: unknown;
    if (route === 'GET /_sandbox/health') body = { status: 'ok' };
    else if (route === 'GET /_sandbox/accepted') body = state.acceptedReport();
    else if (route === 'GET /_sandbox/stats')
      body = { ...state.stats, failRate: opts.failRate, faults: state.stats.faults, enabled: opts.faults };
    else {
      status = 404;
      body = { title: 'Not Found', status: 404 };
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Internal Server Error', status: 500, detail: String(err) }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}`,
    port,
    state,
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function codeFor(regime: Regime, what: 'duplicate' | 'business' | 'hold' | 'unknown'): string {
  const table: Record<Regime, Record<typeof what, string>> = {
    'US-ACE': { duplicate: 'A0201', business: 'A0301', hold: 'H0101', unknown: 'A0202' },
    'UK-CDS': { duplicate: 'CDS12050', business: 'CDS40049', hold: 'CDS60001', unknown: 'CDS12051' },
    'EU-ICS2': { duplicate: 'ICS201', business: 'ICS301', hold: 'ICS401', unknown: 'ICS202' },
  };
  return table[regime][what];
}

function codeOfDisposition(regime: Regime, d: Disposition): string {
  if (regime === 'UK-CDS') return CDS_CODES[d];
  if (regime === 'EU-ICS2') return ICS2_CODES[d];
  return d;
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function errorResponseXml(regime: Regime, reasons: Reason[]): string {
  const errs = reasons
    .map((r) => `<error><code>${xmlText(r.code)}</code><text>${xmlText(r.text)}</text></error>`)
    .join('');
  const root = regime === 'UK-CDS' ? 'errorResponse' : ICS2_CODES.rejected;
  return `<${root}><code>INVALID_DECLARATION</code><message>The declaration failed validation</message><errors>${errs}</errors></${root}>`;
}
