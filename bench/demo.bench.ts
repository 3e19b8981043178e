// `npm run bench demo`: loads the demo company at scale 1 into a fresh file-backed PGlite (what the first
// `npm start` does) and prints wall and CPU seconds per phase. Target: under 60 s on a 2-core machine.
// DEMO_BENCH_SCALE overrides the scale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAppContext, createAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import { generateDemo, loadDemo } from '../src/modules/demo/index.ts';

const scale = Number(process.env.DEMO_BENCH_SCALE ?? '1');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-demo-bench-'));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = performance.now();
const c0 = cpu();
const lap = { wall: t0, cpu: c0 };
const phases: Array<{ phase: string; wall: number; cpu: number }> = [];
const mark = (phase: string) => {
  const wall = performance.now();
  const c = cpu();
  phases.push({ phase, wall: (wall - lap.wall) / 1000, cpu: c - lap.cpu });
  lap.wall = wall;
  lap.cpu = c;
};

try {
  const gen = performance.now();
  const d = generateDemo({ seed: 1, scale, now: new Date('2026-11-21T12:00:00Z') });
  const genSeconds = (performance.now() - gen) / 1000;
  lap.wall = performance.now();
  lap.cpu = cpu();
  const ctx = await createAppContext({
    config: loadConfig({
      ...process.env,
      CROSSGATE_HOME: home,
      LOG_LEVEL: 'silent',
      DATABASE_URL: undefined,
    }),
    migrate: true,
  });
  mark('open database + migrate');
  let current = 'generate';
  const start = { wall: performance.now(), cpu: cpu() };
  lap.wall = start.wall;
  lap.cpu = start.cpu;
  await loadDemo(ctx, {
    seed: 1,
    scale,
    progress: (m) => {
      const phase = m.split(' ')[0]!;
      if (phase !== current && phase !== 'generating') {
        mark(current);
        current = phase;
      }
    },
  });
  mark(current);
  const loadWall = (performance.now() - start.wall) / 1000;
  const loadCpu = cpu() - start.cpu;
  await closeAppContext(ctx);
  console.log(
    `scale ${scale}: ${d.products.length} products, ${d.orders.length} orders (${d.orders.reduce((s, o) => s + o.lines.length, 0)} lines), ${d.shipments.length} shipments`,
  );
  console.log(`generation alone (in memory): ${genSeconds.toFixed(1)} s`);
  console.log('phase                      wall s   cpu s');
  for (const p of phases)
    console.log(`${p.phase.padEnd(26)} ${p.wall.toFixed(1).padStart(6)} ${p.cpu.toFixed(1).padStart(7)}`);
  console.log(
    `loadDemo total             ${loadWall.toFixed(1).padStart(6)} ${loadCpu.toFixed(1).padStart(7)}`,
  );
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (2-core machine)`,
  );
  console.log(`target: first start under 60 s wall -> ${loadWall < 60 ? 'met' : 'NOT met'}`);
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
