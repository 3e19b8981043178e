import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testContext, type TestContext } from '../support/context.ts';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { buildForShipment, checkFiling } from '../../src/modules/filings/index.ts';
import { encodeFiling } from '../../src/modules/filings/index.ts';

/**
 * Filings for every regime built from the demo exporter's realistic shipments (issue 5: "tests for each
 * regime with realistic shipments from the demo data"): each destination gets its regime's filings,
 * every filing's checkpoints run and are stored, and each encodes to its wire format.
 */
describe('filings built from the demo company', () => {
  let ctx: TestContext;
  let orgId: string;
  before(async () => {
    ctx = await testContext();
    await loadDemo(ctx, { seed: 7, scale: 0.05 });
    orgId = (
      await ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(() => ctx.dispose());

  it('builds, checks and encodes the filings each destination needs', async () => {
    const shipments = await ctx.db
      .selectFrom('shipments')
      .select(['id', 'mode', 'destination_country'])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    assert.ok(shipments.length >= 10, `only ${shipments.length} demo shipments`);
    const kinds = new Map<string, number>();
    const formats = new Set<string>();
    for (const s of shipments) {
      const built = await buildForShipment(ctx, orgId, s.id, 'test');
      for (const b of built) {
        if (!b.filingId) continue;
        kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
        const checked = await checkFiling(ctx, orgId, b.filingId, 'test');
        assert.ok(checked.ran > 40, `${b.kind} ran only ${checked.ran} checkpoints`);
        formats.add((await encodeFiling(ctx, orgId, b.filingId)).format);
      }
      if (s.destination_country === 'US' && s.mode === 'ocean')
        assert.ok(
          built.some((b) => b.kind === 'us_isf'),
          'ocean to the US needs an ISF',
        );
    }
    for (const k of ['us_entry', 'eu_ens', 'eu_h7', 'uk_cds'])
      assert.ok((kinds.get(k) ?? 0) > 0, `no ${k} built: ${[...kinds]}`);
    assert.deepEqual([...formats].sort(), ['catair-fixed-80', 'eu-h7-xml', 'ics2-ens-v3-xml', 'wco-dms-xml']);
    const stored = await ctx.db
      .selectFrom('filings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('check_summary', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.equal(
      Number(stored.n),
      [...kinds.values()].reduce((a, b) => a + b, 0),
      'every filing keeps its checkpoint results',
    );
  });
});
