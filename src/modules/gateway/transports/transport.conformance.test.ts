import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../../platform/clock.ts';
import {
  FINAL_DISPOSITIONS,
  REGIMES,
  type AuthorityMessage,
  type Regime,
  type SubmissionKind,
} from '../gateway.types.ts';
import { samplePayload } from '../sample-payloads.ts';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startSandbox,
  type RunningSandbox,
} from '../sandbox/sandbox.server.ts';
import { createTransport } from './index.ts';
import type { CustomsTransport, TransportItem } from './transport.ts';
import type { RestTransport } from './rest.transport.ts';

/** One conformance suite for the transport port, run against each adapter and the sandbox. */
let n = 0;
function item(
  regime: Regime,
  kind: SubmissionKind = 'original',
  reference?: string,
  payload?: string,
): TransportItem {
  n += 1;
  const ref = reference ?? `fil_conf${process.pid}x${n}`;
  return {
    submissionId: `obx_${n}`,
    filingId: ref,
    idempotencyKey: `${ref}:${kind}:${n}`,
    kind,
    payload: payload ?? samplePayload(regime, { reference: ref, seed: n }),
  };
}

function transportFor(sb: RunningSandbox, regime: Regime, secret = SANDBOX_CLIENT_SECRET): CustomsTransport {
  return createTransport(
    { regime, environment: 'sandbox', baseUrl: sb.url, clientId: SANDBOX_CLIENT_ID, secret, timeoutMs: 2000 },
    systemClock,
  );
}

/** Sends one item and pulls until the authority's final word on it. */
async function finalWord(t: CustomsTransport, it: TransportItem): Promise<AuthorityMessage[]> {
  const [out] = await t.send([it]);
  assert.equal(out?.outcome, 'ok', JSON.stringify(out));
  const msgs = out.outcome === 'ok' ? [...out.messages] : [];
  let pos = 0;
  const deadline = Date.now() + 3000;
  while (!msgs.some((m) => m.idempotencyKey === it.idempotencyKey && FINAL_DISPOSITIONS.has(m.disposition))) {
    if (Date.now() > deadline) assert.fail(`no final acknowledgement for ${it.idempotencyKey}`);
    const p = await t.pull(pos, 200);
    pos = p.position;
    msgs.push(...p.messages);
  }
  return msgs.filter((m) => m.idempotencyKey === it.idempotencyKey);
}

const final = (msgs: AuthorityMessage[]) => msgs.filter((m) => FINAL_DISPOSITIONS.has(m.disposition)).at(-1)!;

for (const regime of REGIMES) {
  describe(`customs transport conformance: ${regime}`, () => {
    let sb: RunningSandbox;
    let t: CustomsTransport;
    before(async () => {
      sb = await startSandbox({ port: 0 });
      t = transportFor(sb, regime);
    });
    after(() => sb.close());

    it('files a valid filing and receives an acceptance with an authority reference', async () => {
      const msgs = await finalWord(t, item(regime));
      const f = final(msgs);
      assert.equal(f.disposition, 'accepted');
      assert.ok(f.authorityRef, 'authority reference');
      assert.ok(f.messageId.startsWith(`${regime}:`));
    });

    it('gets a rejection with the authority reasons for a malformed payload', async () => {
      const bad = item(regime);
      bad.payload =
        regime === 'US-ACE'
          ? bad.payload.replace(/^40(.{3})\d{10}/m, '40$1ABCDEFGHIJ')
          : bad.payload.replace(/<(LRN|FunctionalReferenceID)>[^<]*</, '<$1><');
      const f = final(await finalWord(t, bad));
      assert.equal(f.disposition, 'rejected');
      assert.ok(f.reasons.length >= 1);
      assert.ok(f.reasons.every((r) => r.code && r.text));
    });

    it('answers a retry with the same idempotency key without filing twice', async () => {
      const it1 = item(regime);
      const first = final(await finalWord(t, it1));
      const [again] = await t.send([it1]);
      assert.equal(again?.outcome, 'ok');
      const report = sb.state.acceptedReport();
      const key = Object.keys(report.keys).find((k) => k.endsWith(`|${it1.idempotencyKey}`))!;
      assert.equal(report.keys[key], 1);
      if (again?.outcome === 'ok' && again.messages.length)
        assert.equal(again.messages[0]!.authorityRef, first.authorityRef);
    });

    it('refuses a second original for the same reference under a new key', async () => {
      const a = item(regime);
      await finalWord(t, a);
      const b = item(regime, 'original', a.filingId);
      const f = final(await finalWord(t, b));
      assert.equal(f.disposition, 'rejected');
      assert.match(f.reasons[0]!.text, /exists/);
    });

    it('amends and then withdraws an accepted filing', async () => {
      const a = item(regime);
      await finalWord(t, a);
      assert.equal(final(await finalWord(t, item(regime, 'amendment', a.filingId))).disposition, 'amended');
      assert.equal(
        final(await finalWord(t, item(regime, 'withdrawal', a.filingId))).disposition,
        'withdrawn',
      );
      assert.equal(final(await finalWord(t, item(regime, 'amendment', a.filingId))).disposition, 'rejected');
    });

    it('reports server errors as retryable and wrong credentials as not', async () => {
      const failing = await startSandbox({ port: 0, failRate: 1, faults: ['5xx'] });
      try {
        const [o] = await transportFor(failing, regime).send([item(regime)]);
        assert.equal(o?.outcome, 'retryable');
      } finally {
        await failing.close();
      }
      const [bad] = await transportFor(sb, regime, 'wrong-secret').send([item(regime)]);
      assert.notEqual(bad?.outcome, 'ok');
    });

    it('survives a reset connection with a retryable outcome', async () => {
      const failing = await startSandbox({ port: 0, failRate: 1, faults: ['reset'] });
      try {
        const [o] = await transportFor(failing, regime).send([item(regime)]);
        assert.equal(o?.outcome, 'retryable');
      } finally {
        await failing.close();
      }
    });
  });
}

describe('sandbox state file', () => {
  it('remembers across a restart what it accepted, so a retry is answered, not filed again', async () => {
    const file = path.join(os.tmpdir(), `cg-sandbox-${process.pid}-${Date.now()}.jsonl`);
    try {
      const it1 = item('UK-CDS');
      let sb = await startSandbox({ port: 0, stateFile: file });
      await transportFor(sb, 'UK-CDS').send([it1]);
      await sb.close();
      sb = await startSandbox({ port: 0, stateFile: file });
      try {
        const [again] = await transportFor(sb, 'UK-CDS').send([it1]);
        assert.equal(again?.outcome, 'ok');
        assert.equal(sb.state.stats.replays, 1);
        assert.deepEqual(sb.state.acceptedReport().acceptedMoreThanOnce, []);
        assert.equal(sb.state.acceptedReport().accepted, 1);
      } finally {
        await sb.close();
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('OAuth token handling', () => {
  it('refreshes the token when the authority revokes it mid-stream', async () => {
    // first protocol request draws token_expiry; every later one passes
    const seq = [0, 0];
    const sb = await startSandbox({
      port: 0,
      failRate: 0.5,
      faults: ['token_expiry'],
      random: () => (seq.length ? seq.shift()! : 0.99),
    });
    try {
      const t = transportFor(sb, 'UK-CDS') as RestTransport;
      const [o] = await t.send([item('UK-CDS')]);
      assert.equal(o?.outcome, 'ok');
      assert.equal(t.tokens.fetched, 2, 'a second token was fetched after the 401');
      const [o2] = await t.send([item('UK-CDS')]);
      assert.equal(o2?.outcome, 'ok');
      assert.equal(t.tokens.fetched, 2, 'the refreshed token is cached');
    } finally {
      await sb.close();
    }
  });
});
