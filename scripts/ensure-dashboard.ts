// Builds dist/dashboard when it is missing or older than any dashboard source file. Runs before
// `npm start` (prestart), so `npm ci && npm start` on a fresh clone serves the dashboard; the browser
// tests call ensureDashboardBuilt() too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'dist/dashboard/index.html');

function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

export async function ensureDashboardBuilt(): Promise<boolean> {
  const built = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(
    newest(path.join(ROOT, 'dashboard/src')),
    fs.statSync(path.join(ROOT, 'dashboard/index.html')).mtimeMs,
  );
  if (built > sources) return false;
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (await ensureDashboardBuilt()) console.log('dashboard built into dist/dashboard');
}
