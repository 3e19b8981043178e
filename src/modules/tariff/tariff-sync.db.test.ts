import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FixedClock } from '../../platform/clock.ts';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { importRevision, revisionInForce } from './tariff.service.ts';
import { listAlerts } from './tariff-impact.service.ts';
import { syncTariff } from './tariff-sync.ts';

describe('scheduled tariff sync (real HTTP server on loopback)', () => {
  let ctx: TestContext;
  let server: http.Server;
  let url: string;
  const clock = new FixedClock('2026-09-01T06:00:00Z');
  let body = fs.readFileSync(new URL('./fixtures/hts-mini-b.csv', import.meta.url));
  let etag = '"v1"';
  const seen: Array<Record<string, string | undefined>> = [];

  before(async () => {
    ctx = await testContext({ clock });
    server = http.createServer((req, res) => {
      seen.push({
        inm: req.headers['if-none-match'] as string | undefined,
        ims: req.headers['if-modified-since'] as string | undefined,
      });
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/csv',
        etag,
        'last-modified': 'Mon, 31 Aug 2026 12:00:00 GMT',
      });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hts.csv`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await ctx.dispose();
  });

  it('imports on 200, sends the validators next time, and switches only when the file changed', async () => {
    const org = await newOrg(ctx);
    const a = await importRevision(ctx, {
      content: fs.readFileSync(new URL('./fixtures/hts-mini-a.csv', import.meta.url)),
      label: 'A',
      validFrom: '2026-01-01',
      source: 'fixture',
    });
    const pid = ctx.ids.next('product');
    await ctx.db
      .insertInto('products')
      .values({
        id: pid,
        org_id: org.id,
        sku: 'S1',
        title: 'fuse',
        attributes: '{}',
        hs_code: '8536694020',
        content_hash: 'x',
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();

    const first = await syncTariff(ctx, { url });
    assert.equal(first.outcome, 'imported');
    assert.notEqual(first.revisionId, a.revision.id);
    assert.equal(
      (await revisionInForce(ctx, 'US-HTS'))?.id,
      first.revisionId,
      'the new revision is in force',
    );
    assert.equal(first.alerts, 1);
    assert.equal((await listAlerts(ctx, org.id))[0]!.kind, 'code_deleted');
    assert.equal(seen[0]!.inm, undefined);

    const second = await syncTariff(ctx, { url });
    assert.equal(second.outcome, 'not_modified');
    assert.equal(seen[1]!.inm, '"v1"');
    assert.equal(seen[1]!.ims, 'Mon, 31 Aug 2026 12:00:00 GMT');

    // A new ETag but the same bytes: no new revision.
    etag = '"v2"';
    assert.equal((await syncTariff(ctx, { url })).outcome, 'unchanged_content');

    // A broken file never replaces the revision in force.
    etag = '"v3"';
    body = Buffer.from('not,a,tariff\n1,2,3\n');
    await assert.rejects(syncTariff(ctx, { url }), /missing column/);
    assert.equal((await revisionInForce(ctx, 'US-HTS'))?.id, first.revisionId);
  });

  it('reports an unreachable source as unavailable', async () => {
    await assert.rejects(syncTariff(ctx, { url: 'http://127.0.0.1:9/none.csv' }), /could not be reached/);
  });
});
