import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeAcks, decodeBatch, encodeAcks, encodeBatch, RECORD_LENGTH } from './abi-records.ts';
import { sampleAcePayload } from '../sample-payloads.ts';
import { DISPOSITIONS } from '../gateway.types.ts';

describe('ABI-style records', () => {
  it('frames blocks in 80-character records and reads them back', () => {
    const blocks = [
      {
        kind: 'original' as const,
        idempotencyKey: 'fil_a:1',
        records: sampleAcePayload({ reference: 'fil_a' }).split('\n'),
      },
      {
        kind: 'withdrawal' as const,
        idempotencyKey: 'fil_b:2',
        records: sampleAcePayload({ reference: 'fil_b', seed: 7 }).split('\n'),
      },
    ];
    const text = encodeBatch('CGX', '20261121', 'batch-1', blocks);
    for (const line of text.slice(0, -1).split('\n')) assert.equal(line.length, RECORD_LENGTH);
    const back = decodeBatch(text);
    assert.equal(back.filerCode, 'CGX');
    assert.deepEqual(
      back.blocks.map((b) => ({ kind: b.kind, idempotencyKey: b.idempotencyKey, records: b.records })),
      blocks,
    );
  });

  it('refuses a batch whose trailer count is wrong', () => {
    const text = encodeBatch('CGX', '20261121', 'b', [
      { kind: 'original', idempotencyKey: 'k', records: [] },
    ]);
    assert.throws(() => decodeBatch(text.replace(/^Z000001/m, 'Z000002')), /trailer counts 2 blocks/);
  });

  it('round-trips any acknowledgement records (property)', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/);
    const text = fc.stringMatching(/^[A-Za-z0-9 .,;-]{0,74}$/).map((s) => s.trim());
    const ack = fc.record({
      idempotencyKey: key,
      disposition: fc.constantFrom(...DISPOSITIONS),
      entryNumber: fc.stringMatching(/^[A-Z0-9]{0,14}$/),
      seq: fc.integer({ min: 0, max: 99_999_999 }),
      messageId: fc.stringMatching(/^[A-Z0-9]{1,15}$/),
      reasons: fc.array(fc.record({ code: fc.stringMatching(/^[A-Z0-9]{1,5}$/), text }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(ack, { maxLength: 5 }), (acks) => {
        assert.deepEqual(decodeAcks(encodeAcks(acks)), JSON.parse(JSON.stringify(acks)));
      }),
    );
  });
});
