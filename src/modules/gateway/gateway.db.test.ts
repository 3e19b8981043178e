import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemClock } from '../../platform/clock.ts';
import type { JournalRecord } from '../../platform/context.ts';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { applyMessages } from './acks.service.ts';
import { configureEndpoint } from './endpoints.service.ts';
import { loadGatewayEnv, workerSettings, type WorkerSettings } from './gateway.config.ts';
import { addFilingStatusSink, setFilingSource } from './gateway.ports.ts';
import { filingDetail, filingStatuses, outboxSummary } from './gateway.queries.ts';
import type { AuthorityMessage, Regime } from './gateway.types.ts';
import { enqueueSubmission, requeueDead, scanDeadlines } from './outbox.service.ts';
import { samplePayload } from './sample-payloads.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox/sandbox.server.ts';
import type { SecretStore } from './secrets.ts';
import { queueSampleFilings, submitFiling } from './submit.service.ts';
import { signPayload, SIGNATURE_HEADER } from './webhook-signature.ts';
import { encodeNotifications } from './transports/xml-messages.ts';
import { OutboxWorker } from './worker.ts';

const secrets: SecretStore = {
  get: async (name) => (name === 'customs.sandbox.webhook' ? 'whsec-test' : undefined),
};

function fastSettings(over: Partial<WorkerSettings> = {}): WorkerSettings {
  return workerSettings(
    {
      ...loadGatewayEnv({}),
      CROSSGATE_GATEWAY_RETRY_BASE_MS: 1,
      CROSSGATE_GATEWAY_RETRY_MAX_MS: 5,
      CROSSGATE_GATEWAY_TIMEOUT_MS: 1000,
      CROSSGATE_GATEWAY_POLL_MS: 20,
    },
    over,
  );
}

describe('customs gateway', () => {
  let ctx: TestContext;
  let sandbox: RunningSandbox;

  before(async () => {
    ctx = await testContext({ clock: systemClock });
  });
  after(async () => {
    await ctx.dispose();
  });

  async function withSandbox<T>(
    opts: Partial<SandboxOptions>,
    fn: (sb: RunningSandbox) => Promise<T>,
  ): Promise<T> {
    sandbox = await startSandbox({ port: 0, ...opts });
    ctx.config.CROSSGATE_CUSTOMS_URL = sandbox.url;
    try {
      return await fn(sandbox);
    } finally {
      await sandbox.close();
    }
  }

  /** Runs worker rounds until `done` holds (or fails after `ms`). */
  async function drain(worker: OutboxWorker, done: () => Promise<boolean>, ms = 8000) {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > deadline) assert.fail('the outbox did not settle');
      await worker.sendOnce();
      await worker.pullOnce(30);
    }
  }

  const settled = (orgId: string) => async () => {
    const s = await outboxSummary(ctx, orgId);
    return s.queued === 0 && s.depth.transmitted === 0;
  };

  it('queues in the caller transaction: a rollback leaves neither the submission nor its journal entry', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        await enqueueSubmission(ctx, tx, {
          orgId: org.id,
          filingId: 'fil_rolledback',
          regime: 'UK-CDS',
          payload: samplePayload('UK-CDS', { reference: 'fil_rolledback' }),
          idempotencyKey: 'fil_rolledback:1',
        });
        throw new Error('the filing could not be marked submitted');
      }),
    );
    assert.equal((await outboxSummary(ctx, org.id)).queued, 0);
    const entries = await ctx.db
      .selectFrom('journal_entries')
      .select('kind')
      .where('org_id', '=', org.id)
      .execute();
    assert.deepEqual(entries, []);
  });

  it('queues a submission once per idempotency key, with its payload sealed', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    const input = {
      orgId: org.id,
      filingId: 'fil_once',
      regime: 'EU-ICS2' as const,
      payload: samplePayload('EU-ICS2', { reference: 'fil_once' }),
      idempotencyKey: 'fil_once:1',
    };
    const a = await ctx.db.transaction().execute((tx) => enqueueSubmission(ctx, tx, input));
    const b = await ctx.db.transaction().execute((tx) => enqueueSubmission(ctx, tx, input));
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(a.id, b.id);
    const row = await ctx.db
      .selectFrom('gateway_outbox')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.payload_sealed.includes('DescriptionOfGoods'), 'payload is not stored in clear');
    assert.equal(await ctx.cipher.open(org.id, row.payload_sealed), input.payload);
    await assert.rejects(
      ctx.db
        .transaction()
        .execute((tx) => enqueueSubmission(ctx, tx, { ...input, idempotencyKey: 'no spaces allowed' })),
      /idempotencyKey/,
    );
  });

  for (const regime of ['US-ACE', 'UK-CDS', 'EU-ICS2'] as const) {
    it(`transmits ${regime} filings, records every attempt and acknowledgement, and journals them`, async () => {
      const org = await newOrg(ctx);
      await withSandbox({}, async (sb) => {
        const made = await queueSampleFilings(ctx, org.id, { count: 6, regimes: [regime] });
        const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
        await drain(worker, settled(org.id));
        const st = await filingStatuses(ctx, org.id);
        assert.deepEqual(st.counts, { accepted: 6 });
        assert.ok(st.filings.every((f) => f.authorityRef));
        const refs = Object.keys(sb.state.acceptedReport().references);
        assert.equal(made.filter((m) => refs.some((r) => r.endsWith(`|${m.filingId}`))).length, 6);
        const detail = await filingDetail(ctx, org.id, made[0]!.filingId);
        assert.equal(detail.attempts.length, 1);
        assert.equal(detail.attempts[0]!.outcome, 'ok');
        assert.ok(detail.messages.some((m) => m.disposition === 'accepted' && m.applied));
        const kinds = await ctx.db
          .selectFrom('journal_entries')
          .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
          .where('org_id', '=', org.id)
          .groupBy('kind')
          .execute();
        const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
        assert.equal(byKind['gateway.submission_queued'], 6);
        assert.equal(byKind['gateway.attempt'], 6);
        assert.ok((byKind['gateway.ack_received'] ?? 0) >= 6);
      });
    });
  }

  it('records a rejection with the authority reasons', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    await withSandbox({}, async () => {
      await ctx.db.transaction().execute((tx) =>
        enqueueSubmission(ctx, tx, {
          orgId: org.id,
          filingId: 'fil_bad',
          regime: 'UK-CDS',
          payload: samplePayload('UK-CDS', { reference: 'fil_bad' }).replace(
            /<Classification><ID>\d+/g,
            '<Classification><ID>12',
          ),
          idempotencyKey: 'fil_bad:1',
        }),
      );
      await drain(new OutboxWorker(ctx, { settings: fastSettings(), secrets }), settled(org.id));
      const d = await filingDetail(ctx, org.id, 'fil_bad');
      assert.equal(d.status, 'rejected');
      assert.equal(d.reasons[0]?.code, 'CDS12011');
    });
  });

  it('follows a hold to its release, an ICS2 referral and a do-not-load', async () => {
    const org = await newOrg(ctx);
    await withSandbox({ holdRate: 1, releaseAfterMs: 150 }, async () => {
      const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['UK-CDS'] });
      const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      await drain(worker, async () => (await filingDetail(ctx, org.id, f!.filingId)).status === 'held');
      assert.match((await filingDetail(ctx, org.id, f!.filingId)).reasons[0]!.text, /inspection/);
      await drain(worker, async () => (await filingDetail(ctx, org.id, f!.filingId)).status === 'released');
    });
    await withSandbox({ referralRate: 1 }, async () => {
      const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['EU-ICS2'] });
      const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      await drain(worker, async () => (await filingDetail(ctx, org.id, f!.filingId)).status === 'referred');
      assert.equal((await filingDetail(ctx, org.id, f!.filingId)).reasons[0]!.code, 'RFI01');
    });
    await withSandbox({ doNotLoadRate: 1 }, async () => {
      const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['EU-ICS2'] });
      const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      await drain(
        worker,
        async () => (await filingDetail(ctx, org.id, f!.filingId)).status === 'do_not_load',
      );
    });
  });

  it('sends a key longer than the ABI field as a digest and still correlates a later release', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    const filingId = 'fil_01m7zd8hxefamaqbspxqsn86gf';
    const key = `${filingId}:v1:0123456789abcdef`; // the filings module's shape, 50 characters
    await withSandbox({ holdRate: 1, releaseAfterMs: 100 }, async (sb) => {
      await ctx.db.transaction().execute((tx) =>
        enqueueSubmission(ctx, tx, {
          orgId: org.id,
          filingId,
          regime: 'US-ACE',
          payload: samplePayload('US-ACE', { reference: filingId }),
          idempotencyKey: key,
        }),
      );
      const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      await drain(worker, async () => (await filingDetail(ctx, org.id, filingId)).status === 'released');
      const keys = Object.keys(sb.state.acceptedReport().keys);
      assert.equal(keys.length, 1);
      assert.match(keys[0]!, /\|H[0-9a-f]{39}$/);
      assert.deepEqual(
        (await filingDetail(ctx, org.id, filingId)).messages.map((m) => [m.disposition, m.applied]),
        [
          ['hold', true],
          ['released', true],
        ],
      );
    });
  });

  it('ignores duplicate acknowledgements and does not let an older one overwrite a newer one', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    await ctx.db.transaction().execute((tx) =>
      enqueueSubmission(ctx, tx, {
        orgId: org.id,
        filingId: 'fil_order',
        regime: 'UK-CDS',
        payload: samplePayload('UK-CDS', { reference: 'fil_order' }),
        idempotencyKey: 'fil_order:1',
      }),
    );
    const msg = (
      id: string,
      disposition: AuthorityMessage['disposition'],
      seq: number,
    ): AuthorityMessage => ({
      messageId: id,
      idempotencyKey: 'fil_order:1',
      disposition,
      seq,
      authorityRef: '26GBTEST',
      reasons: [],
      issuedAt: '',
    });
    const apply = (ms: AuthorityMessage[]) =>
      ctx.db.transaction().execute(async (tx) => {
        const j: JournalRecord[] = [];
        const c = await applyMessages(ctx, tx, org.id, ms, 'pull', 'system:test', j);
        await ctx.journal.append(tx, org.id, j);
        return c;
      });
    // the decision arrives before the receipt, then both again
    assert.deepEqual(await apply([msg('m2', 'accepted', 2)]), {
      applied: 1,
      stale: 0,
      duplicate: 0,
      unmatched: 0,
    });
    assert.deepEqual(
      await apply([msg('m1', 'received', 1), msg('m2', 'accepted', 2), msg('m2', 'accepted', 2)]),
      {
        applied: 0,
        stale: 1,
        duplicate: 2,
        unmatched: 0,
      },
    );
    const d = await filingDetail(ctx, org.id, 'fil_order');
    assert.equal(d.status, 'accepted');
    assert.equal(d.submissions[0]!.state, 'done');
    assert.deepEqual(
      d.messages.map((m) => [m.messageId, m.applied]),
      [
        ['m2', true],
        ['m1', false],
      ],
    );
    assert.deepEqual(
      await apply([msg('mX', 'accepted', 1)].map((m) => ({ ...m, idempotencyKey: 'unknown:1' }))),
      {
        applied: 0,
        stale: 0,
        duplicate: 0,
        unmatched: 1,
      },
    );
  });

  it('retries with backoff, then dead-letters with a reason and an alert; a requeue sends it again', async () => {
    const org = await newOrg(ctx);
    const settings = fastSettings({
      retry: { maxAttempts: 3, baseDelayMs: 1, factor: 2, maxDelayMs: 5, jitter: 0 },
    });
    const seen: string[] = [];
    const unsubscribe = addFilingStatusSink({
      apply: async (_ctx, _tx, orgId, _filingId, status) => {
        if (orgId === org.id) seen.push(status);
      },
    });
    try {
      const [f] = await withSandbox({ failRate: 1, faults: ['5xx'] }, async () => {
        const made = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['EU-ICS2'] });
        await drain(
          new OutboxWorker(ctx, { settings, secrets }),
          async () => (await outboxSummary(ctx, org.id)).depth.dead === 1,
        );
        return made;
      });
      const s = await outboxSummary(ctx, org.id);
      assert.equal(s.deadLetters[0]!.attempts, 3);
      assert.match(s.deadLetters[0]!.reason!, /gave up after 3 attempts: .*5\d\d/);
      assert.deepEqual(
        s.alerts.map((a) => a.kind),
        ['dead_letter'],
      );
      const d = await filingDetail(ctx, org.id, f!.filingId);
      assert.equal(d.status, 'dead_letter');
      assert.deepEqual(
        d.attempts.map((a) => a.outcome),
        ['retryable', 'retryable', 'retryable'],
      );
      assert.deepEqual(seen, ['queued', 'dead_letter']);

      assert.equal(await requeueDead(ctx, org.id, d.submissions[0]!.id, 'usr_test'), true);
      assert.equal((await outboxSummary(ctx, org.id)).alerts.length, 0);
      await withSandbox({}, async () => {
        await drain(new OutboxWorker(ctx, { settings, secrets }), settled(org.id));
      });
      assert.equal((await filingDetail(ctx, org.id, f!.filingId)).status, 'accepted');
    } finally {
      unsubscribe();
    }
  });

  it('opens the circuit of a failing endpoint and gives claimed work back without using attempts', async () => {
    const org = await newOrg(ctx);
    const settings = fastSettings({
      batch: 1,
      concurrency: 1,
      breaker: { failureThreshold: 2, cooldownMs: 60_000 },
      retry: { maxAttempts: 10, baseDelayMs: 1, factor: 1, maxDelayMs: 1, jitter: 0 },
    });
    await withSandbox({ failRate: 1, faults: ['5xx'] }, async (sb) => {
      await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['UK-CDS'] });
      const worker = new OutboxWorker(ctx, { settings, secrets });
      for (let i = 0; i < 2; i++) {
        await worker.sendOnce();
        await new Promise((r) => setTimeout(r, 5));
      }
      const before = sb.state.stats.requests;
      await new Promise((r) => setTimeout(r, 5));
      await worker.sendOnce();
      assert.equal(sb.state.stats.requests, before, 'no request while the circuit is open');
      const row = await ctx.db
        .selectFrom('gateway_outbox')
        .selectAll()
        .where('org_id', '=', org.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.attempts, 2);
      assert.equal(row.state, 'retry');
      assert.ok(
        new Date(row.next_attempt_at).getTime() > Date.now() + 50_000,
        'retried when the circuit half-opens',
      );
    });
  });

  it('files in the active environment with credentials from the secret store, never without them', async () => {
    const org = await newOrg(ctx);
    await withSandbox({}, async (sb) => {
      await assert.rejects(
        configureEndpoint(ctx, org.id, 'usr_admin', {
          regime: 'UK-CDS',
          environment: 'production',
          baseUrl: sb.url,
          clientId: 'crossgate-sandbox/prod',
        }),
        /secretRef/,
      );
      await configureEndpoint(ctx, org.id, 'usr_admin', {
        regime: 'UK-CDS',
        environment: 'production',
        baseUrl: sb.url,
        clientId: 'crossgate-sandbox/prod',
        secretRef: 'customs.test.cds.production',
        active: true,
      });
      const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['UK-CDS'] });
      const noSecret = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      await drain(noSecret, async () => (await outboxSummary(ctx, org.id)).depth.dead === 1);
      const dead = (await outboxSummary(ctx, org.id)).deadLetters[0]!;
      assert.match(
        dead.reason!,
        /permanent failure: endpoint configuration: Secret customs.test.cds.production/,
      );
      assert.equal((await filingDetail(ctx, org.id, f!.filingId)).submissions[0]!.environment, 'production');

      const withSecret: SecretStore = {
        get: async (name) => (name === 'customs.test.cds.production' ? 'sandbox-secret' : undefined),
      };
      await requeueDead(ctx, org.id, dead.submissionId, 'usr_admin');
      await drain(new OutboxWorker(ctx, { settings: fastSettings(), secrets: withSecret }), settled(org.id));
      assert.equal((await filingDetail(ctx, org.id, f!.filingId)).status, 'accepted');
      const journal = await ctx.db
        .selectFrom('journal_entries')
        .select('data')
        .where('org_id', '=', org.id)
        .where('kind', '=', 'gateway.endpoint_configured')
        .execute();
      assert.equal(journal.length, 1);
      assert.ok(!JSON.stringify(journal).includes('sandbox-secret'), 'no secret in the journal');
    });
  });

  it('raises one alert for a filing still unsent close to its deadline', async () => {
    const org = await newOrg(ctx);
    await queueSampleFilings(ctx, org.id, { count: 2, regimes: ['US-ACE'], deadlineInMs: 10 * 60_000 });
    await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['US-ACE'], deadlineInMs: 5 * 3600_000 });
    assert.ok((await scanDeadlines(ctx, 60 * 60_000)) >= 2);
    assert.equal(await scanDeadlines(ctx, 60 * 60_000), 0);
    const s = await outboxSummary(ctx, org.id);
    assert.equal(s.alerts.filter((a) => a.kind === 'deadline_near').length, 2);
  });

  it('amends and withdraws through the outbox', async () => {
    const org = await newOrg(ctx);
    await ctx.cipher.seal(org.id, '');
    await withSandbox({}, async () => {
      const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
      const payload = samplePayload('US-ACE', { reference: 'fil_amend' });
      for (const [n, kind] of [
        [1, 'original'],
        [2, 'amendment'],
        [3, 'withdrawal'],
      ] as const) {
        await ctx.db.transaction().execute((tx) =>
          enqueueSubmission(ctx, tx, {
            orgId: org.id,
            filingId: 'fil_amend',
            regime: 'US-ACE',
            payload,
            idempotencyKey: `fil_amend:${n}`,
            kind,
          }),
        );
        await drain(worker, settled(org.id));
      }
      const d = await filingDetail(ctx, org.id, 'fil_amend');
      assert.equal(d.status, 'withdrawn');
      assert.deepEqual(
        d.submissions.map((s) => s.kind),
        ['original', 'amendment', 'withdrawal'],
      );
    });
  });

  describe('HTTP', () => {
    let app: HttpApp;
    before(async () => {
      app = await testApp(ctx);
    });
    after(() => app.close());

    it('shows status and outbox to a viewer, and refuses submission to one', async () => {
      const org = await newOrg(ctx);
      const viewer = await newUser(ctx, org.id, 'viewer');
      await queueSampleFilings(ctx, org.id, { count: 3 });
      const r = await app.inject({
        method: 'GET',
        url: '/api/gateway/filings',
        headers: bearer(viewer.token),
      });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json().counts, { queued: 3 });
      const o = await app.inject({
        method: 'GET',
        url: '/api/gateway/outbox',
        headers: bearer(viewer.token),
      });
      assert.equal(o.json().depth.pending, 3);
      const s = await app.inject({
        method: 'POST',
        url: '/api/gateway/filings/fil_x/submit',
        headers: bearer(viewer.token),
      });
      assert.equal(s.statusCode, 403);
      const operator = await newUser(ctx, org.id, 'operator');
      const q = await app.inject({
        method: 'POST',
        url: '/api/gateway/samples',
        headers: bearer(operator.token),
        payload: { count: 2, regime: 'US-ACE' },
      });
      assert.equal(q.statusCode, 202);
      assert.equal(q.json().queued, 2);
      const m = await app.inject({ method: 'GET', url: '/metrics' });
      assert.match(m.body, /crossgate_gateway_outbox_depth\{state="pending"\} \d+/);
    });

    it('submits through the wired filing source', async () => {
      const org = await newOrg(ctx);
      const filer = await newUser(ctx, org.id, 'viewer', ['filer']);
      setFilingSource({
        load: async (_ctx, _tx, _orgId, filingId) => ({
          regime: 'EU-ICS2' as Regime,
          payload: samplePayload('EU-ICS2', { reference: filingId }),
          idempotencyKey: `${filingId}:1`,
        }),
      });
      try {
        const r = await app.inject({
          method: 'POST',
          url: '/api/gateway/filings/fil_src/submit',
          headers: bearer(filer.token),
        });
        assert.equal(r.statusCode, 202);
        assert.equal(r.json().queued, true);
        const again = await submitFiling(ctx, org.id, 'fil_src', filer.id);
        assert.equal(again.queued, false);
      } finally {
        setFilingSource(undefined);
      }
    });

    it('receives the sandbox push notifications on the webhook, without pulling', async () => {
      const org = await newOrg(ctx);
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      process.env.CROSSGATE_SECRET_CUSTOMS_SANDBOX_WEBHOOK = 'whsec-push';
      try {
        await withSandbox(
          { pushUrl: `${address}/api/gateway/webhooks/${org.id}/UK-CDS`, pushSecret: 'whsec-push' },
          async () => {
            const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['UK-CDS'] });
            const worker = new OutboxWorker(ctx, { settings: fastSettings(), secrets });
            await worker.sendOnce();
            const deadline = Date.now() + 5000;
            while ((await filingDetail(ctx, org.id, f!.filingId)).status !== 'accepted') {
              if (Date.now() > deadline) assert.fail('no pushed acknowledgement');
              await new Promise((r) => setTimeout(r, 20));
            }
            const d = await filingDetail(ctx, org.id, f!.filingId);
            assert.ok(d.messages.length >= 1);
            assert.ok(d.messages.every((m) => m.via === 'push'));
          },
        );
      } finally {
        delete process.env.CROSSGATE_SECRET_CUSTOMS_SANDBOX_WEBHOOK;
      }
    });

    it('applies a signed pushed notification once and refuses a bad signature', async () => {
      const org = await newOrg(ctx);
      const [f] = await queueSampleFilings(ctx, org.id, { count: 1, regimes: ['UK-CDS'] });
      const key = `${f!.filingId}:1`;
      const body = encodeNotifications(
        [
          {
            position: 1,
            messageId: 'PUSH1',
            idempotencyKey: key,
            conversationId: 'c',
            reference: f!.filingId,
            authorityRef: '26GBPUSH',
            code: 'DMSACC',
            disposition: 'accepted',
            seq: 2,
            reasons: [],
            issuedAt: '',
          },
        ],
        1,
      );
      const url = `/api/gateway/webhooks/${org.id}/UK-CDS`;
      const sig = signPayload('whsec-test', body, Math.floor(Date.now() / 1000));
      // the test context's secret store is the local one: give it the webhook secret
      process.env.CROSSGATE_SECRET_CUSTOMS_SANDBOX_WEBHOOK = 'whsec-test';
      try {
        const ok = await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { 'content-type': 'application/xml', [SIGNATURE_HEADER]: sig },
        });
        assert.equal(ok.statusCode, 200, ok.body);
        assert.deepEqual(ok.json(), { received: 1, applied: 1, duplicate: 0 });
        const replay = await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { 'content-type': 'application/xml', [SIGNATURE_HEADER]: sig },
        });
        assert.equal(replay.statusCode, 401);
        const forged = await app.inject({
          method: 'POST',
          url,
          payload: body.replace('DMSACC', 'DMSREJ'),
          headers: { 'content-type': 'application/xml', [SIGNATURE_HEADER]: sig },
        });
        assert.equal(forged.statusCode, 401);
        assert.equal((await filingDetail(ctx, org.id, f!.filingId)).status, 'accepted');
      } finally {
        delete process.env.CROSSGATE_SECRET_CUSTOMS_SANDBOX_WEBHOOK;
      }
    });
  });
});
