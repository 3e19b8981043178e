import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/crossgate.js');

describe('crossgate serve (CLI)', () => {
  let home: string;
  let taken: net.Server;
  let port: number;
  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-cli-serve-'));
    taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as net.AddressInfo).port;
  });
  after(() => {
    taken.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('exits with a clear message, and does not linger, when its port is taken', () => {
    const r = spawnSync(process.execPath, [bin, 'serve', '--port', String(port)], {
      env: { ...process.env, CROSSGATE_HOME: home, DATABASE_URL: '', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.signal, null, 'the service ended by itself (it was not killed at the timeout)');
    assert.equal(r.status, 69, r.stderr);
    assert.match(r.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
  });
});
