import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleAcePayload, sampleCdsPayload, sampleIcs2Payload } from '../sample-payloads.ts';
import { validateAceRecords, validateCdsDeclaration, validateIcs2Ens } from './validate.ts';

describe('sandbox validation', () => {
  it('accepts the sample payload of every regime and reads its reference', () => {
    for (let seed = 1; seed <= 20; seed++) {
      assert.deepEqual(validateAceRecords(sampleAcePayload({ reference: 'fil_x', seed }).split('\n')), {
        reference: 'fil_x',
        reasons: [],
      });
      assert.deepEqual(validateCdsDeclaration(sampleCdsPayload({ reference: 'fil_y', seed })), {
        reference: 'fil_y',
        reasons: [],
      });
      assert.deepEqual(validateIcs2Ens(sampleIcs2Payload({ reference: 'fil_z', seed })), {
        reference: 'fil_z',
        reasons: [],
      });
    }
  });

  it('rejects ACE records of the wrong length, unknown ids and a summary that does not add up', () => {
    const recs = sampleAcePayload({ reference: 'fil_x', lines: 2 }).split('\n');
    const short = [...recs];
    short[1] = short[1]!.slice(0, 79);
    assert.match(validateAceRecords(short).reasons[0]!.text, /79 characters/);
    const unknown = [...recs];
    unknown[1] = `77${unknown[1]!.slice(2)}`;
    assert.ok(validateAceRecords(unknown).reasons.some((r) => r.code === 'A0102'));
    const noSummary = recs.slice(0, -1);
    assert.ok(validateAceRecords(noSummary).reasons.some((r) => r.code === 'A9001'));
    const extraLine = [...recs.slice(0, -1), recs[1]!, recs.at(-1)!];
    assert.ok(validateAceRecords(extraLine).reasons.some((r) => r.code === 'A9002'));
  });

  it('rejects malformed XML and declarations missing required elements', () => {
    assert.match(validateCdsDeclaration('<md:MetaData><Declaration>').reasons[0]!.text, /not well-formed/);
    const noItems = sampleCdsPayload({ reference: 'r', lines: 1 }).replace(
      /<GovernmentAgencyGoodsItem>.*<\/GovernmentAgencyGoodsItem>/,
      '',
    );
    const codes = validateCdsDeclaration(noItems).reasons.map((r) => r.code);
    assert.ok(codes.includes('CDS12010'));
    const badHs = sampleIcs2Payload({ reference: 'r', lines: 1 }).replace(
      /<HarmonizedSystemSubHeadingCode>\d+/,
      '<HarmonizedSystemSubHeadingCode>12',
    );
    assert.deepEqual(
      validateIcs2Ens(badHs).reasons.map((r) => r.code),
      ['ICS111'],
    );
    assert.equal(validateIcs2Ens('<ENS><LRN>x</LRN></ENS>').reasons.length >= 3, true);
  });
});
