import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext, closeAppContext } from '../../app/context.ts';
import { loadConfig } from '../../platform/config.ts';
import { createOrganisation } from '../identity/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../../../bin/crossgate.js');

describe('crossgate import (CLI)', () => {
  let home: string;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, CROSSGATE_HOME: home, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-cli-import-'));
    const ctx = await createAppContext({ config: loadConfig({ CROSSGATE_HOME: home, LOG_LEVEL: 'silent' }) });
    await createOrganisation(ctx, { slug: 'cli-org', name: 'CLI Org', country: 'CN' });
    await closeAppContext(ctx);
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('exits 0 when every row is accepted and 65 when rows are quarantined, printing the summary', () => {
    const ok = cli('import', path.join(here, 'fixtures/amazon-orders.txt'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /succeeded \(amazon-orders\.txt, amazon, orders\)/);
    assert.match(ok.stdout, /accepted\s+3 \(created 3, updated 0\)/);

    const bad = path.join(home, 'bad.ndjson');
    fs.writeFileSync(bad, '{"sku":"C-1","title":"ok"}\n{"sku":"C-2","originCountry":"XX"}\nnot json\n');
    const r = cli('import', bad, '--kind', 'products', '--json');
    assert.equal(r.status, 65, r.stderr);
    const run = JSON.parse(r.stdout);
    assert.deepEqual([run.status, run.accepted, run.quarantined], ['partial', 1, 2]);
  });
});
