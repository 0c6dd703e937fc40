import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';

interface ApiLead {
  id: string;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  stage: string;
  ownerId: string | null;
  stageChangedAt: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

const baseUrl = inject('baseUrl');
const gradeRank = (grade: ApiLead['grade']) => (grade === null ? 4 : 'ABCD'.indexOf(grade));

let browser: Browser;
const openContexts: { close(): Promise<void> }[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(openContexts.splice(0).map((context) => context.close()));
  // Console errors include anything the CSP refused: the app must run with scripts and styles from 'self' only.
  expect(pageErrors).toEqual([]);
});

async function openPage(viewport: { width: number; height: number } = desktop): Promise<Page> {
  const opened = await newBrowsingContext(browser, baseUrl, viewport);
  openContexts.push(opened.context);
  pageErrors = opened.pageErrors;
  return opened.page;
}

async function signedInAsRep(path: string, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const page = await openPage(viewport);
  await page.goto(path);
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, 'rep');
  await page.waitForURL((url) => url.pathname === '/inbox');
  await page.locator('tbody tr, .lp-empty-state').first().waitFor();
  return page;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function myLeads(page: Page, stages: string | null): Promise<{ me: { user: { id: string } }; leads: ApiLead[] }> {
  const me = await apiJson<{ user: { id: string } }>(page, '/api/auth/me');
  const query = new URLSearchParams({ owner: me.user.id, limit: '500', ...(stages ? { stage: stages } : {}) });
  const { leads } = await apiJson<{ leads: ApiLead[] }>(page, `/api/leads?${query}`);
  return { me, leads };
}

function rowIds(page: Page): Promise<string[]> {
  return page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.leadId ?? ''));
}

function focusedRowId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.leadId);
}

describe('rep inbox', () => {
  it('sends a visitor to sign-in, shows a wrong password next to the field, then lands the rep on the inbox', async () => {
    const page = await openPage();
    await page.goto('/');
    await page.waitForURL(/\/sign-in\?next=/);
    await saveScreenshot(page, 'sign-in-desktop');
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByLabel('E-mail').fill('robin@demo.leadpact.dev');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const passwordError = page.getByText('Wrong e-mail or password.');
    await expect.poll(() => passwordError.isVisible()).toBe(true);
    const describedBy = await page.getByLabel('Password').getAttribute('aria-describedby');
    expect(await passwordError.locator('xpath=..').getAttribute('id')).toBe(describedBy);

    await signInThroughForm(page, 'rep');
    await page.waitForURL((url) => url.pathname === '/inbox');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox');
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Pact']);
    expect(await page.getByRole('navigation', { name: 'Account' }).getByRole('link').allTextContents()).toEqual(['Your account']);
  });

  it('lists exactly the rep’s leads to work, best grade first and the longest waiting first within a grade', async () => {
    const page = await signedInAsRep('/inbox');
    const { me, leads } = await myLeads(page, 'mql,sal');
    const shown = await rowIds(page);
    expect([...shown].sort()).toEqual(leads.map((lead) => lead.id).sort());

    const byId = new Map(leads.map((lead) => [lead.id, lead]));
    const inOrder = shown.map((id) => byId.get(id)!);
    expect(inOrder.every((lead) => lead.ownerId === me.user.id && ['mql', 'sal'].includes(lead.stage))).toBe(true);
    for (let i = 1; i < inOrder.length; i += 1) {
      const [before, after] = [inOrder[i - 1]!, inOrder[i]!];
      expect(gradeRank(before.grade)).toBeLessThanOrEqual(gradeRank(after.grade));
      if (before.grade === after.grade) expect(Date.parse(before.stageChangedAt)).toBeLessThanOrEqual(Date.parse(after.stageChangedAt));
    }

    // "All my leads": every lead the rep owns, in any stage, and still only theirs.
    await page.goto('/inbox?view=all');
    await page.locator('tbody tr').first().waitFor();
    const allMine = (await myLeads(page, null)).leads;
    expect(allMine.every((lead) => lead.ownerId === me.user.id)).toBe(true);
    expect((await rowIds(page)).sort()).toEqual(allMine.map((lead) => lead.id).sort());

    await saveScreenshot(page, 'inbox-all-desktop');
  });

  it('moves with j and k, opens the focused lead with Enter and closes it with Escape', async () => {
    const page = await signedInAsRep('/inbox?view=all');
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('j');
    expect(await focusedRowId(page)).toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedRowId(page)).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await focusedRowId(page)).toBe(ids[1]);

    await page.keyboard.press('Enter');
    const preview = page.getByRole('complementary', { name: /.+/ }).filter({ has: page.locator('#lead-preview-name') });
    await preview.waitFor();
    const focusedName = await page.locator(`tr[data-lead-id="${ids[1]}"] .lp-inbox__lead-name`).textContent();
    expect(await preview.locator('h2').textContent()).toBe(focusedName);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'inbox-preview-desktop');

    // With the preview open, j moves it along with the focus.
    await page.keyboard.press('j');
    const nextName = await page.locator(`tr[data-lead-id="${ids[2]}"] .lp-inbox__lead-name`).textContent();
    await expect.poll(() => preview.locator('h2').textContent()).toBe(nextName);

    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    expect(await focusedRowId(page)).toBe(ids[2]);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
  });

  it('filters by grade and by search text, keeps them in the URL, and offers to clear them when nothing matches', async () => {
    const page = await signedInAsRep('/inbox?view=all');
    const { leads } = await myLeads(page, null);
    const grade = (['A', 'B', 'C', 'D'] as const).find((candidate) => leads.some((lead) => lead.grade === candidate))!;
    await page.getByRole('button', { name: new RegExp(`^Grade ${grade} \\d+ leads$`) }).click();
    await page.waitForURL((url) => url.searchParams.get('grade') === grade);
    const gradeIds = new Set(leads.filter((lead) => lead.grade === grade).map((lead) => lead.id));
    await expect.poll(async () => (await rowIds(page)).every((id) => gradeIds.has(id)) && (await rowIds(page)).length === gradeIds.size).toBe(true);

    await page.getByRole('searchbox', { name: 'Search' }).fill('no-such-lead-zzqx');
    await page.getByText('No leads match these filters').waitFor();
    await page.waitForURL((url) => url.searchParams.get('q') === 'no-such-lead-zzqx');
    await expectNoSeriousAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('tbody tr').first().waitFor();
    expect(await rowIds(page)).toHaveLength(leads.length);
    expect(new URL(page.url()).searchParams.get('grade')).toBeNull();
  });

  it('sends the rep to sign-in when the session ends, and back to the same view after signing in', async () => {
    const page = await signedInAsRep('/inbox?view=all');
    await page.context().clearCookies();
    await page.getByLabel('Show').selectOption('closed');
    await page.waitForURL(/\/sign-in\?/);
    await page.getByText('Your session ended.').waitFor();
    await signInThroughForm(page, 'rep');
    await page.waitForURL((url) => url.pathname === '/inbox' && url.searchParams.get('view') === 'closed');
    await page.locator('tbody tr, .lp-empty-state').first().waitFor();
  });

  it('works at a 390-px phone width: rows as cards, navigation in a drawer', async () => {
    const page = await signedInAsRep('/inbox', phone);
    await saveScreenshot(page, 'inbox-phone');
    await expectNoSeriousAccessibilityViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    const inboxLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' });
    expect(await inboxLink.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await inboxLink.waitFor({ state: 'visible' });
    await saveScreenshot(page, 'inbox-phone-menu');
    await expectNoSeriousAccessibilityViolations(page);
    await page.keyboard.press('Escape');
    await inboxLink.waitFor({ state: 'hidden' });

    await page.goto('/inbox?view=all');
    await page.locator('tbody tr').first().click();
    await page.locator('#lead-preview-name').waitFor();
    await saveScreenshot(page, 'inbox-preview-phone');
  });

  it('shows the rep their account page with a password form that reports errors at the field', async () => {
    const page = await signedInAsRep('/inbox');
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByLabel('Current password').fill('wrong-current-password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/^Must be at least 12 characters/).waitFor();
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'account-desktop');
  });

  // Last: it leaves an address locked (one nobody uses) and five failures counted against this IP.
  it('tells a locked-out address when it may try again', async () => {
    const page = await openPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill('nobody-e2e@demo.leadpact.dev');
    await page.getByLabel('Password').fill('wrong-password-every-time');
    const signInButton = page.getByRole('button', { name: 'Sign in' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in'));
      await signInButton.click();
      expect((await answered).status()).toBe(401);
    }
    await signInButton.click();
    const lockout = page.getByRole('alert').filter({ hasText: /Too many failed sign-ins\. Try again in \d+ (seconds?|minutes?)\./ });
    await lockout.waitFor();
    await saveScreenshot(page, 'sign-in-locked-out-desktop');
  });
});
