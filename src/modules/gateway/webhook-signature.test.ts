import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signPayload, SignatureVerifier } from './webhook-signature.ts';

describe('webhook signatures', () => {
  const secret = 'whsec-test';
  const body = '<Notifications next="1"/>';

  it('accepts a fresh signature once and refuses its replay', () => {
    const v = new SignatureVerifier(300);
    const h = signPayload(secret, body, 1_000_000);
    assert.deepEqual(v.verify(secret, body, h, 1_000_010), { ok: true });
    assert.deepEqual(v.verify(secret, body, h, 1_000_020), { ok: false, reason: 'replayed signature' });
  });

  it('refuses a changed body, a wrong secret, an old timestamp and junk', () => {
    const v = new SignatureVerifier(300);
    const h = signPayload(secret, body, 1_000_000);
    assert.equal(v.verify(secret, `${body} `, h, 1_000_000).ok, false);
    assert.equal(v.verify('other', body, h, 1_000_000).ok, false);
    assert.deepEqual(v.verify(secret, body, h, 1_000_301), {
      ok: false,
      reason: 'signature timestamp outside tolerance',
    });
    assert.equal(v.verify(secret, body, 't=1,v1=zz', 1).ok, false);
    assert.equal(v.verify(secret, body, undefined, 1).ok, false);
  });
});
