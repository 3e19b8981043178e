import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { encode } from './index.ts';
import { baseFilings } from '../test/base-filings.ts';

/**
 * Golden tests: each encoder's output is pinned byte for byte in test/golden/. A deliberate format change
 * regenerates them with CROSSGATE_UPDATE_GOLDEN=1 and shows up in review as a fixture diff.
 */
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'golden');
const update = process.env.CROSSGATE_UPDATE_GOLDEN === '1';

describe('filing encoders', () => {
  const bases = baseFilings();
  const cases: Array<[string, string]> = [
    ['isf', 'us-isf.catair.txt'],
    ['entryOcean', 'us-entry-01.catair.txt'],
    ['entryAir', 'us-entry-11.catair.txt'],
    ['placi', 'eu-ens-placi.xml'],
    ['ensAir', 'eu-ens-air.xml'],
    ['ensOcean', 'eu-ens-sea.xml'],
    ['h7', 'eu-h7.xml'],
    ['cdsLow', 'uk-cds-low-value.xml'],
    ['cdsStd', 'uk-cds-standard.xml'],
  ];
  for (const [base, file] of cases) {
    it(`encodes ${base} exactly as ${file}`, () => {
      const out = encode(bases[base]!);
      const p = path.join(dir, file);
      if (update || !fs.existsSync(p)) fs.writeFileSync(p, out.payload);
      assert.equal(out.payload, fs.readFileSync(p, 'utf8'));
    });
  }

  it('writes CATAIR records of exactly 80 ASCII characters', () => {
    for (const base of ['isf', 'entryOcean', 'entryAir']) {
      const lines = encode(bases[base]!).payload.slice(0, -1).split('\n');
      for (const l of lines) assert.match(l, /^[\x20-\x7E]{80}$/);
    }
  });

  it('carries the entry number with its check digit and the MPF/HMF fee lines', () => {
    const text = encode(bases.entryOcean!).payload;
    const r10 = text.split('\n')[0]!;
    assert.equal(r10.slice(3, 6), 'B7X');
    assert.equal(r10.slice(6, 14), '00012340');
    const r89 = text.split('\n').find((l) => l.startsWith('89'))!;
    assert.match(r89, /^89499\d{11}501\d{11}/);
  });

  it('is deterministic and hashes the payload', () => {
    const a = encode(bases.h7!);
    const b = encode(structuredClone(bases.h7!));
    assert.equal(a.sha256, b.sha256);
    assert.equal(a.format, 'eu-h7-xml');
  });

  it('keeps every CATAIR record 80 printable ASCII characters whatever the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        (desc, name) => {
          const f = structuredClone(bases.entryOcean!);
          f.lines[0]!.description = desc;
          f.parties[0]!.name = name;
          const isf = structuredClone(bases.isf!);
          isf.parties[0]!.name = name;
          for (const text of [encode(f).payload, encode(isf).payload])
            for (const line of text.slice(0, -1).split('\n')) assert.match(line, /^[\x20-\x7E]{80}$/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('escapes XML special characters in names and descriptions', () => {
    const f = structuredClone(bases.cdsLow!);
    f.lines[0]!.description = 'Cables <USB-C> & "adapters"';
    const xml = encode(f).payload;
    assert.ok(xml.includes('Cables &lt;USB-C&gt; &amp; &quot;adapters&quot;'));
    assert.ok(!xml.includes('<USB-C>'));
  });
});
