import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemClock } from '../../src/platform/clock.ts';
import { newOrg, newUser, testContext, type TestContext } from '../support/context.ts';
import {
  buildForShipment,
  checkFiling,
  configureFilings,
  putFilingSettings,
} from '../../src/modules/filings/index.ts';
import { insertShipment } from '../../src/modules/filings/test/factories.ts';
import { fixtureTariff, ukLowBundle, usOceanBundle } from '../../src/modules/filings/test/fixtures.ts';
import { OutboxWorker, startSandbox } from '../../src/modules/gateway/index.ts';
import { loadGatewayEnv, workerSettings } from '../../src/modules/gateway/gateway.config.ts';
import { submitFiling } from '../../src/modules/gateway/submit.service.ts';

/**
 * The spine end to end, across modules as src/app/workflows.ts wires them: a shipment's filing is built
 * and validated (filings), queued in the transaction that marks it submitted (gateway outbox), sent by a
 * worker to a real customs sandbox on loopback, and the authority's acceptance comes back to the filing.
 */
describe('shipment to customs acceptance', () => {
  let ctx: TestContext;
  let org: { id: string };
  let filer: { id: string };

  before(async () => {
    ctx = await testContext({ clock: systemClock });
    // After the context: creating it wires the tariff service's validator, which this test replaces.
    configureFilings({ tariffFor: async () => fixtureTariff });
    org = await newOrg(ctx);
    filer = await newUser(ctx, org.id, 'specialist');
    await putFilingSettings(
      ctx,
      org.id,
      { filerCode: 'B7X', gbEori: 'GB123456789000', gbVatNumber: 'GB980780684' },
      'test',
    );
  });
  after(() => ctx.dispose());

  async function validatedFiling(kind: string, bundle: Parameters<typeof insertShipment>[2]) {
    const { shipmentId } = await insertShipment(ctx, org.id, bundle);
    const built = await buildForShipment(ctx, org.id, shipmentId, filer.id);
    const f = built.find((b) => b.kind === kind)!;
    const checked = await checkFiling(ctx, org.id, f.filingId!, filer.id);
    return { id: f.filingId!, status: checked.status };
  }

  const statusOf = async (id: string) =>
    (await ctx.db.selectFrom('filings').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;

  it('takes a validated UK declaration to "accepted", exactly once at the authority, with the trail journaled', async () => {
    const sandbox = await startSandbox({ port: 0 });
    ctx.config.CROSSGATE_CUSTOMS_URL = sandbox.url;
    try {
      const filing = await validatedFiling('uk_cds', ukLowBundle());
      assert.equal(filing.status, 'validated');

      const queued = await submitFiling(ctx, org.id, filing.id, filer.id);
      assert.equal(queued.queued, true);
      assert.equal(await statusOf(filing.id), 'submitted', 'queued in the same transaction that submits it');
      assert.equal(
        (await submitFiling(ctx, org.id, filing.id, filer.id)).queued,
        false,
        'a second submit queues nothing',
      );

      const worker = new OutboxWorker(ctx, {
        settings: workerSettings({
          ...loadGatewayEnv({}),
          CROSSGATE_GATEWAY_RETRY_BASE_MS: 1,
          CROSSGATE_GATEWAY_POLL_MS: 20,
        }),
        secrets: { get: async () => undefined },
      });
      const deadline = Date.now() + 15_000;
      while ((await statusOf(filing.id)) === 'submitted') {
        assert.ok(Date.now() < deadline, 'no acknowledgement within 15 s');
        await worker.sendOnce();
        await worker.pullOnce(30);
      }
      assert.equal(await statusOf(filing.id), 'accepted');
      const report = sandbox.state.acceptedReport();
      assert.equal(report.accepted, 1, 'the authority accepted exactly one declaration');
      assert.deepEqual(report.acceptedMoreThanOnce, []);

      const kinds = (
        await ctx.db
          .selectFrom('journal_entries')
          .select(['kind', 'subject'])
          .where('org_id', '=', org.id)
          .execute()
      )
        .filter((e) => e.subject === filing.id || e.kind.startsWith('gateway.'))
        .map((e) => e.kind);
      for (const k of ['gateway.submission_queued', 'gateway.attempt', 'gateway.ack_received'])
        assert.ok(kinds.includes(k), `journal has ${k}: ${kinds.join(', ')}`);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to submit a filing that has not passed its checkpoints', async () => {
    const { shipmentId } = await insertShipment(ctx, org.id, usOceanBundle());
    const built = await buildForShipment(ctx, org.id, shipmentId, filer.id);
    const draft = built.find((b) => b.filingId)!;
    await assert.rejects(
      submitFiling(ctx, org.id, draft.filingId!, filer.id),
      /only validated filings can be submitted/,
    );
    assert.equal(await statusOf(draft.filingId!), 'draft');
  });
});
