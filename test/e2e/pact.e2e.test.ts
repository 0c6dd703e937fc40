import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';
import type { E2eUserKey } from './support/demo-users.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
const openContexts: { close(): Promise<void> }[] = [];
const pageErrors: string[][] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(openContexts.splice(0).map((context) => context.close()));
  // Console errors include anything the CSP refused: the app must run with scripts and styles from 'self' only.
  expect(pageErrors.splice(0).flat()).toEqual([]);
});

/** A fresh browser as `user`, signed in through the form on the way to `path`. */
async function signedInAs(user: E2eUserKey, path: string, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const opened = await newBrowsingContext(browser, baseUrl, viewport);
  openContexts.push(opened.context);
  pageErrors.push(opened.pageErrors);
  const { page } = opened;
  await page.goto(path);
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, user);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  return page;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Presses Tab until the focused element's text matches, as a keyboard user would reach it; fails if it never does. */
async function tabTo(page: Page, name: RegExp, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    if (name.test(text.trim())) return;
  }
  throw new Error(`${name} was not reached with ${maxPresses} presses of Tab`);
}

/** The focused element shows a focus ring or outline (never only a colour change). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
  });
}

async function documentText(page: Page): Promise<string> {
  return page.getByLabel(/^Pact document/).inputValue();
}

interface ApiPact {
  version: { version: number; status: string; document: { grading: { thresholds: { A: number; B: number; C: number } } } };
}

describe('pact', () => {
  // One story across three people: the admin drafts, marketing and sales approve, the admin activates.
  it('an admin edits and gets a pact approved and activated', { timeout: 240_000 }, async () => {
    const admin = await signedInAs('admin', '/pact');
    const before = await apiJson<ApiPact>(admin, '/api/pact');
    const { A, B } = before.version.document.grading.thresholds;
    const activeBefore = before.version.version;

    // The readable agreement: headline numbers, who signed, the history.
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('Pact');
    await admin.getByRole('heading', { name: `In force: version ${activeBefore}` }).waitFor();
    const grades = admin.getByRole('region', { name: /^Grades/ });
    expect(await grades.textContent()).toContain(`from ${A}`);
    await admin.getByRole('heading', { name: 'How fast' }).waitFor();
    await admin.getByRole('heading', { name: 'Feedback sales owes' }).waitFor();
    await admin.getByRole('heading', { name: 'What marketing owes' }).waitFor();
    await admin.getByRole('table', { name: /Every version of the pact/ }).waitFor();
    await expectNoSeriousAccessibilityViolations(admin);
    await saveScreenshot(admin, 'pact-desktop');

    // Keyboard: the draft is one Tab-walk away, with a visible focus ring.
    await tabTo(admin, /^Start a draft$/);
    expect(await focusIsVisible(admin)).toBe(true);
    await admin.keyboard.press('Enter');
    await admin.waitForURL((url) => url.pathname === '/pact/draft');
    const editor = admin.getByLabel(/^Pact document/);
    await editor.waitFor();
    await admin.getByText('No problems found.').waitFor();
    await admin.getByText('Nothing changed yet').waitFor();

    // The form writes into the document, and the review shows the change against the version in force.
    const gradeA = admin.getByLabel('Grade A from');
    expect(await gradeA.inputValue()).toBe(String(A));
    await gradeA.fill(String(A + 5));
    const changes = admin.getByRole('complementary', { name: 'Review and propose' });
    await changes.getByText(`Grading: thresholds.A ${A} → ${A + 5}`).waitFor();
    expect(await documentText(admin)).toContain(`A: ${A + 5}`);
    await expectNoSeriousAccessibilityViolations(admin);
    await saveScreenshot(admin, 'pact-draft-desktop');

    // A bad value typed into the raw document: the problem with its path, under the editor and at the form's field.
    const withGoodB = await documentText(admin);
    expect(withGoodB).toMatch(new RegExp(`\\bB: ${B}\\b`));
    await editor.fill(withGoodB.replace(new RegExp(`\\bB: ${B}\\b`), 'B: forty'));
    const problems = admin.getByRole('list', { name: 'Problems in the draft' });
    await problems.waitFor();
    const problem = problems.getByRole('listitem').filter({ hasText: 'grading.thresholds.B' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/line \d+/);
    await admin.getByText(/1 problem: the draft cannot be proposed until it is fixed/).waitFor();
    const gradeB = admin.getByLabel('Grade B from');
    expect(await gradeB.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByRole('button', { name: 'Propose version' }).isDisabled()).toBe(true);
    await expectNoSeriousAccessibilityViolations(admin);
    await saveScreenshot(admin, 'pact-draft-problem-desktop');

    // Going to the problem puts the caret on it in the document.
    await problem.getByRole('button').click();
    expect(await admin.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const caretLine = await editor.evaluate((element) => {
      const textarea = element as HTMLTextAreaElement;
      return textarea.value.slice(0, textarea.selectionStart).split('\n').pop();
    });
    expect(caretLine?.trim()).toBe('B:');

    // Fixed in the form this time: the field takes the number and the problem goes.
    await gradeB.fill(String(B));
    await admin.getByText('No problems found.').waitFor();
    expect(await gradeB.getAttribute('aria-invalid')).toBeNull();
    await changes.getByText(`Grading: thresholds.A ${A} → ${A + 5}`).waitFor();
    expect(await changes.getByRole('listitem').count()).toBe(1);

    await admin.getByLabel('Note for the approvers (optional)').fill('Grade A asks for five more fit points');
    await admin.getByRole('button', { name: 'Propose version' }).click();
    await admin.waitForURL((url) => /^\/pact\/versions\/\d+$/.test(url.pathname));
    const version = Number(new URL(admin.url()).pathname.split('/').pop());
    expect(version).toBeGreaterThan(activeBefore);
    await admin.getByRole('heading', { level: 1, name: new RegExp(`Pact version ${version}\\s*Draft`) }).waitFor();
    await admin.getByText('Waiting for a marketing user and a sales manager to approve it; then an admin puts it in force.').waitFor();
    await admin.getByText(`Grading: thresholds.A ${A} → ${A + 5}`).waitFor();
    expect(await admin.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await saveScreenshot(admin, 'pact-version-draft-desktop');

    // Marketing approves for marketing… (with the page open twice, to see a refusal where it happens)
    const marketing = await signedInAs('marketing', `/pact/versions/${version}`);
    const staleTab = await marketing.context().newPage();
    await staleTab.goto(`/pact/versions/${version}`);
    await staleTab.getByRole('button', { name: 'Approve for marketing' }).waitFor();
    await marketing.getByRole('button', { name: 'Approve for marketing' }).click();
    await marketing.getByText(/Marketing approved by Morgan Marketing on/).waitFor();
    await marketing.getByText('Waiting for a sales manager to approve it; then an admin puts it in force.').waitFor();
    await marketing.getByText('Marketing has approved this version.').waitFor();
    await staleTab.getByRole('button', { name: 'Approve for marketing' }).click();
    const refusal = staleTab.locator('.lp-pact-action').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`the marketing side already approved pact version ${version}`);
    // The refused tab catches up: it now shows who signed, and no button to sign again.
    await staleTab.getByText(/Marketing approved by Morgan Marketing on/).waitFor();
    expect(await staleTab.getByRole('button', { name: 'Approve for marketing' }).count()).toBe(0);
    await saveScreenshot(staleTab, 'pact-version-refused-desktop');

    // …and a sales manager for sales: two people, one per side.
    const manager = await signedInAs('salesManager', `/pact/versions/${version}`);
    await manager.getByText(/Marketing approved by Morgan Marketing/).waitFor();
    await expectNoSeriousAccessibilityViolations(manager);
    await saveScreenshot(manager, 'pact-version-approve-desktop');
    await manager.getByRole('button', { name: 'Approve for sales' }).click();
    await manager.getByText(/Sales approved by Sam Manager on/).waitFor();
    await manager.getByRole('heading', { level: 1, name: new RegExp(`Pact version ${version}\\s*Approved`) }).waitFor();

    // The admin puts it in force and follows the rescoring to its summary.
    await admin.reload();
    await admin.getByText(/^Both sides approved it/).waitFor();
    await admin.getByRole('button', { name: `Put version ${version} in force` }).click();
    await admin.waitForURL((url) => url.searchParams.has('run'));
    await admin.getByRole('progressbar', { name: 'Leads rescored' }).waitFor();
    await admin.getByText(/^Done: every open lead was rescored/).waitFor({ timeout: 180_000 });
    expect(await admin.locator('.lp-pact-stats dt').allTextContents()).toEqual(['Grade changed', 'New MQLs', 'Back from recycling', 'MQLs that no longer qualify']);
    const stats = await admin.locator('.lp-pact-stats dd').allTextContents();
    expect(stats.every((value) => /^[\d,]+$/.test(value))).toBe(true);
    await admin.getByRole('heading', { level: 1, name: new RegExp(`Pact version ${version}\\s*Active`) }).waitFor();
    // In force now, it is compared with the version it replaced.
    await admin.getByRole('heading', { name: `Changes from version ${activeBefore} (replaced)` }).waitFor();
    await admin.getByText(`Grading: thresholds.A ${A} → ${A + 5}`).waitFor();
    await expectNoSeriousAccessibilityViolations(admin);
    await saveScreenshot(admin, 'pact-rescored-desktop');

    const run = await apiJson<{ status: string; total: number; processed: number; gradeChanged: number; becameMql: number; resurfaced: number; lostMql: number }>(admin, `/api/rescore-runs/${new URL(admin.url()).searchParams.get('run')}`);
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.processed).toBe(run.total);
    expect(stats).toEqual([run.gradeChanged, run.becameMql, run.resurfaced, run.lostMql].map((count) => count.toLocaleString('en-US')));
    // Raising A's threshold moved some leads down: the grade changes are drawn (ECharts, canvas) as well as written.
    expect(run.gradeChanged).toBeGreaterThan(0);
    const chart = admin.getByRole('img', { name: 'Leads whose grade changed, by change' });
    expect(await chart.locator('canvas').evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);
    expect(await admin.getByText(/^Grade changes: (.+, )?A→B [\d,]+/).count()).toBe(1);
    const after = await apiJson<ApiPact>(admin, '/api/pact');
    expect(after.version.version).toBe(version);
    expect(after.version.document.grading.thresholds.A).toBe(A + 5);
  });

  it('reads well at 390 px: the agreement, a version and the editor, with nothing wider than the screen', async () => {
    const page = await signedInAs('admin', '/pact', phone);
    await page.getByRole('heading', { name: /^In force: version \d+$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'pact-phone');

    const { version } = (await apiJson<ApiPact>(page, '/api/pact')).version;
    await page.goto(`/pact/versions/${version}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Pact version ${version}`) }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'pact-version-phone');

    await page.goto('/pact/draft');
    await page.getByText('No problems found.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'pact-draft-phone');
  });

  it('lets a sales rep read the pact but not draft one', async () => {
    const page = await signedInAs('rep', '/pact');
    await page.getByRole('heading', { name: /^In force: version \d+$/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toContain('Pact');
    expect(await page.getByRole('link', { name: 'Start a draft' }).count()).toBe(0);
    await page.goto('/pact/draft');
    await page.waitForURL((url) => url.pathname === '/pact');
    await page.getByRole('heading', { name: /^In force: version \d+$/ }).waitFor();
  });
});
