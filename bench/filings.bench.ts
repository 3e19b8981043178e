// Filings benchmark: build + validate (+ encode) a 50-line filing, in memory and through the database.
// Target (PRODUCT.md §6): "declaration built and validated in milliseconds" (seed paper: < 30 s).
import { performance } from 'node:perf_hooks';
import { buildFiling, planFilings } from '../src/modules/filings/builders/builders.ts';
import { validateFiling } from '../src/modules/filings/checkpoints/registry.ts';
import { encode } from '../src/modules/filings/encoders/index.ts';
import { formatEntryNumber } from '../src/modules/filings/formats.ts';
import { checkContext } from '../src/modules/filings/test/base-filings.ts';
import { fixtureTariff, usOceanBundle } from '../src/modules/filings/test/fixtures.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { newOrg, testContext } from '../test/support/context.ts';
import { configureFilings } from '../src/modules/filings/index.ts';
import { buildForShipment, checkFiling } from '../src/modules/filings/filings.service.ts';
import { putSettings } from '../src/modules/filings/filing-settings.service.ts';
import { insertShipment } from '../src/modules/filings/test/factories.ts';

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${s.at(-1)!.toFixed(3)} ms (n=${s.length})`;
}

function bundle50() {
  const b = usOceanBundle();
  b.lines = Array.from({ length: 50 }, (_, i) => ({
    ...b.lines[i % 3]!,
    lineNo: i + 1,
    sku: `${b.lines[i % 3]!.sku}-${i}`,
  }));
  return b;
}

// 1. Pure: build the US entry, run the 135 checkpoints, encode CATAIR.
{
  const b = bundle50();
  const plan = planFilings(b).find((p) => p.kind === 'us_entry')!;
  const now = new Date('2026-11-02T09:00:00Z');
  const times: number[] = [];
  const buildOnly: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const t0 = performance.now();
    const f = buildFiling(b, plan, {
      now,
      tariff: fixtureTariff,
      reference: 'BENCH',
      entryNumber: formatEntryNumber('B7X', i),
    });
    const t1 = performance.now();
    const r = validateFiling(f, checkContext(f, now));
    encode(f);
    const t2 = performance.now();
    if (r.ran < 80) throw new Error('checkpoints did not run');
    if (i >= 200) {
      buildOnly.push(t1 - t0);
      times.push(t2 - t0);
    }
  }
  console.log(`50-line US entry, build only:               ${stats(buildOnly)}`);
  console.log(`50-line US entry, build + 135 checks + CATAIR: ${stats(times)}`);
}

// 2. Through the database (PGlite in memory): load shipment → build → persist → check → store results.
{
  const clock = new FixedClock('2026-11-02T09:00:00Z');
  const ctx = await testContext({ clock });
  configureFilings({ tariffFor: async () => fixtureTariff });
  const org = await newOrg(ctx);
  await putSettings(ctx, org.id, { filerCode: 'B7X', bondType: 'continuous' }, 'bench');
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push((await insertShipment(ctx, org.id, bundle50())).shipmentId);
  const times: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    const built = await buildForShipment(ctx, org.id, id, 'bench');
    for (const r of built) await checkFiling(ctx, org.id, r.filingId!, 'bench');
    times.push(performance.now() - t0);
  }
  console.log(
    `50-line ocean shipment (ISF + entry) via PGlite, build + persist + check: ${stats(times.slice(5))}`,
  );
  await ctx.dispose();
}
