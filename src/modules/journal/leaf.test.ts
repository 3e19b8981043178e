import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, canonicalJsonOf } from './canonical-json.ts';
import { encodeLeaf, identityHashOf, leafHashOf, LEAF_FORMAT, type LeafFields } from './leaf.ts';
import { checkpointText, parseCheckpoint } from './checkpoint.ts';

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units (the RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    assert.equal(
      canonicalJson(input),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes numbers in their shortest round-trip form (RFC 8785 Appendix B samples)', () => {
    assert.equal(
      canonicalJson([
        // biome-ignore lint/correctness/noPrecisionLoss: the RFC's sample is deliberately over-precise
        333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0, 1e21,
      ]),
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,1e+21]',
    );
  });

  it('has no whitespace and nests deterministically', () => {
    assert.equal(
      canonicalJson({ b: [1, { d: true, c: null }], a: 'x' }),
      '{"a":"x","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('refuses values JSON cannot carry instead of dropping them', () => {
    assert.throws(() => canonicalJson({ x: Number.NaN }), /not representable/);
    assert.throws(() => canonicalJson({ x: 10n }), /bigint/);
    assert.throws(() => canonicalJson({ x: '\ud800' }), /lone surrogate/);
    assert.throws(() => canonicalJson({ x: new Map() }), /plain objects/);
  });
});

describe('canonicalJsonOf (the append path: one pass over caller-built data)', () => {
  class Money {
    readonly amount: string;
    constructor(amount: string) {
      this.amount = amount;
    }
    toJSON() {
      return { amount: this.amount, currency: 'EUR' };
    }
  }
  class Point {
    x = 1;
    y = [2, undefined];
  }
  const cases: unknown[] = [
    { b: 1, a: [1, 'x', null, true, false] },
    { when: new Date('2026-11-02T09:00:00.123Z'), skip: undefined, fn: () => 1, sym: Symbol('s') },
    [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-324],
    { price: new Money('12.50'), nested: { list: [new Money('1'), { z: 1, y: { x: [] } }] } },
    { boxed: [new Number(4.5), new String('s'), new Boolean(false)] },
    { map: new Map([['k', 1]]), set: new Set([1]), point: new Point() },
    { '\u20ac': 'e', '\r': 'cr', '1': 'one', '\ud83d\ude00': 'emoji', '\u0080': 'c', '\u00f6': 'o' },
    { quote: 'a"b\\c\n\u2028', empty: {}, emptyList: [] },
    'plain string',
    42,
    null,
  ];
  it('gives exactly canonicalJson(JSON.parse(JSON.stringify(value)))', () => {
    for (const v of cases) assert.equal(canonicalJsonOf(v), canonicalJson(JSON.parse(JSON.stringify(v))));
  });
  it('refuses what the round trip would refuse', () => {
    assert.throws(() => canonicalJsonOf({ x: 10n }), /bigint/);
    assert.throws(() => canonicalJsonOf({ x: '\ud800' }), /lone surrogate/);
    assert.throws(() => canonicalJsonOf(undefined), /not representable/);
    const loop: Record<string, unknown> = {};
    loop.self = { loop };
    assert.throws(() => canonicalJsonOf(loop), /circular/);
  });
});

// Golden: these bytes and hashes are the journal's on-disk format 1. If a test here fails, the leaf
// format changed: existing logs would no longer verify. Introduce a new format version instead.
const GOLDEN: LeafFields = {
  log: 'crossgate/journal/org_01jz0000000000000000000000',
  index: 41,
  id: 'jnl_01jz0000000000000000000001',
  kind: 'trace.event_recorded',
  version: 1,
  actor: 'usr_01jz0000000000000000000002',
  subject: 'shp_01jz0000000000000000000003',
  data: {
    link: 'export_clearance',
    occurredAt: '2026-10-30T08:15:00.000Z',
    country: 'CN',
    qty: 1200,
    ok: true,
  },
  at: '2026-11-02T09:00:00.000Z',
};

describe('journal leaf format 1 (golden)', () => {
  it('encodes a leaf as these exact bytes', () => {
    assert.equal(LEAF_FORMAT, 1);
    assert.equal(
      encodeLeaf(GOLDEN).toString('utf8'),
      '{"actor":"usr_01jz0000000000000000000002","at":"2026-11-02T09:00:00.000Z","data":{"country":"CN","link":"export_clearance","occurredAt":"2026-10-30T08:15:00.000Z","ok":true,"qty":1200},"id":"jnl_01jz0000000000000000000001","index":41,"kind":"trace.event_recorded","log":"crossgate/journal/org_01jz0000000000000000000000","subject":"shp_01jz0000000000000000000003","v":1,"version":1}',
    );
  });

  it('hashes that leaf and its identity to these values', () => {
    assert.equal(
      leafHashOf(GOLDEN).toString('hex'),
      '960c917db9bb2b63db57b65758de89aa03600757eadf2da3690e376f9ff2ce94',
    );
    assert.equal(
      identityHashOf(GOLDEN).toString('hex'),
      'f86be3fed2d005d186dbf1b66f95b2e3c58cb35ec845fd35f2457b0ae67f2c79',
    );
  });

  it('keeps the identity of a fact apart from when, by whom and where it was logged', () => {
    const later = {
      ...GOLDEN,
      index: 99,
      id: 'jnl_01jz0000000000000000000009',
      actor: 'system:import',
      at: '2027-01-01T00:00:00.000Z',
    };
    assert.deepEqual(identityHashOf(later), identityHashOf(GOLDEN));
    assert.notDeepEqual(leafHashOf(later), leafHashOf(GOLDEN));
    assert.notDeepEqual(
      identityHashOf({ ...GOLDEN, data: { ...GOLDEN.data, qty: 1201 } }),
      identityHashOf(GOLDEN),
    );
  });

  it('writes checkpoints in the tlog-checkpoint layout and reads them back', () => {
    const text = checkpointText({
      origin: GOLDEN.log,
      treeSize: 42,
      rootHash: Buffer.alloc(32, 7),
      timestamp: GOLDEN.at,
    });
    assert.equal(
      text,
      `${GOLDEN.log}\n42\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\ntimestamp 2026-11-02T09:00:00.000Z\n`,
    );
    assert.deepEqual(parseCheckpoint(text).treeSize, 42);
    assert.throws(() => parseCheckpoint(text.replace('42', 'x')));
  });
});
