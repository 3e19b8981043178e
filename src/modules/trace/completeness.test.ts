import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCompleteness, type ShipmentFacts, type TraceEventView } from './completeness.ts';
import { LINKS } from './trace.links.ts';

const ship: ShipmentFacts = {
  mode: 'ocean',
  originCountry: 'CN',
  destinationCountry: 'US',
  atd: '2026-10-10T06:00:00.000Z',
  ata: '2026-10-28T12:00:00.000Z',
};
const DAY = 86_400_000;
const start = Date.parse('2026-09-01T00:00:00Z');
const COUNTRY: Record<string, string> = {
  main_carriage_arrival: 'US',
  import_clearance: 'US',
  on_carriage: 'US',
  warehouse_receipt: 'US',
  last_mile_delivery: 'US',
};
const OCCURS: Record<string, number> = {
  raw_material_origin: 0,
  production_batch: 10,
  packing: 30,
  first_mile: 32,
  consolidation: 34,
  export_clearance: 36,
  main_carriage_departure: 39.25,
  main_carriage_arrival: 57.5,
  import_clearance: 58,
  on_carriage: 59,
  warehouse_receipt: 60,
  last_mile_delivery: 63,
};

function chain(): TraceEventView[] {
  return LINKS.map((l, i) => {
    const at = start + OCCURS[l.code]! * DAY;
    return {
      id: `trc_${i}`,
      reference: `ev-${l.code}`,
      link: l.code,
      shipmentId: l.scope === 'shipment' ? 'shp_1' : null,
      productId: l.scope === 'product' ? 'prd_1' : null,
      occurredAt: new Date(at).toISOString(),
      recordedAt: new Date(at + 3_600_000).toISOString(),
      country: COUNTRY[l.code] ?? 'CN',
      location: 'somewhere',
      facility: null,
      batch: null,
      leg: null,
      carrier: null,
      details: {},
      journalEntryId: `jnl_${i}`,
    };
  });
}
const now = new Date('2026-11-20T00:00:00Z');
const statusOf = (c: ReturnType<typeof scoreCompleteness>, code: string) =>
  c.links.find((l) => l.code === code)!;

describe('chain-of-custody completeness', () => {
  it('scores a full, consistent chain of all 12 links at 100', () => {
    const c = scoreCompleteness(ship, chain(), now);
    assert.equal(c.links.length, 12);
    assert.equal(c.score, 100);
    assert.equal(c.level, 'complete');
    assert.equal(c.counts.present, 12);
    assert.match(c.rulesVersion, /^trace-links@/);
  });

  it('names missing links and lowers the score by their weight', () => {
    const c = scoreCompleteness(
      ship,
      chain().filter((e) => e.link !== 'raw_material_origin' && e.link !== 'packing'),
      now,
    );
    assert.equal(statusOf(c, 'raw_material_origin').status, 'missing');
    assert.equal(statusOf(c, 'packing').status, 'missing');
    const total = LINKS.reduce((s, l) => s + l.weight, 0);
    assert.equal(c.score, Math.round(((total - 1.5 - 1) / total) * 1000) / 10);
    assert.equal(c.level, 'partial');
  });

  it('counts a link reported after its window as late, for half its weight', () => {
    const events = chain();
    const e = events.find((x) => x.link === 'export_clearance')!;
    e.recordedAt = new Date(Date.parse(e.occurredAt) + 5 * DAY).toISOString();
    const c = scoreCompleteness(ship, events, now);
    assert.equal(statusOf(c, 'export_clearance').status, 'late');
    assert.match(statusOf(c, 'export_clearance').reasons[0]!, /120 h after/);
    assert.ok(c.score < 100 && c.score > 90);
  });

  it('flags contradictions: wrong country, wrong order, conflicting duplicates, milestone mismatch', () => {
    const events = chain();
    events.find((x) => x.link === 'import_clearance')!.country = 'MX';
    events.find((x) => x.link === 'packing')!.occurredAt = new Date(start + 5 * DAY).toISOString();
    events.push({
      ...events.find((x) => x.link === 'export_clearance')!,
      id: 'trc_dup',
      reference: 'dup',
      location: 'elsewhere',
    });
    events.find((x) => x.link === 'main_carriage_departure')!.occurredAt = new Date(
      start + 45 * DAY,
    ).toISOString();
    const c = scoreCompleteness(ship, events, now);
    assert.match(statusOf(c, 'import_clearance').reasons.join(), /MX.*destination is US/);
    assert.match(statusOf(c, 'packing').reasons.join(), /before the production batch/);
    assert.match(statusOf(c, 'export_clearance').reasons.join(), /conflicting/);
    assert.match(statusOf(c, 'main_carriage_departure').reasons.join(), /ATD/);
    for (const code of ['import_clearance', 'packing', 'export_clearance', 'main_carriage_departure'])
      assert.equal(statusOf(c, code).status, 'contradictory', code);
  });

  it('does not require consolidation, on-carriage or a warehouse for express parcels', () => {
    const c = scoreCompleteness(
      { ...ship, mode: 'express' },
      chain().filter((e) => !['consolidation', 'on_carriage', 'warehouse_receipt'].includes(e.link)),
      now,
    );
    assert.equal(statusOf(c, 'consolidation').status, 'not_applicable');
    assert.equal(c.score, 100);
  });

  it('flags an event dated in the future', () => {
    const events = chain();
    events.find((x) => x.link === 'last_mile_delivery')!.occurredAt = '2027-01-01T00:00:00.000Z';
    assert.equal(
      statusOf(scoreCompleteness(ship, events, now), 'last_mile_delivery').status,
      'contradictory',
    );
  });
});
