import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { classify, listReviews } from './classify.service.ts';
import { loadReferenceData, newestHtsExport } from './reference-data.ts';
import { listRevisions } from './tariff.service.ts';

const fixture = (n: string) => fs.readFileSync(new URL(`./fixtures/${n}`, import.meta.url));

/** A reference-data folder laid out as the project's (tariff/, classification/), from the repo's fixtures. */
function referenceDir(opts: { brokenHmrc?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossgate-ref-'));
  const put = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  put('tariff/us-hts-2026-rev9.csv', 'not a tariff');
  put('tariff/us-hts-2026-rev10.csv', fixture('hts-mini-a.csv'));
  put('tariff/hs2022/harmonized-system.csv', fixture('hs-mini.csv'));
  put(
    'classification/uk-hmrc-parcel-references/extra_references.csv',
    opts.brokenHmrc
      ? 'Description;Code\nplastic figurine;3926400000\n'
      : 'Goods Description,Commodity Code\nresin figurine,3926400000\npvc key ring,3926909990\n',
  );
  put(
    'classification/hscodecomp-dev.jsonl',
    `${JSON.stringify({ task_id: 'x1', product_name: 'Acrylic desk sign holder', hs_code: '3926909989' })}\n`,
  );
  return dir;
}

describe('reference data for the demo (tariff, HS, corpora, catalogue)', () => {
  let ctx: TestContext;
  const dirs: string[] = [];
  before(async () => {
    ctx = await testContext();
  });
  after(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await ctx.dispose();
  });

  it('picks the newest USITC export by year and revision number, not by name order', () => {
    const dir = referenceDir();
    dirs.push(dir);
    const hts = newestHtsExport(path.join(dir, 'tariff'));
    assert.equal(path.basename(hts!.file), 'us-hts-2026-rev10.csv');
    assert.equal(hts!.label, '2026 Revision 10');
    assert.equal(newestHtsExport(path.join(dir, 'nowhere')), undefined);
  });

  it('imports the tariff and HS, adds the corpora to memory and classifies the catalogue into the queue', async () => {
    const dir = referenceDir();
    dirs.push(dir);
    const org = await newOrg(ctx);
    for (const title of ['Resin cat figurine ornament', 'Acrylic table number holder'])
      await ctx.db
        .insertInto('products')
        .values({
          id: ctx.ids.next('product'),
          org_id: org.id,
          sku: title,
          title,
          attributes: '{}',
          hs_code: null,
          content_hash: title,
          created_at: ctx.clock.now(),
          updated_at: ctx.clock.now(),
        })
        .execute();
    const said: string[] = [];
    const r = await loadReferenceData(ctx, org.id, dir, (m) => said.push(m));
    assert.deepEqual(r.problems, []);
    assert.equal(r.tariff, '2026 Revision 10');
    assert.equal(r.hs, true);
    assert.equal(r.references, 3);
    assert.equal(r.catalogue?.classified, 2);
    // The labelled listing trained the installation's re-ranker (there was none), used from now on.
    assert.ok(r.model);
    assert.ok(fs.existsSync(path.join(ctx.config.homeDir, 'models', 'classify-ranker.json')));
    assert.ok(said.some((m) => m.includes('2026 Revision 10')));
    const revisions = await listRevisions(ctx);
    assert.ok(revisions.some((v) => v.schedule === 'US-HTS' && v.label === '2026 Revision 10'));
    assert.ok(revisions.some((v) => v.schedule === 'HS'));
    const reviews = await listReviews(ctx, org.id);
    assert.equal(reviews.filter((x) => x.productId).length, 2, 'each product has its suggestion recorded');
    // The corpora are the organisation's memory: a listing like a reference finds it as a neighbour.
    const c = await classify(ctx, org.id, { title: 'Acrylic desk sign holder' });
    assert.equal(c.rankerVersion, r.model);
    assert.ok(c.candidates.some((x) => x.evidence.neighbours.some((n) => n.code === '3926909989')));
  });

  it('reports a file it cannot read and loads the rest', async () => {
    const dir = referenceDir({ brokenHmrc: true });
    dirs.push(dir);
    const org = await newOrg(ctx);
    const r = await loadReferenceData(ctx, org.id, dir);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!, /^extra_references\.csv: Not an HMRC reference CSV/);
    assert.equal(r.references, 1, 'the HSCodeComp item is still added');
    assert.equal(
      r.tariff,
      '2026 Revision 10',
      'the revision imported for the first organisation is found again',
    );
  });
});
