import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { e2ePassword, e2eUsers, type E2eUserKey } from './demo-users.ts';

/** Debian's Chromium: the tests never download a browser. */
export const chromiumPath = process.env.LEADPACT_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium quiet on a closed network: no update checks, no sync, no background requests. */
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const desktop = { width: 1280, height: 800 } as const;
export const phone = { width: 390, height: 844 } as const;

export const screenshotDirectory = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true });
}

/**
 * A fresh browser profile (no cookies) at `viewport`, whose pages fail the test on any console error
 * or uncaught exception — a script or style refused by the CSP shows up as one.
 */
export async function newBrowsingContext(browser: Browser, baseUrl: string, viewport: { width: number; height: number } = desktop): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  // Reduced motion: the app then skips its transitions, so a screenshot never catches a drawer mid-slide.
  const context = await browser.newContext({ baseURL: baseUrl, viewport, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    // The browser logs every 4xx answer; the app handles those (a 401 before sign-in, a refused
    // form) and the tests check what it shows. Anything else — a CSP refusal, a crash — fails the test.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Signs in through the sign-in form, as a person would. */
export async function signInThroughForm(page: Page, user: E2eUserKey): Promise<void> {
  await page.getByLabel('E-mail').fill(e2eUsers[user].email);
  await page.getByLabel('Password').fill(e2ePassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** axe-core on the page as it is: fails on any serious or critical violation, naming each. */
export async function expectNoSeriousAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Writes test-results/screenshots/<name>.png (git-ignored) for a reviewer to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: false });
}
