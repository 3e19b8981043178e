import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, totp, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B: seeds are the ASCII strings below (20, 32 and 64 bytes), 8 digits.
const SEED = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [t, sha1, sha256, sha512] of VECTORS) {
    it(`matches the RFC test vectors at T=${t}`, () => {
      assert.equal(totp(SEED.sha1, t, { digits: 8, algorithm: 'sha1' }), sha1);
      assert.equal(totp(SEED.sha256, t, { digits: 8, algorithm: 'sha256' }), sha256);
      assert.equal(totp(SEED.sha512, t, { digits: 8, algorithm: 'sha512' }), sha512);
    });
  }

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [i, code] of expected.entries()) assert.equal(hotp(SEED.sha1, i), code);
  });

  it('accepts a code one step off for clock drift, and not two', () => {
    const now = 1_800_000_000;
    const prev = totp(SEED.sha1, now - 30);
    assert.equal(verifyTotp(SEED.sha1, prev, now), Math.floor(now / 30) - 1);
    assert.equal(verifyTotp(SEED.sha1, totp(SEED.sha1, now - 60), now), null);
    assert.equal(verifyTotp(SEED.sha1, 'abcdef', now), null);
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Encode(Buffer.from('f')), 'MY');
    assert.deepEqual(base32Decode('MZXW6YTBOI'), Buffer.from('foobar'));
    const r = Buffer.from([0, 255, 1, 2, 3, 250, 9]);
    assert.deepEqual(base32Decode(base32Encode(r)), r);
  });
});
