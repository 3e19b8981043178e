import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { CliHost } from '../../platform/module.ts';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { importRevision, revisionInForce } from './tariff.service.ts';
import { validateCode } from './code-validation.ts';
import { tariffCommands } from './tariff.commands.ts';
import { acknowledgeAlert, listAlerts, raiseImpactAlerts } from './tariff-impact.service.ts';
import {
  addReferences,
  classify,
  classifyAndQueue,
  classifyCatalogue,
  decideReview,
  listReviews,
} from './classify.service.ts';

const fixture = (n: string) => fs.readFileSync(new URL(`./fixtures/${n}`, import.meta.url));

describe('tariff module (storage)', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let org: { id: string };
  let revA: string;
  let revB: string;

  async function product(sku: string, hsCode: string | null, title = sku) {
    const id = ctx.ids.next('product');
    await ctx.db
      .insertInto('products')
      .values({
        id,
        org_id: org.id,
        sku,
        title,
        attributes: '{}',
        hs_code: hsCode,
        content_hash: sku,
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
    return id;
  }

  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    org = await newOrg(ctx);
    revA = (
      await importRevision(ctx, {
        content: fixture('hts-mini-a.csv'),
        label: 'Mini A',
        validFrom: '2026-01-01',
        source: 'fixture',
      })
    ).revision.id;
    revB = (
      await importRevision(ctx, {
        content: fixture('hts-mini-b.csv'),
        label: 'Mini B',
        validFrom: '2026-07-01',
        source: 'fixture',
      })
    ).revision.id;
    await importRevision(ctx, {
      content: fixture('hs-mini.csv'),
      schedule: 'HS',
      label: 'HS2022',
      validFrom: '2022-01-01',
      source: 'fixture',
    });
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('imports a revision once: the same content again returns the existing revision', async () => {
    const again = await importRevision(ctx, {
      content: fixture('hts-mini-a.csv'),
      label: 'again',
      validFrom: '2026-01-01',
      source: 'x',
    });
    assert.equal(again.created, false);
    assert.equal(again.revision.id, revA);
    assert.equal(again.revision.lineCount, 39);
  });

  it('answers the revision in force on a date', async () => {
    assert.equal((await revisionInForce(ctx, 'US-HTS', '2026-03-01'))?.id, revA);
    assert.equal((await revisionInForce(ctx, 'US-HTS', '2026-07-01'))?.id, revB);
    assert.equal(await revisionInForce(ctx, 'US-HTS', '2025-12-31'), undefined);
  });

  it('validates against the revision in force on the date asked', async () => {
    const early = await validateCode(ctx, { code: '8536.69.40.20', destination: 'US', date: '2026-03-01' });
    assert.equal(early.valid, true);
    assert.equal(early.revision?.label, 'Mini A');
    const late = await validateCode(ctx, { code: '8536.69.40.20', destination: 'US', date: '2026-08-01' });
    assert.equal(late.valid, false);
    assert.match(
      late.message,
      /does not exist in this revision; under 8536.69.40 the declarable lines are 8536.69.40.10/,
    );
    const gb = await validateCode(ctx, { code: '3926.90.97', destination: 'GB', date: '2026-08-01' });
    assert.equal(gb.valid, true);
    const none = await validateCode(ctx, { code: '8536.50.90.20', destination: 'US', date: '2020-01-01' });
    assert.equal(none.problem, 'no_revision');
  });

  it('raises impact alerts for affected products with old and new text, once', async () => {
    const deleted = await product('SKU-DEL', '8536.69.40.20');
    const moved = await product('SKU-MOV', '8536509020');
    const rerated = await product('SKU-RATE', '6104432010');
    await product('SKU-OK', '6704200000');
    const r = await raiseImpactAlerts(ctx, org.id, revA, revB, 'usr_test');
    assert.equal(r.alerts, 3);
    const alerts = await listAlerts(ctx, org.id);
    const by = (id: string) => alerts.find((a) => a.productId === id)!;
    assert.equal(by(deleted).kind, 'code_deleted');
    assert.deepEqual(by(deleted).suggestedCodes, ['8536694010']);
    assert.equal(by(moved).kind, 'code_moved');
    assert.deepEqual(by(moved).suggestedCodes, ['8536509031']);
    assert.equal(by(rerated).kind, 'duty_changed');
    assert.equal(by(rerated).oldText, "Women's (636) — general 16%");
    assert.equal(by(rerated).newText, "Women's (636) — general 14.9%");
    assert.equal((await raiseImpactAlerts(ctx, org.id, revA, revB)).alerts, 0, 'idempotent');
    const ack = await acknowledgeAlert(ctx, org.id, by(deleted).id, 'usr_test');
    assert.equal(ack.status, 'acknowledged');
    assert.equal((await listAlerts(ctx, org.id, { status: 'open' })).length, 2);
    await assert.rejects(
      acknowledgeAlert(ctx, org.id, 'alr_01m7zzzzzzzzzzzzzzzzzzzzzz', 'usr_test'),
      /not found/,
    );
    const journal = await ctx.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', 'tariff.impact_assessed')
      .execute();
    assert.equal(journal.length, 1);
  });

  it('queues a low-confidence classification and journals the reviewer decision in the same transaction', async () => {
    const q = await classifyAndQueue(ctx, org.id, { title: 'Zorblax widget' }, { threshold: 0.99 });
    assert.equal(q.needsReview, true);
    assert.ok(q.reviewId);
    const pending = await listReviews(ctx, org.id, { status: 'pending' });
    assert.ok(pending.some((p) => p.id === q.reviewId));
    await assert.rejects(
      decideReview(ctx, org.id, q.reviewId!, {
        action: 'override',
        code: '3926.40',
        reason: 'ornament',
        actor: 'usr_x',
      }),
      /3926.40 is a subheading, not a declarable line/,
    );
    await assert.rejects(
      decideReview(ctx, org.id, q.reviewId!, { action: 'override', code: '3926400090', actor: 'usr_x' }),
      /needs a reason/,
    );
    const d = await decideReview(ctx, org.id, q.reviewId!, {
      action: 'override',
      code: '3926.40.00.90',
      reason: 'Decorative ornament of plastics',
      actor: 'usr_x',
    });
    assert.equal(d.status, 'overridden');
    assert.equal(d.decidedCode, '3926400090');
    assert.equal(d.decidedBy, 'usr_x');
    const entry = await ctx.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', 'classification.decided')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor, 'usr_x');
    const data = typeof entry.data === 'string' ? JSON.parse(entry.data) : entry.data;
    assert.equal(data.code, '3926400090');
    assert.equal(data.reason, 'Decorative ornament of plastics');
    await assert.rejects(
      decideReview(ctx, org.id, q.reviewId!, { action: 'accept', actor: 'usr_y' }),
      /already decided/,
    );
    // The decision feeds back at once.
    const again = await classify(ctx, org.id, { title: 'Zorblax widget' });
    assert.equal(again.candidates[0]!.code, '3926400090');
    assert.equal(again.candidates[0]!.evidence.neighbours[0]!.source, 'confirmed');
  });

  it('loads references idempotently and keeps another organisation out of them', async () => {
    const entries = [{ text: 'quuxle fuse holder', code: '8536100040', country: 'US' }];
    assert.deepEqual(await addReferences(ctx, org.id, 'mine', entries), { added: 1, skipped: 0 });
    assert.deepEqual(await addReferences(ctx, org.id, 'mine', entries), { added: 0, skipped: 1 });
    const other = await newOrg(ctx);
    const mine = await classify(ctx, org.id, { title: 'quuxle' });
    const theirs = await classify(ctx, other.id, { title: 'quuxle' });
    assert.equal(mine.candidates[0]!.code, '8536100040');
    assert.equal(
      theirs.candidates.some((c) => c.evidence.neighbours.length > 0),
      false,
    );
  });

  it('trains a re-ranker with `crossgate classify train`, uses it, and refuses a malformed model file', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ranker-home-'));
    try {
      // A tiny synthetic labelled set: made-up words whose code only the labelled neighbours tell.
      const labelled = path.join(home, 'labelled.jsonl');
      const lines = [];
      for (let i = 0; i < 8; i++) {
        lines.push({ task_id: `z${i}`, product_name: `zorp gadget kit ${i}`, hs_code: '8536100020' });
        lines.push({ task_id: `b${i}`, product_name: `blim gadget kit ${i}`, hs_code: '7117909000' });
      }
      fs.writeFileSync(labelled, lines.map((l) => JSON.stringify(l)).join('\n'));
      const atHome = { ...ctx, config: { ...ctx.config, homeDir: home } };
      const input = { title: 'Glass cartridge fuse for plastic bows' };

      const before = await classify(atHome, org.id, input);
      assert.equal(before.rankerVersion, 'default', 'no model installed: the built-in weights');

      const host: CliHost = {
        context: async () => atHome,
        organisation: async () => org as { id: string; slug: string; name: string },
        print: () => {},
        run: (fn) => fn,
      };
      const program = new Command().exitOverride();
      tariffCommands(program, host);
      const write = process.stdout.write;
      const out: string[] = [];
      process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        await program.parseAsync(['classify', 'train', labelled], { from: 'user' });
      } finally {
        process.stdout.write = write;
      }
      const file = path.join(home, 'models', 'classify-ranker.json');
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.match(out.join(''), new RegExp(`re-ranker ${data.version.replace('.', '\\.')} trained on 16`));
      assert.equal(data.trainedAt, '2026-11-02', 'dated by the clock');
      assert.equal(data.training.items, 16);
      assert.match(data.source, /labelled\.jsonl.*Mini B/);
      assert.notEqual(data.version, 'default');

      const after = await classify(atHome, org.id, input);
      assert.equal(after.rankerVersion, data.version, 'the installed model is used and named');
      assert.notDeepEqual(
        after.candidates.map((c) => c.score),
        before.candidates.map((c) => c.score),
        'the trained weights score the candidates',
      );
      // Elsewhere (no model in that home) the built-in weights still apply.
      assert.equal((await classify(ctx, org.id, input)).rankerVersion === data.version, false);

      // A malformed model is refused with an error naming the file, not silently replaced by the defaults.
      fs.writeFileSync(file, JSON.stringify({ ...data, weights: { lexical: 'high' } }));
      await assert.rejects(classify(atHome, org.id, input), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'invalid');
        assert.ok(e.message.includes(file), e.message);
        return true;
      });
      fs.rmSync(file);
      assert.equal((await classify(atHome, org.id, input)).rankerVersion, 'default');

      // Nothing to train on is a clear error.
      const empty = path.join(home, 'empty.jsonl');
      fs.writeFileSync(empty, JSON.stringify({ task_id: 'x', product_name: 'no code' }));
      await assert.rejects(
        program.parseAsync(['classify', 'train', empty], { from: 'user' }),
        /No labelled listings/,
      );
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('classifies the catalogue into the review queue once per product', async () => {
    const o = await newOrg(ctx);
    const mk = async (sku: string, title: string) => {
      await ctx.db
        .insertInto('products')
        .values({
          id: ctx.ids.next('product'),
          org_id: o.id,
          sku,
          title,
          attributes: JSON.stringify({ Material: 'Glass' }),
          category_path: 'Electrical > Fuses',
          content_hash: sku,
          created_at: ctx.clock.now(),
          updated_at: ctx.clock.now(),
        })
        .execute();
    };
    await mk('F1', 'Glass cartridge fuse 5x20');
    await mk('W1', 'Human hair wig');
    const seen: number[] = [];
    const r = await classifyCatalogue(ctx, o.id, { onProgress: (d) => seen.push(d) });
    assert.equal(r.classified, 2);
    assert.equal(r.queued + r.confident, 2);
    assert.deepEqual(seen, [1, 2]);
    const queue = await listReviews(ctx, o.id, { status: 'pending' });
    assert.equal(queue.length, 2);
    assert.ok(queue.every((q) => q.productId && q.suggestions.length > 0 && q.rulesetVersion));
    assert.equal((await classifyCatalogue(ctx, o.id)).classified, 0, 'pending products are not queued twice');
  });

  it('serves validation, classification and the review queue over HTTP with permissions', async () => {
    const viewer = await newUser(ctx, org.id, 'viewer');
    const reviewer = await newUser(ctx, org.id, 'operator', ['classifier']);
    const v = await app.inject({
      method: 'GET',
      url: '/api/tariff/validate?code=8536.50&date=2026-08-01',
      headers: bearer(viewer.token),
    });
    assert.equal(v.statusCode, 200);
    assert.match(
      v.json().message,
      /^8536.50 is a subheading, not a declarable line: choose one of 8536.50.40.00/,
    );
    const viewerQueue = await app.inject({
      method: 'POST',
      url: '/api/classify?threshold=1&queue=true',
      headers: bearer(viewer.token),
      payload: { title: 'Glass cartridge fuse' },
    });
    assert.equal(viewerQueue.statusCode, 403, 'a viewer may classify but not fill the queue');
    const c = await app.inject({
      method: 'POST',
      url: '/api/classify?threshold=1&queue=true',
      headers: bearer(reviewer.token),
      payload: { title: 'Glass cartridge fuse', attributes: { Material: 'Glass' } },
    });
    assert.equal(c.statusCode, 200);
    const body = c.json();
    assert.equal(body.candidates[0].code, '8536100020');
    assert.ok(body.reviewId);
    const denied = await app.inject({
      method: 'POST',
      url: `/api/classify/reviews/${body.reviewId}/decision`,
      headers: bearer(viewer.token),
      payload: { action: 'accept' },
    });
    assert.equal(denied.statusCode, 403);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/classify/reviews/${body.reviewId}/decision`,
      headers: bearer(reviewer.token),
      payload: { action: 'accept' },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'accepted');
    const diff = await app.inject({
      method: 'GET',
      url: '/api/tariff/diff?from=Mini A&to=Mini B',
      headers: bearer(viewer.token),
    });
    assert.equal(diff.statusCode, 200);
    assert.deepEqual(diff.json().summary, { added: 1, deleted: 1, redescribed: 1, rerated: 3, moved: 1 });

    const batch = await app.inject({
      method: 'POST',
      url: '/api/classify/batch',
      headers: bearer(viewer.token),
      payload: {
        ndjson: [
          JSON.stringify({
            task_id: 41,
            product_name: 'Glass cartridge fuse',
            product_attributes: '{"Material":"Glass"}',
            cate_lv1_desc: 'Electrical',
            hs_code: 9999999999,
          }),
          '{not json',
        ].join('\n'),
        k: 2,
      },
    });
    assert.equal(batch.statusCode, 200);
    const [first, second] = batch.json().items;
    assert.equal(first.id, '41');
    assert.equal(first.codes.length, 2);
    assert.equal(first.codes[0].code, '8536100020', 'the label field is ignored');
    assert.equal(second.id, 'line-2');
    assert.ok(second.error);

    const refs = await app.inject({
      method: 'POST',
      url: '/api/classify/references',
      headers: bearer(reviewer.token),
      payload: {
        source: 'hmrc',
        format: 'hmrc',
        content: JSON.stringify({ 'blorptastic gizmo': '8536500000' }),
      },
    });
    assert.equal(refs.statusCode, 200);
    assert.deepEqual(refs.json(), { added: 1, skipped: 0 });

    const imp = await app.inject({
      method: 'POST',
      url: '/api/tariff/revisions',
      headers: bearer(reviewer.token),
      payload: { content: 'x', label: 'nope', validFrom: '2026-01-01' },
    });
    assert.equal(imp.statusCode, 403, 'importing a revision needs tariff:admin');
  });
});
