import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fc from 'fast-check';
import { FieldGcm } from './gcm.ts';

function opensslSeal(key: Buffer, iv: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

function opensslOpen(key: Buffer, raw: Buffer, aad: Buffer): Buffer {
  const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAAD(aad);
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
}

describe('field AES-256-GCM', () => {
  it('reproduces the GCM specification test case 16 (AES-256, 96-bit IV, with AAD)', () => {
    const key = Buffer.from('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308', 'hex');
    const iv = Buffer.from('cafebabefacedbaddecaf888', 'hex');
    const plain = Buffer.from(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
      'hex',
    );
    const aad = Buffer.from('feedfacedeadbeeffeedfacedeadbeefabaddad2', 'hex');
    const expected = {
      ct: '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
      tag: '76fc6ece0f4e1768cddf8853bb2d551b',
    };
    const raw = Buffer.concat([iv, Buffer.from(expected.tag, 'hex'), Buffer.from(expected.ct, 'hex')]);
    const g = new FieldGcm(crypto.createSecretKey(key));
    assert.deepEqual(g.open(raw, aad), plain);
    assert.deepEqual(opensslSeal(key, iv, plain, aad), raw);
  });

  it('agrees with OpenSSL in both directions for random keys, lengths and associated data', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 80 }),
        (k, p, a) => {
          const key = Buffer.from(k);
          const plain = Buffer.from(p);
          const aad = Buffer.from(a);
          const g = new FieldGcm(crypto.createSecretKey(key));
          const ours = g.seal(plain, aad);
          assert.deepEqual(opensslOpen(key, ours, aad), plain);
          const theirs = opensslSeal(key, crypto.randomBytes(12), plain, aad);
          assert.deepEqual(g.open(theirs, aad), plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects any single flipped bit, in IV, tag or ciphertext, and a wrong AAD', () => {
    const g = new FieldGcm(crypto.createSecretKey(crypto.randomBytes(32)));
    const aad = Buffer.from('org.dk');
    const raw = g.seal(Buffer.from('Zhang Wei, 88 Nanshan Road'), aad);
    for (let byte = 0; byte < raw.length; byte++)
      for (const bit of [0, 7]) {
        const t = Buffer.from(raw);
        t[byte] = (t[byte] as number) ^ (1 << bit);
        assert.equal(g.open(t, aad), null, `byte ${byte} bit ${bit}`);
      }
    assert.equal(g.open(raw, Buffer.from('org.dk2')), null);
    assert.equal(g.open(raw.subarray(0, 20), aad), null);
  });

  it('never repeats an IV', () => {
    const g = new FieldGcm(crypto.createSecretKey(crypto.randomBytes(32)));
    const aad = Buffer.from('org');
    const ivs = new Set<string>();
    for (let i = 0; i < 20_000; i++) ivs.add(g.seal('x', aad).subarray(0, 12).toString('hex'));
    assert.equal(ivs.size, 20_000);
  });
});
