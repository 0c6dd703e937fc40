import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';
import type { E2eUserKey } from './support/demo-users.ts';

interface ApiLeadSummary {
  id: string;
  stage: string;
  ownerId: string | null;
  ownerName: string | null;
  score: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

interface ApiLeadDetail {
  lead: { id: string; stage: string; score: number | null; ownerId: string | null; routing: { reason: string } | null };
  owner: { id: string; name: string } | null;
  events: { type: string; reason: string | null; actor: { label: string } }[];
}

interface ApiUser {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

const baseUrl = inject('baseUrl');

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

async function signedInAs(user: E2eUserKey, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const opened = await newBrowsingContext(browser, baseUrl, viewport);
  openContexts.push(opened.context);
  pageErrors.push(opened.pageErrors);
  const page = opened.page;
  await page.goto('/sign-in');
  await signInThroughForm(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function myId(page: Page): Promise<string> {
  return (await apiJson<{ user: { id: string } }>(page, '/api/auth/me')).user.id;
}

/** The rep's own leads still being worked (MQL or SAL), newest first. */
async function myOpenLeads(page: Page): Promise<ApiLeadSummary[]> {
  const query = new URLSearchParams({ owner: await myId(page), stage: 'mql,sal', limit: '100' });
  const { leads } = await apiJson<{ leads: ApiLeadSummary[] }>(page, `/api/leads?${query}`);
  expect(leads.length, 'the demo rep has leads to work').toBeGreaterThan(0);
  return leads;
}

/** A write as the signed-in user of `page` (the session cookie, plus the CSRF token and Origin the API wants). */
async function apiWrite(page: Page, method: 'PATCH' | 'POST', path: string, data: unknown): Promise<void> {
  const { csrfToken } = await apiJson<{ csrfToken: string }>(page, '/api/auth/me');
  const response = await page.request.fetch(path, { method, data, headers: { 'X-CSRF-Token': csrfToken, Origin: baseUrl } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(200);
}

/**
 * An MQL lead of the rep's to accept, made by an admin from an inquiry (a correction admins may
 * make): the demo gives the rep only a couple of MQLs, and other tests may work them first.
 */
async function freshMqlLeadOf(repId: string): Promise<string> {
  const admin = await signedInAs('admin');
  const { leads } = await apiJson<{ leads: ApiLeadSummary[] }>(admin, '/api/leads?stage=inquiry&limit=20');
  const lead = leads[0];
  expect(lead, 'the demo has inquiries').toBeDefined();
  await apiWrite(admin, 'PATCH', `/api/leads/${lead!.id}`, { stage: 'mql', ownerId: repId, reason: 'Set up by the e2e test' });
  return lead!.id;
}

function leadDetail(page: Page, id: string): Promise<ApiLeadDetail> {
  return apiJson<ApiLeadDetail>(page, `/api/leads/${id}`);
}

function timelineEntries(page: Page) {
  return page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem');
}

/** Presses Tab until `target` has focus (at most `limit` times); returns whether it got there. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit = 60): Promise<boolean> {
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return true;
  }
  return false;
}

describe('lead page', () => {
  it('opens from the inbox; the score explanation adds up to the score; the timeline shows the assignment reason; Escape goes back', async () => {
    const page = await signedInAs('rep');
    await page.goto('/inbox?view=all');
    const [lead] = await myOpenLeads(page);
    const detail = await leadDetail(page, lead!.id);

    await page.locator(`tr[data-lead-id="${lead!.id}"] .lp-inbox__lead`).click();
    await page.getByRole('link', { name: 'Open lead' }).click();
    await page.waitForURL((url) => url.pathname === `/leads/${lead!.id}`);
    const name = [lead!.firstName, lead!.lastName].filter(Boolean).join(' ') || lead!.email!;
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // Every rule's points, as shown, add up to the score the lead carries.
    const points = await page.locator('[data-rule-points]').evaluateAll((lines) => lines.map((line) => Number((line as HTMLElement).dataset.rulePoints)));
    expect(points.length).toBeGreaterThan(0);
    const exact = Math.round(points.reduce((sum, value) => sum + value, 0) * 10) / 10;
    expect(Math.round(exact)).toBe(detail.lead.score);
    expect(Number(await page.locator('[data-score-total]').getAttribute('data-score-total'))).toBe(detail.lead.score);
    await page.getByRole('list', { name: 'Grade thresholds' }).waitFor();

    // Why the rep got the lead: in the owner card and on the timeline, with who decided.
    const assignment = detail.events.findLast((event) => event.type === 'assignment');
    expect(assignment?.reason).toBeTruthy();
    expect(await page.locator('[data-assignment-reason]').textContent()).toBe(assignment!.reason);
    const assignmentEntry = timelineEntries(page).filter({ hasText: assignment!.reason! });
    expect(await assignmentEntry.count()).toBeGreaterThanOrEqual(1);
    expect(await assignmentEntry.first().textContent()).toContain(assignment!.actor.label);

    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'lead-page-desktop');
    await page.getByRole('region', { name: 'Score' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'lead-page-score-desktop');

    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/inbox' && url.searchParams.get('view') === 'all');
  });

  it('accepts an MQL lead (MQL → SAL) and shows it on the timeline; a disqualify without a disposition is refused at the field', async () => {
    const page = await signedInAs('rep');
    const lead = { id: await freshMqlLeadOf(await myId(page)) };
    await page.goto(`/leads/${lead.id}?from=${encodeURIComponent('/inbox')}`);
    const moveTo = page.getByLabel('Move to');
    await moveTo.waitFor();

    // The stage form is reachable from the keyboard, and the focused control shows its ring.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    expect(await tabTo(page, () => moveTo.evaluate((element) => element === document.activeElement))).toBe(true);
    expect(await moveTo.evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe('none');
    expect(await moveTo.inputValue()).toBe('sal');

    await page.getByLabel('Note for the timeline').fill('Called, confirmed interest (e2e)');
    const answered = page.waitForResponse((response) => response.url().endsWith(`/api/leads/${lead.id}`) && response.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Accept lead' }).click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => timelineEntries(page).first().textContent()).toContain('MQL → SAL');
    const newest = await timelineEntries(page).first().textContent();
    expect(newest).toContain('Robin Rep');
    expect(newest).toContain('Called, confirmed interest (e2e)');
    expect(await page.locator('.lp-stepper [aria-current="step"]').textContent()).toContain('SAL');
    expect((await leadDetail(page, lead.id)).lead.stage).toBe('sal');
    await page.getByRole('region', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'lead-page-timeline-desktop');

    // Disqualifying needs the disposition: the API refuses, and the page says so under that field.
    await moveTo.selectOption('disqualified');
    await page.getByRole('button', { name: 'Disqualify' }).click();
    const error = page.getByText(/^Disqualifying a lead needs the disposition/);
    await error.waitFor();
    const disposition = page.getByLabel('Disposition');
    expect(await disposition.getAttribute('aria-invalid')).toBe('true');
    expect(await disposition.getAttribute('aria-describedby')).toContain(await error.locator('xpath=..').getAttribute('id'));
    expect((await leadDetail(page, lead.id)).lead.stage).toBe('sal');
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'lead-page-refused-desktop');
  });

  it('shows a not-found-or-not-yours page for another rep’s lead and for an address that is no lead', async () => {
    const admin = await signedInAs('admin');
    const { leads } = await apiJson<{ leads: ApiLeadSummary[] }>(admin, '/api/leads?stage=mql,sal&limit=200');
    const rep = await signedInAs('rep');
    const repId = await myId(rep);
    const someoneElses = leads.find((lead) => lead.ownerId !== null && lead.ownerId !== repId);
    expect(someoneElses, 'the demo has leads of other reps').toBeDefined();

    const answered = rep.waitForResponse((response) => response.url().endsWith(`/api/leads/${someoneElses!.id}`));
    await rep.goto(`/leads/${someoneElses!.id}`);
    expect((await answered).status()).toBe(404);
    await rep.getByRole('heading', { name: 'This lead is not here, or not yours' }).waitFor();
    expect(await rep.getByText(someoneElses!.email ?? '(no e-mail)').count()).toBe(0);
    await expectNoSeriousAccessibilityViolations(rep);
    await saveScreenshot(rep, 'lead-page-not-yours-desktop');

    await rep.goto('/leads/not-a-lead-id');
    await rep.getByRole('heading', { name: 'This lead is not here, or not yours' }).waitFor();
    await rep.getByRole('link', { name: 'Back to the inbox' }).first().click();
    await rep.waitForURL((url) => url.pathname === '/inbox');
  });

  it('lets a rep correct their lead’s details: a bad value at its field, then saved, normalised and on the timeline', async () => {
    const page = await signedInAs('rep');
    const leadId = await freshMqlLeadOf(await myId(page));
    await page.goto(`/leads/${leadId}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Job title').fill('VP Revenue (e2e)');
    await dialog.getByLabel('Phone').fill('(415) 555-2671');
    await dialog.getByLabel('Country').fill('us');
    await dialog.getByLabel('Employees').fill('about fifty');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    // Said at the field before anything is sent.
    const employees = dialog.getByLabel('Employees');
    await expect.poll(() => employees.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await employees.getAttribute('aria-describedby')}"]`).textContent()).toContain('whole number');
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'lead-page-edit-details-desktop');

    // The API's refusal lands at its field too: a first name longer than the API takes.
    await employees.fill('50');
    const firstName = dialog.getByLabel('First name');
    const previousFirstName = await firstName.inputValue();
    await firstName.fill('x'.repeat(101));
    const refused = page.waitForResponse((response) => response.url().endsWith(`/api/leads/${leadId}`) && response.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => firstName.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await firstName.getAttribute('aria-describedby')}"]`).textContent()).toContain('At most 100 characters.');
    expect(await dialog.getByText('Nothing was saved.').count()).toBe(0);
    await firstName.fill(previousFirstName);
    await dialog.getByLabel(/^Why/).fill('Found on their website (e2e)');
    const answered = page.waitForResponse((response) => response.url().endsWith(`/api/leads/${leadId}`) && response.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    expect((await answered).status()).toBe(200);
    await page.getByText('Details saved.').waitFor();
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.lp-lead-header__subtitle').textContent()).toContain('VP Revenue (e2e)');
    await expect.poll(() => timelineEntries(page).filter({ hasText: 'Details corrected' }).first().textContent()).toContain('Found on their website (e2e)');
    const { lead } = await apiJson<{ lead: { title: string; phone: string; country: string; employees: number } }>(page, `/api/leads/${leadId}`);
    expect(lead).toMatchObject({ title: 'VP Revenue (e2e)', phone: '+14155552671', country: 'US', employees: 50 });
  });

  it('lets an admin hand a lead to another rep; the owner card and the timeline say who and why', async () => {
    const page = await signedInAs('admin');
    const { leads } = await apiJson<{ leads: ApiLeadSummary[] }>(page, '/api/leads?stage=mql&limit=50');
    const lead = leads.find((candidate) => candidate.ownerId !== null)!;
    const { users } = await apiJson<{ users: ApiUser[] }>(page, '/api/users?role=sales_rep&active=true');
    const newOwner = users.find((user) => user.id !== lead.ownerId)!;

    await page.goto(`/leads/${lead.id}`);
    const handTo = page.getByLabel('Hand to');
    await expect.poll(() => handTo.isEnabled()).toBe(true);
    await saveScreenshot(page, 'lead-page-admin-desktop');

    // Nobody chosen: said at the field, nothing sent.
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByText('Choose who gets the lead.').waitFor();

    await handTo.selectOption(newOwner.id);
    await page.getByLabel('Why').fill('Territory change (e2e)');
    await page.getByRole('button', { name: 'Reassign' }).click();
    const ownerCard = page.getByRole('region', { name: 'Owner' });
    await expect.poll(() => ownerCard.locator('.lp-owner__name').textContent()).toBe(newOwner.name);
    await expect.poll(() => timelineEntries(page).first().textContent()).toContain('Reassigned');
    const newest = await timelineEntries(page).first().textContent();
    // The title says to whom, the byline who, and the line under it only the admin's words.
    expect(newest).toContain(`Reassigned to ${newOwner.name}`);
    expect(newest).not.toContain(' by API');
    expect(newest).toContain('Territory change (e2e)');
    expect(newest).toContain('Riley Admin');
    expect(await page.locator('[data-assignment-reason]').textContent()).toContain('Territory change (e2e)');
    expect((await leadDetail(page, lead.id)).lead.ownerId).toBe(newOwner.id);
    await expectNoSeriousAccessibilityViolations(page);
  });

  it('works at a 390-px phone width: one column, nothing wider than the screen', async () => {
    const page = await signedInAs('rep', phone);
    const lead = (await myOpenLeads(page))[0]!;
    await page.goto(`/leads/${lead.id}?from=${encodeURIComponent('/inbox?view=all')}`);
    await page.getByLabel('Move to').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    const [stage, owner] = await Promise.all([page.getByRole('region', { name: 'Stage' }).boundingBox(), page.getByRole('region', { name: 'Owner' }).boundingBox()]);
    expect(owner!.y).toBeGreaterThan(stage!.y + stage!.height - 1);
    await saveScreenshot(page, 'lead-page-phone');
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByRole('region', { name: 'Score' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'lead-page-phone-score');
    await page.getByRole('link', { name: 'Back to the inbox' }).click();
    await page.waitForURL((url) => url.pathname === '/inbox' && url.searchParams.get('view') === 'all');
  });
});
