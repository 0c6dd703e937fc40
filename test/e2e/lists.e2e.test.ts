import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';
import type { E2eUserKey } from './support/demo-users.ts';

interface ApiLead {
  id: string;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  stage: string;
  score: number | null;
  ownerId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

interface ApiLeadPage {
  leads: ApiLead[];
  nextCursor: string | null;
  total: number;
}

interface ApiUser {
  id: string;
  teamId: string | null;
}

const baseUrl = inject('baseUrl');
const pageSize = 50;

let browser: Browser;
const openContexts: { close(): Promise<void> }[] = [];
let pageErrors: string[][] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(openContexts.splice(0).map((context) => context.close()));
  // Console errors include anything the CSP refused: the app must run with scripts and styles from 'self' only.
  expect(pageErrors.flat()).toEqual([]);
  pageErrors = [];
});

/** Signs in through the form with `path` as the page asked for, and waits for its first rows. */
async function signedInAt(user: E2eUserKey, path: string, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const opened = await newBrowsingContext(browser, baseUrl, viewport);
  openContexts.push(opened.context);
  pageErrors.push(opened.pageErrors);
  const page = opened.page;
  await page.goto(path);
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, user);
  await page.waitForURL((url) => url.pathname === new URL(path, baseUrl).pathname);
  await page.locator('main table tbody tr, .lp-empty-state, [role="alert"]').first().waitFor();
  return page;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A page of GET /api/leads as the signed-in user, with the list's page size. */
function apiLeads(page: Page, query: Record<string, string>): Promise<ApiLeadPage> {
  return apiJson<ApiLeadPage>(page, `/api/leads?${new URLSearchParams({ limit: String(pageSize), ...query })}`);
}

function rowIds(page: Page): Promise<string[]> {
  return page.locator('main table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.leadId ?? ''));
}

/** The total in the page header, as a number ("1,234 leads" → 1234). */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.locator('.lp-list-total strong').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Waits until the table shows exactly `ids`, in that order. */
async function expectRows(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => rowIds(page)).toEqual(ids);
}

describe('leads list', () => {
  it('shows a sales manager their team’s leads with the total; filters by grade and stage; sorts by score; pages; exports the view as CSV; opens a lead', async () => {
    const page = await signedInAt('salesManager', '/leads');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Leads');

    // Only the team's leads: the API's answer for the manager, and every owner is on the team (or nobody).
    const me = await apiJson<{ user: { id: string; teamId: string } }>(page, '/api/auth/me');
    const { users } = await apiJson<{ users: ApiUser[] }>(page, '/api/users');
    const team = new Set(users.filter((user) => user.teamId === me.user.teamId).map((user) => user.id));
    const everything = await apiLeads(page, {});
    expect(everything.total).toBeGreaterThan(pageSize);
    await expectRows(page, everything.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(everything.total);
    expect(everything.leads.every((lead) => lead.ownerId === null || team.has(lead.ownerId))).toBe(true);
    const teamSize = await apiJson<{ total: number }>(page, `/api/leads?limit=1&team=${me.user.teamId}`);
    expect(teamSize.total).toBeLessThanOrEqual(everything.total);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'leads-list-desktop');

    // Sort by score, highest first: one press on the header.
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-score');
    const byScore = await apiLeads(page, { sort: '-score' });
    await expectRows(page, byScore.leads.map((lead) => lead.id));
    expect(await page.locator('th', { has: page.getByRole('button', { name: 'Score', exact: true }) }).getAttribute('aria-sort')).toBe('descending');
    const scores = await page.locator('main table tbody tr .lp-leads-table__score').allTextContents();
    const numbers = scores.slice(0, 10).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // Page forward and back, the keyboard's way.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    const secondPage = await apiLeads(page, { sort: '-score', cursor: byScore.nextCursor! });
    await expectRows(page, secondPage.leads.map((lead) => lead.id));
    expect(await page.getByRole('navigation', { name: 'Pages' }).textContent()).toContain(`${pageSize + 1}–${pageSize + secondPage.leads.length} of ${everything.total.toLocaleString('en-GB')} leads`);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expectRows(page, byScore.leads.map((lead) => lead.id));
    // Back returns to the second page, and its Previous still knows the page before.
    await page.goBack();
    await expectRows(page, secondPage.leads.map((lead) => lead.id));
    expect(await page.getByRole('button', { name: 'Previous' }).isEnabled()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Pages' }).textContent()).toContain(`${pageSize + 1}–`);

    // Grade A, then the stage with the most grade-A leads: the filters go to the URL and the first page.
    await page.getByRole('button', { name: 'Grade A' }).click();
    await page.waitForURL((url) => url.searchParams.get('grade') === 'A' && !url.searchParams.has('cursor'));
    const gradeA = await apiLeads(page, { grade: 'A', sort: '-score' });
    await expectRows(page, gradeA.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(gradeA.total);
    const stageCounts = new Map<string, number>();
    for (const lead of (await apiJson<ApiLeadPage>(page, '/api/leads?grade=A&limit=500')).leads) stageCounts.set(lead.stage, (stageCounts.get(lead.stage) ?? 0) + 1);
    const [stage] = [...stageCounts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const stageLabel = ['mql', 'sal', 'sql'].includes(stage) ? stage.toUpperCase() : stage.charAt(0).toUpperCase() + stage.slice(1);
    await page.getByRole('button', { name: /^Stage All stages$/ }).click();
    await page.getByRole('checkbox', { name: stageLabel, exact: true }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('stage') === stage);
    const filtered = await apiLeads(page, { grade: 'A', stage, sort: '-score' });
    await expectRows(page, filtered.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(filtered.total);
    expect(filtered.leads.every((lead) => lead.grade === 'A' && lead.stage === stage)).toBe(true);
    expect(await page.getByRole('button', { name: `Stage ${stageLabel}` }).getAttribute('aria-expanded')).toBe('false');
    await saveScreenshot(page, 'leads-list-filtered-desktop');

    // The CSV is the same view: a header row and one row per lead the total counts.
    const downloaded = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(await readFile((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(records[0]).toContain('grade');
    expect(records.length - 1).toBe(filtered.total);
    const gradeColumn = records[0]!.indexOf('grade');
    const stageColumn = records[0]!.indexOf('stage');
    expect(records.slice(1).every((record) => record[gradeColumn] === 'A' && record[stageColumn] === stage)).toBe(true);
    expect(records.slice(1, 1 + filtered.leads.length).map((record) => record[0])).toEqual(filtered.leads.map((lead) => lead.id));

    // A row opens the lead; its back link returns to this view, filters and order included.
    const first = filtered.leads[0]!;
    await page.locator(`tr[data-lead-id="${first.id}"] a`).click();
    await page.waitForURL((url) => url.pathname === `/leads/${first.id}`);
    const back = page.getByRole('link', { name: 'Back to leads' });
    await back.waitFor();
    await back.click();
    await page.waitForURL((url) => url.pathname === '/leads' && url.searchParams.get('grade') === 'A' && url.searchParams.get('stage') === stage && url.searchParams.get('sort') === '-score');
    await expectRows(page, filtered.leads.map((lead) => lead.id));
  });

  it('says what to do when nothing matches, and shows a bad date range at its field', async () => {
    const page = await signedInAt('salesManager', '/leads?q=no-such-lead-zzqx');
    await page.getByText('No leads match these filters').waitFor();
    expect(await shownTotal(page)).toBe(0);
    await expectNoSeriousAccessibilityViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');

    await page.goto('/leads?from=2026-03-01&to=2026-02-01');
    const to = page.getByLabel('Created to');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await to.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('The last day is before the first day.');
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
  });

  it('recovers from a cursor the API no longer takes', async () => {
    const page = await signedInAt('marketing', '/leads?cursor=not-a-cursor');
    const alert = page.getByRole('alert').filter({ hasText: 'The leads could not be loaded.' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Go to the first page' }).click();
    await page.waitForURL((url) => !url.searchParams.has('cursor'));
    await page.locator('main table tbody tr').first().waitFor();
  });

  it('shows marketing every lead, with a team filter', async () => {
    const page = await signedInAt('marketing', '/leads');
    const all = await apiLeads(page, {});
    await expectRows(page, all.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(all.total);
    const { teams } = await apiJson<{ teams: { id: string; name: string }[] }>(page, '/api/teams');
    expect(teams.length).toBeGreaterThan(1);
    const teamTotals = await Promise.all(teams.map(async (team) => (await apiJson<ApiLeadPage>(page, `/api/leads?limit=1&team=${team.id}`)).total));
    // Marketing sees more than any one team's leads.
    expect(all.total).toBeGreaterThan(Math.max(...teamTotals));

    const team = teams[0]!;
    await page.getByLabel('Team').selectOption(team.id);
    await page.waitForURL((url) => url.searchParams.get('team') === team.id);
    const teamLeads = await apiLeads(page, { team: team.id });
    await expectRows(page, teamLeads.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(teamLeads.total);
  });

  it('works at a 390-px phone width: rows as cards, filters behind a button, a sort menu', async () => {
    const page = await signedInAt('salesManager', '/leads', phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'leads-list-phone');
    await expectNoSeriousAccessibilityViolations(page);

    const grade = page.getByRole('button', { name: 'Grade A' });
    expect(await grade.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filters' }).click();
    await grade.click();
    await page.waitForURL((url) => url.searchParams.get('grade') === 'A');
    await page.getByLabel('Sort by').selectOption('-score');
    await page.waitForURL((url) => url.searchParams.get('sort') === '-score');
    const expected = await apiLeads(page, { grade: 'A', sort: '-score' });
    await expectRows(page, expected.leads.map((lead) => lead.id));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'leads-list-phone-filters');
    await expectNoSeriousAccessibilityViolations(page);
  });
});

interface ApiAccount {
  id: string;
  name: string;
  leadCounts: { total: number; open: number };
}

interface ApiAccountPage {
  accounts: ApiAccount[];
  nextCursor: string | null;
  total: number;
}

function apiAccounts(page: Page, query: Record<string, string>): Promise<ApiAccountPage> {
  return apiJson<ApiAccountPage>(page, `/api/accounts?${new URLSearchParams({ limit: String(pageSize), ...query })}`);
}

function accountRowIds(page: Page): Promise<string[]> {
  return page.locator('main table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.accountId ?? ''));
}

describe('accounts list', () => {
  it('shows marketing every account with the total, sorts by lead count, exports the view, and opens an account', async () => {
    const page = await signedInAt('marketing', '/accounts');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Accounts');
    const byName = await apiAccounts(page, {});
    await expect.poll(() => accountRowIds(page)).toEqual(byName.accounts.map((account) => account.id));
    expect(await shownTotal(page)).toBe(byName.total);
    await expectNoSeriousAccessibilityViolations(page);

    // Most leads first: one press on the Leads header.
    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-leads');
    const byLeads = await apiAccounts(page, { sort: '-leads' });
    await expect.poll(() => accountRowIds(page)).toEqual(byLeads.accounts.map((account) => account.id));
    const counts = byLeads.accounts.map((account) => account.leadCounts.total);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts.at(-1)!);
    const shownCounts = await page.locator('main table tbody tr .lp-accounts-table__leads').evaluateAll((cells) => cells.map((cell) => Number(cell.firstChild?.textContent?.replace(/[^\d]/g, ''))));
    expect(shownCounts).toEqual(counts);
    await saveScreenshot(page, 'accounts-list-desktop');

    const downloaded = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const records = parse(await readFile((await (await downloaded).path())!, 'utf8'), { bom: true }) as string[][];
    expect(records.length - 1).toBe(byLeads.total);
    expect(records.slice(1, 1 + byLeads.accounts.length).map((record) => record[0])).toEqual(byLeads.accounts.map((account) => account.id));

    // The account with the most leads: its page, then back to the list as it was.
    const top = byLeads.accounts[0]!;
    await page.locator(`tr[data-account-id="${top.id}"] a`).click();
    await page.waitForURL((url) => url.pathname === `/accounts/${top.id}`);
    await page.getByRole('heading', { level: 1, name: top.name }).waitFor();
    await page.getByRole('heading', { name: `Leads (${top.leadCounts.total})` }).waitFor();
    expect(await page.locator('main table tbody tr').count()).toBe(Math.min(10, top.leadCounts.total));
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'account-page-desktop');
    await page.getByRole('link', { name: 'Back to accounts' }).first().click();
    await page.waitForURL((url) => url.pathname === '/accounts' && url.searchParams.get('sort') === '-leads');
    await expect.poll(() => accountRowIds(page)).toEqual(byLeads.accounts.map((account) => account.id));
  });

  it('opens all of an account’s leads in the leads list, filtered to that account by name, and lets the filter go', async () => {
    const page = await signedInAt('marketing', '/accounts?sort=-leads');
    const top = (await apiAccounts(page, { sort: '-leads' })).accounts[0]!;
    await page.goto(`/accounts/${top.id}`);
    await page.getByRole('heading', { level: 1, name: top.name }).waitFor();
    await page.getByRole('link', { name: `All ${top.leadCounts.total} in the leads list` }).click();
    await page.waitForURL((url) => url.pathname === '/leads' && url.searchParams.get('account') === top.id);
    const ofAccount = await apiLeads(page, { account: top.id });
    expect(ofAccount.total).toBe(top.leadCounts.total);
    await expectRows(page, ofAccount.leads.map((lead) => lead.id));
    expect(await shownTotal(page)).toBe(top.leadCounts.total);
    const filter = page.getByRole('combobox', { name: 'Account', exact: true });
    await expect.poll(() => filter.locator('option:checked').textContent()).toBe(top.name);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'leads-list-of-an-account-desktop');

    await filter.selectOption({ label: 'Any account' });
    await page.waitForURL((url) => url.pathname === '/leads' && !url.searchParams.has('account'));
    const everyLead = await apiLeads(page, {});
    await expectRows(page, everyLead.leads.map((lead) => lead.id));
    expect(await filter.count()).toBe(0);
  });

  it('shows the API’s answer about a filter under that filter', async () => {
    const page = await signedInAt('marketing', '/accounts');
    const country = page.getByLabel('Country');
    await country.fill('Atlantis');
    await country.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('country') === 'Atlantis');
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await country.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/Atlantis.*not a country/);
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await expectNoSeriousAccessibilityViolations(page);

    await country.fill('DE');
    await country.press('Enter');
    await page.locator('main table tbody tr, .lp-empty-state').first().waitFor();
    expect(await country.getAttribute('aria-invalid')).toBeNull();
    const german = await apiAccounts(page, { country: 'DE' });
    await expect.poll(() => accountRowIds(page)).toEqual(german.accounts.map((account) => account.id));
  });

  it('shows a sales manager the accounts of their team, and works at a 390-px phone width', async () => {
    const page = await signedInAt('salesManager', '/accounts', phone);
    const mine = await apiAccounts(page, {});
    await expect.poll(() => accountRowIds(page)).toEqual(mine.accounts.map((account) => account.id));
    expect(await shownTotal(page)).toBe(mine.total);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'accounts-list-phone');
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByLabel('Sort by').selectOption('-leads');
    await page.waitForURL((url) => url.searchParams.get('sort') === '-leads');
    const byLeads = await apiAccounts(page, { sort: '-leads' });
    await expect.poll(() => accountRowIds(page)).toEqual(byLeads.accounts.map((account) => account.id));
    await page.locator('main table tbody tr a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/accounts/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'account-page-phone');
  });
});
