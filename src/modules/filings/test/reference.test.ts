import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { referenceDir } from '../../../../test/support/context.ts';
import { FIXTURE_UNITS } from './fixtures.ts';

/** Keeps the test fixtures honest: every fixture HTS code is a real 10-digit line with those units. */
const dir = referenceDir();
const csv = dir ? path.join(dir, 'tariff', 'us-hts-2026-rev4.csv') : undefined;
const UNIT: Record<string, string> = { 'No.': 'NO', kg: 'KG', 'doz.': 'DOZ', 'prs.': 'PRS' };

describe('fixture tariff codes against the USITC HTS 2026 export', {
  skip: !csv || !fs.existsSync(csv) ? 'CROSSGATE_REFERENCE_DIR not set' : false,
}, () => {
  it('finds every fixture code as a declarable line with the same units of quantity', () => {
    const rows = parse(fs.readFileSync(csv!, 'utf8'), {
      columns: true,
      bom: true,
      relax_column_count: true,
    }) as Array<Record<string, string>>;
    const byCode = new Map(rows.map((r) => [(r['HTS Number'] ?? '').replace(/\./g, ''), r]));
    for (const [code, units] of Object.entries(FIXTURE_UNITS)) {
      const row = byCode.get(code);
      assert.ok(row, `${code} is not in the HTS export`);
      const declared = (JSON.parse(row['Unit of Quantity'] || '[]') as string[]).map((u) => UNIT[u] ?? u);
      assert.deepEqual(declared, units, code);
    }
  });
});
