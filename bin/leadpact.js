#!/usr/bin/env node
// leadpact's command line. leadpact runs on Node 24 (it executes its TypeScript directly); when an
// older `node` starts this file, hand over to the Node 24 that the project pins in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(`leadpact needs Node.js 24 or newer (this is ${process.version}); run \`npm ci\` to install the pinned one.\n`);
    process.exit(2);
  }
  const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
} else if (process.argv[2] === 'serve' && !hasOwnHeapFlags() && typeof process.execve === 'function') {
  // V8 sizes the young generation from the machine's memory (semi-spaces of up to 64 MB on a
  // 24 GB machine), and the server's steady allocation (requests, capture batches) grows it to
  // the maximum: ~130 MB of RSS holding garbage. 16 MB semi-spaces keep `serve` ~100 MB smaller.
  // The old generation, left to V8's defaults, still grew to ~4x the live heap (~40 MB) before a
  // full collection; collecting at 2x keeps the peak near 230 MB under sustained capture at about
  // the same CPU. That flag is V8's own (a bad option to another Node's V8 would stop the start),
  // so it is passed only to the Node major this project pins. Heap sizes are fixed when the
  // process starts, so the process replaces itself (same pid, signals and stdio) with one started
  // with the flags.
  const heapFlags = ['--max-semi-space-size=16', ...(major === 24 ? ['--heap-growing-percent=100'] : [])];
  process.execve(process.execPath, [process.execPath, ...heapFlags, ...process.execArgv, ...process.argv.slice(1)], process.env);
} else {
  const { main } = await import('../src/cli/main.ts');
  await main(process.argv);
}

/** Whoever starts leadpact with their own heap sizing keeps it. */
function hasOwnHeapFlags() {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((flag) => /^--((max|min)-semi-space-size|heap-growing-percent)/.test(flag));
}
