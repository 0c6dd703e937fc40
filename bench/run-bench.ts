// `npm run bench -- <name> [options]` runs bench/<name>.bench.ts. Benchmarks measure and print
// (the raw database baseline beside leadpact's figures, JSON lines last); they never assert.

/** Each benchmark module exports `runBench(args)`. Adding a benchmark is one line here. */
const benchmarks: Record<string, () => Promise<{ runBench(args: string[]): Promise<void> }>> = {
  ingest: () => import('./ingest.bench.ts'),
  crash: () => import('./crash.bench.ts'),
  fuzz: () => import('./fuzz.bench.ts'),
  web: () => import('./web.bench.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : benchmarks[name];
if (!load) {
  process.stderr.write(`${name === undefined ? 'no benchmark named' : `no benchmark "${name}"`}; known: ${Object.keys(benchmarks).join(', ')}\nusage: npm run bench -- <name> [options]\n`);
  process.exit(2);
}
const bench = await load();
await bench.runBench(args);
