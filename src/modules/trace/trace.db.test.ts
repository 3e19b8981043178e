import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import { chainCsv, newShipment } from '../../../test/support/trace-fixtures.ts';
import { openCheckpoint, rootFromPath } from '../../../test/support/rfc6962.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { checkBundle, verifyJournal } from '../journal/index.ts';

/** Text drawn by pdfkit's standard fonts: hex strings in (deflated) content streams. */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const from = m.index + m[0].length;
    const to = s.indexOf('endstream', from);
    const raw = pdf.subarray(from, to);
    let body: string;
    try {
      body = zlib.inflateSync(raw).toString('latin1');
    } catch {
      body = raw.toString('latin1');
    }
    for (const t of body.matchAll(/<([0-9a-f]+)>/gi)) out.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
    out.push('\n');
  }
  return out.join('');
}

describe('traceability', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let org: { id: string };
  let operator: { token: string };
  let viewer: { token: string };
  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    org = await newOrg(ctx);
    operator = await newUser(ctx, org.id, 'operator');
    viewer = await newUser(ctx, org.id, 'viewer');
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('imports a CSV chain once, journals every event, and changes nothing on re-import', async () => {
    const s = await newShipment(ctx, org.id);
    const csv = chainCsv(s.reference, s.sku, ctx.clock.now());
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/api/trace/imports',
        headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
        payload: csv,
      });
    const first = await post();
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(
      { ...(first.json() as object), sha256: undefined },
      { rows: 12, recorded: 12, unchanged: 0, rejected: [], sha256: undefined },
    );
    const again = (await post()).json();
    assert.equal(again.recorded, 0);
    assert.equal(again.unchanged, 12);
    const entries = await ctx.db
      .selectFrom('journal_entries')
      .select(['kind', 'data'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'trace.event_recorded')
      .where('subject', 'in', [s.shipmentId, s.productId])
      .execute();
    assert.equal(entries.length, 12);
    const lastMile = entries.find((e) => e.data.link === 'last_mile_delivery')!;
    const text = JSON.stringify(lastMile.data);
    assert.ok(!text.includes('Jane'), 'the recipient is not journaled in clear');
    assert.match(text, /receivedByRef":"hmac-sha256:[\w-]{16,}"/);
  });

  it('rejects bad rows with their line, field and reason, and records the good ones', async () => {
    const s = await newShipment(ctx, org.id);
    const ndjson = [
      JSON.stringify({
        reference: 'n-1',
        link: 'packing',
        shipmentRef: s.reference,
        occurredAt: '2026-10-01T00:00:00Z',
        country: 'CN',
      }),
      JSON.stringify({
        reference: 'n-2',
        link: 'teleport',
        shipmentRef: s.reference,
        occurredAt: '2026-10-01T00:00:00Z',
        country: 'CN',
      }),
      '{not json',
      JSON.stringify({
        reference: 'n-4',
        link: 'first_mile',
        shipmentRef: s.reference,
        occurredAt: '2026-10-02T00:00:00Z',
        country: 'CN',
      }),
      JSON.stringify({
        reference: 'n-5',
        link: 'packing',
        shipmentRef: 'NO-SUCH',
        occurredAt: '2026-10-01T00:00:00Z',
        country: 'CN',
      }),
    ].join('\n');
    const r = await app.inject({
      method: 'POST',
      url: '/api/trace/imports',
      headers: { ...bearer(operator.token), 'content-type': 'application/x-ndjson' },
      payload: ndjson,
    });
    const body = r.json();
    assert.equal(body.recorded, 1);
    const byRow = Object.fromEntries(
      body.rejected.map((x: { row: number; field: string }) => [x.row, x.field]),
    );
    assert.equal(byRow[2], 'link');
    assert.ok(byRow[3]);
    assert.equal(byRow[4], 'location');
    assert.equal(byRow[5], 'shipmentRef');
  });

  it('records events through the API all-or-nothing and only for writers', async () => {
    const s = await newShipment(ctx, org.id);
    const ev = {
      reference: 'api-1',
      link: 'packing',
      shipmentRef: s.reference,
      occurredAt: '2026-10-01T00:00:00Z',
      country: 'CN',
    };
    const denied = await app.inject({
      method: 'POST',
      url: '/api/trace/events',
      headers: bearer(viewer.token),
      payload: { events: [ev] },
    });
    assert.equal(denied.statusCode, 403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/trace/events',
      headers: bearer(operator.token),
      payload: { events: [ev, { ...ev, reference: 'api-2', country: 'XX' }] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().issues[0].field, 'events.1.country');
    const none = await ctx.db
      .selectFrom('trace_events')
      .select('id')
      .where('reference', '=', 'api-1')
      .execute();
    assert.equal(none.length, 0);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/trace/events',
      headers: bearer(operator.token),
      payload: { events: [ev] },
    });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().recorded.length, 1);
  });

  it("returns a shipment's chain with completeness and proofs an independent verifier accepts", async () => {
    const s = await newShipment(ctx, org.id);
    const csv = chainCsv(s.reference, s.sku, ctx.clock.now())
      .split('\n')
      .filter((l) => !l.includes('consolidation'))
      .join('\n');
    await app.inject({
      method: 'POST',
      url: '/api/trace/imports',
      headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
      payload: csv,
    });
    const r = await app.inject({
      method: 'GET',
      url: `/api/trace/shipments/${s.reference}?proofs=true`,
      headers: bearer(viewer.token),
    });
    assert.equal(r.statusCode, 200, r.body);
    const t = r.json();
    assert.equal(t.events.length, 11);
    assert.equal(
      t.completeness.links.find((l: { code: string }) => l.code === 'consolidation').status,
      'missing',
    );
    assert.ok(t.completeness.score < 100 && t.completeness.score > 90);
    const pk = (
      await app.inject({ method: 'GET', url: '/api/journal/public-key', headers: bearer(viewer.token) })
    ).json().publicKey;
    const cp = openCheckpoint(t.proofs.checkpoint.text, t.proofs.checkpoint.signature, pk);
    assert.ok(cp.ok);
    for (const e of t.proofs.entries) {
      const root = rootFromPath(
        e.index,
        cp.size,
        Buffer.from(e.leaf),
        e.proof.map((h: string) => Buffer.from(h, 'hex')),
      );
      assert.ok(root?.equals(cp.root));
    }
  });

  it('issues a dossier as a real PDF and a JSON whose proofs verify offline, and keeps it', async () => {
    const s = await newShipment(ctx, org.id);
    await app.inject({
      method: 'POST',
      url: '/api/trace/imports',
      headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
      payload: chainCsv(s.reference, s.sku, ctx.clock.now()),
    });
    const issued = await app.inject({
      method: 'POST',
      url: `/api/trace/shipments/${s.shipmentId}/dossiers`,
      headers: bearer(viewer.token),
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const meta = issued.json();
    assert.equal(meta.score, 100);
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/trace/dossiers/${meta.id}`,
      headers: bearer(viewer.token),
    });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const bytes = pdf.rawPayload;
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(bytes.subarray(-8).toString().includes('%%EOF'));
    const text = pdfText(bytes);
    assert.match(text, /Supply-chain traceability dossier/);
    assert.ok(text.includes(`Shipment ${s.reference}`));
    assert.match(text, /Completeness: 100 \/ 100/);
    assert.match(text, /Brightway Knitting Factory/);
    assert.match(text, /Proof of record/);
    const json = (
      await app.inject({
        method: 'GET',
        url: `/api/trace/dossiers/${meta.id}?format=json`,
        headers: bearer(viewer.token),
      })
    ).json();
    assert.equal(json.events.length, 12);
    const pk = (
      await app.inject({ method: 'GET', url: '/api/journal/public-key', headers: bearer(viewer.token) })
    ).json().publicKey;
    const check = checkBundle(json, pk);
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal(check.entries.length, 12);
    const issuedEntry = await ctx.db
      .selectFrom('journal_entries')
      .select('data')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'trace.dossier_issued')
      .where('subject', '=', s.shipmentId)
      .executeTakeFirstOrThrow();
    assert.equal(issuedEntry.data.pdfSha256, meta.pdfSha256);
    // Retention: neither the service nor the database lets the dossier go within 5 years.
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/trace/dossiers/${meta.id}`,
      headers: bearer(operator.token),
    });
    assert.equal(del.statusCode, 409);
    assert.match(del.json().detail, /retention period/);
    await assert.rejects(
      sql`delete from trace_dossiers where id = ${meta.id}`.execute(ctx.db),
      /retention period/,
    );
    await assert.rejects(
      sql`delete from trace_events where org_id = ${org.id}`.execute(ctx.db),
      /retention period/,
    );
    assert.ok((await verifyJournal(ctx, org.id)).ok);
  });

  it("does not show another tenant's shipment", async () => {
    const other = await newOrg(ctx);
    const s = await newShipment(ctx, other.id);
    const r = await app.inject({
      method: 'GET',
      url: `/api/trace/shipments/${s.shipmentId}`,
      headers: bearer(viewer.token),
    });
    assert.equal(r.statusCode, 404);
  });

  it("lists the completeness of every shipment, agreeing with each shipment's own trace", async () => {
    const s = await newShipment(ctx, org.id);
    const half = chainCsv(s.reference, s.sku, ctx.clock.now()).split('\n').slice(0, 7).join('\n');
    await app.inject({
      method: 'POST',
      url: '/api/trace/imports',
      headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
      payload: half,
    });
    const items: Array<{ id: string; score: number; missing: string[] }> = [];
    let cursor: string | null = null;
    do {
      const r: {
        statusCode: number;
        body: string;
        json(): { items: typeof items; nextCursor: string | null };
      } = await app.inject({
        method: 'GET',
        url: `/api/trace/shipments?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(viewer.token),
      });
      assert.equal(r.statusCode, 200, r.body);
      items.push(...r.json().items);
      cursor = r.json().nextCursor;
    } while (cursor);
    assert.ok(items.length >= 5);
    for (const it of items) {
      const one = (
        await app.inject({
          method: 'GET',
          url: `/api/trace/shipments/${it.id}`,
          headers: bearer(viewer.token),
        })
      ).json();
      assert.equal(it.score, one.completeness.score, it.id);
    }
    const mine = items.find((i) => i.id === s.shipmentId)!;
    assert.deepEqual(mine.missing.slice(0, 2), ['main_carriage_departure', 'main_carriage_arrival']);
  });
});
