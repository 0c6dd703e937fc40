import { defineConfig } from 'vitest/config';

/**
 * The browser end-to-end suite (`npm run test:e2e`; `npm test` runs it after the unit suite): one
 * leadpact server on a throw-away PGlite directory with a small demo organisation, started once by
 * the global setup, driven by Debian's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default; on a loaded two-core CI machine a list request
    // behind a browser, a server and a database can take longer than that (CI failed once on it).
    // Playwright's own waits allow 30 s; a poll that never matches still fails, just later.
    expect: { poll: { timeout: 10_000 } },
    // One server, one browser at a time: the files share the demo data and this machine has two cores.
    fileParallelism: false,
    pool: 'forks',
  },
});
