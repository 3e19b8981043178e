// Scans the log files every test context wrote (CROSSGATE_TEST_LOG_DIR) for personal data: any email
// address, and the names, addresses, phone numbers, payment references and passwords the test factories
// use. Run by scripts/test.js after the suite; exits 1 with the offending lines when it finds any.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) process.exit(0);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const MARKERS = [
  'Test User', // newUser()
  'correct horse battery staple', // newUser() password
  'Quillfeather', // buyerData()
  'Zephyr Lane',
  '+44 20 7946',
  'XyZsecret',
  'Helga',
  'Wexlbaum',
];

let lines = 0;
const leaks: string[] = [];
for (const f of fs.readdirSync(dir)) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const line of text.split('\n')) {
    if (!line) continue;
    lines++;
    const hit = EMAIL.exec(line)?.[0] ?? MARKERS.find((m) => line.includes(m));
    if (hit) leaks.push(`${f}: ${hit} in ${line.slice(0, 300)}`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
if (leaks.length) {
  console.error(`\nPersonal data found in ${leaks.length} of ${lines} log lines written during the tests:`);
  for (const l of leaks.slice(0, 20)) console.error(`  ${l}`);
  process.exit(1);
}
console.log(`\nlog scan: ${lines} log lines from the test suite, no personal data`);
