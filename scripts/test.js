#!/usr/bin/env node
// Test entry for `npm test` (everything; storage tests on embedded PGlite) and `npm run test:storage`
// (only the *.db.test.ts storage/integration tests, against CROSSGATE_TEST_DATABASE_URL when set).
// Runs Node's built-in test runner on the TypeScript sources (type stripping, Node >= 22.18).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const storageOnly = args.includes('--storage');
const browserOnly = args.includes('--browser');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = [...walk('src'), ...walk('test')].sort();
if (storageOnly) files = files.filter((f) => f.endsWith('.db.test.ts'));
if (browserOnly) files = files.filter((f) => f.endsWith('.browser.test.ts'));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Tests need Node 24 (found ${process.version}); run them through npm so node_modules/.bin/node is used.`,
  );
  process.exit(1);
}

const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', NODE_ENV: 'test' };
// Reference data (../shared/data) is optional: tests that need it skip when the variable is unset.
if (!env.CROSSGATE_REFERENCE_DIR && fs.existsSync('../shared/data/README.md'))
  env.CROSSGATE_REFERENCE_DIR = path.resolve('../shared/data');
// Every test context logs at debug level into this folder; the logs are scanned for personal data after.
const logDir = browserOnly ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'crossgate-test-logs-'));
if (logDir) env.CROSSGATE_TEST_LOG_DIR = logDir;
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=2',
    '--test-timeout=600000',
    '--disable-warning=ExperimentalWarning',
    ...files,
  ],
  { stdio: 'inherit', env },
);
let status = r.status ?? 1;
if (logDir) {
  const scan = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'test/support/scan-logs.ts', logDir],
    {
      stdio: 'inherit',
    },
  );
  if (scan.status !== 0) status = status || 1;
}
process.exit(status);
