import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { assertNoPersonalData } from './entry-kinds.ts';

function refusal(data: unknown): AppError | undefined {
  try {
    assertNoPersonalData(data, 'records.0.data');
    return undefined;
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err;
  }
}

describe('assertNoPersonalData', () => {
  it('names the path of an e-mail address nested in arrays and objects', () => {
    const err = refusal({ items: [{ id: 'o_1' }, { id: 'o_2', note: 'ask Jane.Doe@Example.COM' }] });
    assert.equal(err?.code, 'invalid');
    assert.deepEqual(err?.issues, [
      { field: 'records.0.data.items.1.note', message: 'looks like an e-mail address' },
    ]);
    assert.equal(refusal(['x', ['y', 'z@q.io']])?.issues[0]?.field, 'records.0.data.1.1');
    assert.equal(refusal('a@b.de')?.issues[0]?.field, 'records.0.data');
  });

  it('accepts ids, keyed hashes and text with an @ that is not an address', () => {
    const data = {
      importRunId: 'imp_01jz',
      items: Array.from({ length: 50 }, (_, i) => ({
        id: `ord_${i}`,
        hash: 'hmac-sha256:AbC',
        at: new Date(0),
      })),
      note: 'meet @ 5pm; price 3 @ $2',
      count: 3,
      none: null,
    };
    assert.equal(refusal(data), undefined);
  });
});
