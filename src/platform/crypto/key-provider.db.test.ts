import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { KmsKeyProvider, LocalKeyProvider, type KeyProvider, type KmsClient } from './key-provider.ts';
import { EnvelopeFieldCipher } from '../../modules/privacy/index.ts';

/**
 * A KMS stand-in with the same contract as AWS KMS Encrypt/Decrypt: the key never leaves it. (No KMS
 * runs on this machine; the adapter's own logic is what is under test.)
 */
class InProcessKms implements KmsClient {
  readonly keyId: string;
  private readonly key = crypto.randomBytes(32);
  constructor(keyId: string) {
    this.keyId = keyId;
  }
  encrypt(plaintext: Buffer): Buffer {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([c.update(plaintext), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), ct]);
  }
  decrypt(keyId: string, blob: Buffer): Buffer {
    if (keyId !== this.keyId) throw new Error(`KMS key ${keyId} not found`);
    const d = crypto.createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, 12));
    d.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
  }
}

// One conformance suite, run against every key provider.
const providers: Array<[string, () => KeyProvider]> = [
  ['local key file', () => new LocalKeyProvider()],
  ['KMS adapter', () => new KmsKeyProvider(new InProcessKms('alias/crossgate'), new LocalKeyProvider())],
];

for (const [name, make] of providers) {
  describe(`key provider conformance: ${name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await testContext();
    });
    after(() => ctx.dispose());

    it('wraps and unwraps data keys, and refuses a tampered wrapping', () => {
      const p = make();
      const dk = crypto.randomBytes(32);
      const { kekId, wrapped } = p.wrap(dk);
      assert.equal(kekId, p.currentKekId);
      assert.deepEqual(p.unwrap(kekId, wrapped), dk);
      const raw = Buffer.from(wrapped, 'base64url');
      raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
      assert.throws(() => p.unwrap(kekId, raw.toString('base64url')));
    });

    it('gives stable blind-index and signing keys', () => {
      const p = make();
      assert.deepEqual(p.blindIndexKey(), p.blindIndexKey());
      assert.equal(p.signingKey('journal').keyId, p.signingKey('journal').keyId);
      const sig = crypto.sign(null, Buffer.from('x'), p.signingKey('journal').privateKey);
      assert.ok(crypto.verify(null, Buffer.from('x'), p.signingKey('journal').publicKey, sig));
    });

    it('backs the field cipher end to end', async () => {
      const p = make();
      const c = new EnvelopeFieldCipher(ctx.db, p, ctx.clock);
      const org = await newOrg(ctx);
      const sealed = await c.seal(org.id, 'Nguyễn Thị Lan', 'subject-1');
      assert.equal(
        await new EnvelopeFieldCipher(ctx.db, p, ctx.clock).open(org.id, sealed),
        'Nguyễn Thị Lan',
      );
    });
  });
}

describe('moving from the local key file to a KMS', () => {
  it('keeps old data keys readable and re-wraps them under the KMS key', async () => {
    const ctx = await testContext();
    try {
      const local = new LocalKeyProvider();
      const org = await newOrg(ctx);
      const before = await new EnvelopeFieldCipher(ctx.db, local, ctx.clock).seal(
        org.id,
        'sealed before the move',
      );
      const kms = new KmsKeyProvider(new InProcessKms('alias/crossgate'), local);
      const c = new EnvelopeFieldCipher(ctx.db, kms, ctx.clock);
      assert.equal(await c.open(org.id, before), 'sealed before the move');
      const r = await c.rewrapDataKeys();
      assert.equal(r.kekId, 'kms:alias/crossgate');
      assert.ok(r.rewrapped >= 1);
      assert.deepEqual(await c.keksInUse(), ['kms:alias/crossgate']);
      assert.equal(
        await new EnvelopeFieldCipher(ctx.db, kms, ctx.clock).open(org.id, before),
        'sealed before the move',
      );
    } finally {
      await ctx.dispose();
    }
  });
});
