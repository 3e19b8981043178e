import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { SCHEMA_FILE, generateApiSchema } from '../../scripts/gen-api-client.ts';

describe('the dashboard API client types', () => {
  it('match the OpenAPI document the service produces now (run `npm run gen:api` when this fails)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const fresh = await generateApiSchema();
    assert.ok(fresh.includes('"/api/orders"'), 'the generated schema describes the API');
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(
        `dashboard/src/api/schema.d.ts is stale (first difference at line ${line + 1}: ` +
          `committed ${JSON.stringify(a[line])}, now ${JSON.stringify(b[line])}). Run \`npm run gen:api\`.`,
      );
    }
  });
});
