#!/usr/bin/env node
// Thin launcher: the compiled program lives in dist/ (built on prepare/prepack).
const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The one answer that needs no program: skip loading commander and the rest (start-up budget: 150 ms).
  const { readFileSync } = await import('node:fs');
  /** @type {unknown} */
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  process.stdout.write(`${typeof version === 'string' ? version : 'unknown'}\n`);
} else {
  const { main } = await import('../dist/main.js');
  await main(argv);
}
