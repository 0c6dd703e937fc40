import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { benchPassword } from './bench-sign-in-users.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Git-ignored, like the browser tests' screenshots. */
export const benchScreenshotDirectory = join(repositoryRoot, 'test-results', 'screenshots');

/** Debian's Chromium, quiet on a closed network — the same browser and flags as the browser tests. */
export function launchBenchChromium(): Promise<Browser> {
  const executablePath = process.env.LEADPACT_E2E_CHROMIUM ?? '/usr/bin/chromium';
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  return chromium.launch({ executablePath, args, headless: true });
}

/** One screen to load: where it is, who opens it, and what counts as its first meaningful content. */
export interface ScreenSpec {
  screen: 'inbox' | 'lead list';
  path: string;
  email: string;
  /** A lead row, visible: the first meaningful render. */
  rowSelector: string;
}

/** One load of a screen, every figure in ms from navigation start (the page's performance.now()). */
export interface ScreenLoad {
  /** The first lead row is in the page, laid out and painted (the frame after it appeared). */
  firstRenderMs: number;
  /** The frame after the page handled a j pressed as soon as the row was seen. */
  interactiveMs: number;
  /** Whether that j moved focus to a lead row (the inbox's keyboard shortcut; the list may have none). */
  keyMovedFocus: boolean;
  /** How long the j waited for the main thread (its handler time minus its arrival). */
  inputDelayMs: number;
  /** Long tasks (> 50 ms on the main thread) before interactive: their count and total. */
  longTasks: number;
  longTaskMs: number;
  /** GET /api/leads calls the screen made before interactive. */
  apiCalls: { url: string; startMs: number; endMs: number; waitMs: number; totalMs: number }[];
  /** The screen's other API calls before interactive (session, filter options …): path and server time. */
  otherApiCalls: { path: string; waitMs: number }[];
  rows: number;
}

export type ScreenResult = { spec: ScreenSpec; loads: ScreenLoad[]; missing: null } | { spec: ScreenSpec; loads: ScreenLoad[]; missing: string };

interface PageProbe {
  rowAt: number | null;
  rowPaintedAt: number | null;
  keyHandledAt: number | null;
  keyEventAt: number | null;
  respondedAt: number | null;
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __webBench?: PageProbe;
  }
}

/**
 * Installed before the app's own scripts on every navigation: notes when the first row matching the
 * selector is in the page and visible, then when that frame has painted (a task queued from the
 * next animation frame runs after it), when a j keydown reaches the page and the frame after its
 * handlers ran, and every long task.
 */
function installProbe(rowSelector: string): void {
  const probe: PageProbe = { rowAt: null, rowPaintedAt: null, keyHandledAt: null, keyEventAt: null, respondedAt: null, longTasks: [] };
  window.__webBench = probe;
  const afterNextPaint = (record: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the count stays 0
  }
  const observer = new MutationObserver(() => {
    const row = document.querySelector(rowSelector);
    if (!row || row.getClientRects().length === 0) return;
    observer.disconnect();
    probe.rowAt = performance.now();
    afterNextPaint((at) => (probe.rowPaintedAt = at));
  });
  observer.observe(document, { childList: true, subtree: true });
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'j' || probe.keyHandledAt !== null) return;
      probe.keyHandledAt = performance.now();
      probe.keyEventAt = event.timeStamp;
      afterNextPaint((at) => (probe.respondedAt = at));
    },
    true,
  );
}

/**
 * Signs in through the sign-in page (to /account, so no lead query runs before the first measured
 * load), then loads the screen `runs` times by a full navigation: the first with the browser's HTTP
 * cache emptied (cold: the app's scripts are fetched too; also the server's first such query), the
 * rest warm. A screen that shows no lead row within `rowTimeoutMs` is reported as missing.
 */
export async function measureScreen(browser: Browser, baseUrl: string, spec: ScreenSpec, options: { runs: number; rowTimeoutMs: number; screenshotName: string }): Promise<ScreenResult> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    await signIn(page, spec.email);
    await page.addInitScript(installProbe, spec.rowSelector);
    const cdp = await context.newCDPSession(page);
    const loads: ScreenLoad[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      if (run === 0) await cdp.send('Network.clearBrowserCache');
      const load = await loadOnce(page, spec, options.rowTimeoutMs);
      if (typeof load === 'string') {
        await saveScreenshot(page, options.screenshotName);
        return { spec, loads, missing: load };
      }
      loads.push(load);
    }
    await saveScreenshot(page, options.screenshotName);
    return { spec, loads, missing: null };
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in?next=%2Faccount');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(benchPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/account', { timeout: 60_000 });
}

/** The API calls of a load that shows no row: the answered ones with their server time, and those still waiting. */
async function apiCallsSoFar(page: Page, waiting: Map<Request, { path: string; at: number }>): Promise<string> {
  const answered = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
      .map((entry) => `${new URL(entry.name).pathname} ${Math.round(entry.responseStart - entry.requestStart)} ms`),
  );
  const now = performance.now();
  const unanswered = [...waiting.values()].map((call) => `${call.path} unanswered after ${Math.round(now - call.at)} ms`);
  return [...answered, ...unanswered].join(', ') || 'none';
}

async function loadOnce(page: Page, spec: ScreenSpec, rowTimeoutMs: number): Promise<ScreenLoad | string> {
  // Requests still open when a screen shows nothing name the culprit (resource timing lists only finished ones).
  const waiting = new Map<Request, { path: string; at: number }>();
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) waiting.set(request, { path: url.pathname, at: performance.now() });
  };
  const onDone = (request: Request) => void waiting.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    await page.goto(spec.path, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__webBench?.rowAt != null, undefined, { timeout: rowTimeoutMs, polling: 'raf' });
    } catch {
      const url = new URL(page.url());
      return `no lead row (${spec.rowSelector}) within ${rowTimeoutMs / 1000} s at ${url.pathname}; API calls: ${await apiCallsSoFar(page, waiting)}`;
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
  await page.keyboard.press('j');
  await page.waitForFunction(() => window.__webBench?.respondedAt != null && window.__webBench.rowPaintedAt != null, undefined, { timeout: 60_000, polling: 'raf' });
  return page.evaluate((rowSelector) => {
    const probe = window.__webBench!;
    const interactiveMs = Math.max(probe.respondedAt!, probe.rowPaintedAt!);
    const before = probe.longTasks.filter((task) => task.start < interactiveMs);
    const apiEntries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => new URL(entry.name).pathname.startsWith('/api/') && entry.startTime < interactiveMs);
    const otherApiCalls = apiEntries.filter((entry) => new URL(entry.name).pathname !== '/api/leads').map((entry) => ({ path: new URL(entry.name).pathname, waitMs: entry.responseStart - entry.requestStart }));
    const apiCalls = apiEntries
      .filter((entry) => new URL(entry.name).pathname === '/api/leads')
      .map((entry) => ({ url: entry.name, startMs: entry.startTime, endMs: entry.responseEnd, waitMs: entry.responseStart - entry.requestStart, totalMs: entry.responseEnd - entry.startTime }));
    const focusedRow = document.activeElement?.closest(rowSelector) ?? document.activeElement?.closest('tbody tr');
    return {
      firstRenderMs: probe.rowPaintedAt!,
      interactiveMs,
      keyMovedFocus: Boolean(focusedRow),
      inputDelayMs: probe.keyHandledAt! - probe.keyEventAt!,
      longTasks: before.length,
      longTaskMs: before.reduce((sum, task) => sum + task.duration, 0),
      apiCalls,
      otherApiCalls,
      rows: document.querySelectorAll(rowSelector).length,
    };
  }, spec.rowSelector);
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(benchScreenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(benchScreenshotDirectory, `${name}.png`) });
}
