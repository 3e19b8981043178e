import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';

describe('configuration', () => {
  it('applies defaults when nothing is set', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.DATABASE_URL, undefined);
    assert.ok(c.homeDir.endsWith('.crossgate'));
  });
  it('stops with a message naming the bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }),
      (e: unknown) =>
        e instanceof AppError && e.message.includes('PORT') && e.message.includes('DATABASE_URL'),
    );
  });
});
