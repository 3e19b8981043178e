import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseHtsCsv } from './hts-format.ts';
import { Schedule } from './schedule.ts';
import { diffSchedules, summariseChanges } from './tariff-diff.ts';

const load = (file: string | URL) => new Schedule(parseHtsCsv(fs.readFileSync(file)));
const fixture = (name: string) => load(new URL(`./fixtures/${name}`, import.meta.url));

describe('revision diff', () => {
  const changes = diffSchedules(fixture('hts-mini-a.csv'), fixture('hts-mini-b.csv'));
  const of = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.code);

  it('finds added and deleted statistical lines', () => {
    assert.deepEqual(of('added'), ['8536509060']);
    assert.deepEqual(of('deleted'), ['8536694020']);
  });
  it('reports a code renumbered with the same text as moved, with where it went', () => {
    const moved = changes.find((c) => c.kind === 'moved')!;
    assert.equal(moved.code, '8536509020');
    assert.equal(moved.to, '8536509031');
  });
  it('reports re-described lines with old and new text', () => {
    const c = changes.find((x) => x.kind === 'redescribed')!;
    assert.equal(c.code, '3926909910');
    assert.equal(c.old?.description, 'Protective cases for telephones');
    assert.equal(c.new?.description, 'Protective cases for cellular telephones');
  });
  it('reports re-rated lines, including statistical lines that inherit the rate', () => {
    assert.deepEqual(of('rerated'), ['61044320', '6104432010', '6104432020']);
    const c = changes.find((x) => x.code === '6104432010')!;
    assert.equal(c.old?.general, '16%');
    assert.equal(c.new?.general, '14.9%');
  });
  it('counts by kind', () => {
    assert.deepEqual(summariseChanges(changes), {
      added: 1,
      deleted: 1,
      redescribed: 1,
      rerated: 3,
      moved: 1,
    });
  });
});

const ref = process.env.CROSSGATE_REFERENCE_DIR;
describe('HTS 2026 Revision 3 → Revision 4 (reference data)', {
  skip: ref ? false : 'CROSSGATE_REFERENCE_DIR is not set',
}, () => {
  it('matches the real differences', () => {
    const rev3 = load(path.join(ref!, 'tariff/us-hts-2026-rev3.csv'));
    const rev4 = load(path.join(ref!, 'tariff/us-hts-2026-rev4.csv'));
    const changes = diffSchedules(rev3, rev4);
    const of = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.code);
    // Revision 4 adds the chapter 99 provisions 9903.03.01–9903.03.11 ("articles the product of any
    // country", U.S. note 2 to subchapter III) and deletes nothing.
    assert.deepEqual(
      of('added'),
      Array.from({ length: 11 }, (_, i) => `990303${String(i + 1).padStart(2, '0')}`),
    );
    assert.deepEqual(of('deleted'), []);
    // Statistical note renumbering in chapter 85 re-describes these lines.
    const redescribed = of('redescribed');
    for (const code of ['8539520010', '8539520040', '8544429010', '2404190510', '7108'])
      assert.ok(redescribed.includes(code), `${code} should be re-described`);
    const c = changes.find((x) => x.kind === 'redescribed' && x.code === '8539520010')!;
    assert.match(c.old!.description, /statistical note 7\(a\)/);
    assert.match(c.new!.description, /statistical note 8\(a\)/);
    assert.equal(of('rerated').filter((x) => !x.startsWith('99')).length, 0, 'no chapter 1–97 rate changed');
  });
});
