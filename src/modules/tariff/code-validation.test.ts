import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseHsCsv, parseHtsCsv } from './hts-format.ts';
import { HsNomenclature, Schedule } from './schedule.ts';
import { validateHsCode, validateUsCode } from './code-validation.ts';

const s = new Schedule(parseHtsCsv(fs.readFileSync(new URL('./fixtures/hts-mini-a.csv', import.meta.url))));
const hs = new HsNomenclature(
  'HS2022',
  parseHsCsv(fs.readFileSync(new URL('./fixtures/hs-mini.csv', import.meta.url))),
);

describe('code validation', () => {
  it('accepts a 10-digit statistical line and reports its units and inherited rates', () => {
    const r = validateUsCode(s, '8536.50.90.20');
    assert.equal(r.valid, true);
    assert.deepEqual(r.line?.units, ['No.']);
    assert.equal(r.line?.generalRate, 'Free');
    assert.equal(r.line?.column2Rate, '35%');
  });
  it('refuses a subheading with the declarable lines to choose from', () => {
    const r = validateUsCode(s, '8536.50');
    assert.equal(r.valid, false);
    assert.equal(r.problem, 'not_declarable');
    assert.equal(
      r.message,
      '8536.50 is a subheading, not a declarable line: choose one of 8536.50.40.00, 8536.50.90.20, 8536.50.90.40',
    );
    assert.deepEqual(
      r.alternatives.map((a) => a.code),
      ['8536504000', '8536509020', '8536509040'],
    );
  });
  it('calls a 4-digit code a heading and an 8-digit code a rate line', () => {
    assert.match(validateUsCode(s, '6704').message, /^6704 is a heading, not a declarable line/);
    assert.match(validateUsCode(s, '8536.10.00').message, /^8536.10.00 is a tariff-rate line/);
  });
  it('refuses an unknown code and suggests the lines under its nearest existing parent', () => {
    const r = validateUsCode(s, '8536.50.90.99');
    assert.equal(r.problem, 'unknown');
    assert.deepEqual(
      r.alternatives.map((a) => a.code),
      ['8536509020', '8536509040'],
    );
  });
  it('refuses malformed input', () => {
    assert.equal(validateUsCode(s, '85x6').problem, 'malformed');
    assert.equal(validateUsCode(s, '85365').problem, 'malformed');
  });
  it('checks only the HS-6 part for other destinations', () => {
    const ok = validateHsCode(hs, '8536.50.11', 'GB');
    assert.equal(ok.valid, true);
    assert.match(ok.message, /national digits after the sixth are not checked for GB/);
    const bad = validateHsCode(hs, '853699', 'DE');
    assert.equal(bad.problem, 'hs_unknown');
    assert.deepEqual(
      bad.alternatives.map((a) => a.code),
      ['853610', '853650', '853669'],
    );
    assert.equal(validateHsCode(hs, '8536', 'FR').problem, 'hs_too_short');
    assert.equal(validateHsCode(undefined, '853650', 'FR').problem, 'no_revision');
  });
});
