import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';
import type { E2eUserKey } from './support/demo-users.ts';

interface ApiUser {
  id: string;
  email: string;
  name: string;
  capacity: number;
  awayUntil: string | null;
}

const baseUrl = inject('baseUrl');
/** Unique per run, so the test never trips over what an earlier run left in a reused database. */
const runTag = Date.now().toString(36);

let browser: Browser;
const openContexts: { close(): Promise<void> }[] = [];
let pageErrors: string[] = [];

// The tests tell one story in order — the admin adds a rep, changes their routing settings, makes
// and revokes a key, then finds all of it in the audit log — so later tests use what earlier ones made.
const story: { rep?: { id: string; email: string; name: string }; key?: { id: string; name: string; secret: string } } = {};

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

async function signedInAs(user: E2eUserKey, path: string, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const page = await openPage(viewport);
  await page.goto(path);
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, user);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  return page;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Whether the focused element shows a focus indicator: an outline, or a ring drawn as a spread box-shadow. */
async function focusIndicator(page: Page): Promise<{ tag: string; text: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', text: '', visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    const ring = /0px 0px 0px [2-9]px/.test(style.boxShadow);
    const tag = element instanceof HTMLInputElement ? `input type=${element.type}` : element.tagName.toLowerCase();
    return { tag, text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60), visible: outline || ring };
  });
}

/** Presses Tab until `target` has focus (at most `limit` times), checking that every stop on the way shows where focus is. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press('Tab');
    const focus = await focusIndicator(page);
    expect(focus.visible, `focus on <${focus.tag}> "${focus.text}" is not visible`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function expectFitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Every column of the page's table in view at 1280 px: no sideways scrolling inside it. */
async function expectTableFits(page: Page): Promise<void> {
  const overflow = await page.locator('.lp-table-scroll').evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('admin', () => {
  it('opens the admin hub from the navigation with a bar of its sections, and keeps other roles out', async () => {
    const page = await signedInAs('admin', '/inbox');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Admin');
    const sections = page.getByRole('navigation', { name: 'Admin sections' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Overview', 'Users', 'Teams', 'API keys', 'Audit log']);
    expect(await sections.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    // The figures come from the demo organisation: 3 teams, and people in them.
    await page.getByText(/^\d+ teams$/).waitFor();
    await page.getByText(/^\d+ active$/).first().waitFor();
    await page.locator('.lp-admin-recent li').first().waitFor();
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-overview-desktop');

    await sections.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    expect(await sections.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');

    const rep = await signedInAs('rep', '/admin/users');
    await rep.waitForURL((url) => url.pathname === '/inbox');
    expect(await rep.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('creates a user and shows their first password once; that password signs them in', async () => {
    const page = await signedInAs('admin', '/admin/users');
    await page.locator('tbody tr').first().waitFor();
    await expectTableFits(page);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-users-desktop');

    // Keyboard: from the top of the page to "New user", every stop visibly focused; Enter opens the form.
    const newUser = page.getByRole('button', { name: 'New user' });
    await tabTo(page, newUser);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);

    const email = `ada.${runTag}@demo.leadpact.dev`;
    const name = `Ada Lovelace ${runTag}`;
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('E-mail', { exact: true }).fill(email);
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Inside Sales' });
    await dialog.getByLabel('Capacity', { exact: true }).fill('40');
    expect(await dialog.getByRole('checkbox', { name: /^Generate a first password/ }).isChecked()).toBe(true);
    await saveScreenshot(page, 'admin-user-new-desktop');
    await dialog.getByRole('button', { name: 'Create user' }).click();

    const created = page.getByRole('dialog', { name: `${name} was added` });
    await created.waitFor();
    const passwordField = created.getByLabel(`First password for ${email}`);
    await expect.poll(() => passwordField.inputValue()).toMatch(/^.{12,}$/);
    const password = await passwordField.inputValue();
    await created.getByText(/Shown only now/).waitFor();
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-user-created-desktop');

    // The password is real: it signs the new person in.
    const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(signIn.status).toBe(200);

    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(password);
    // Focus went back to the button that opened the dialog.
    expect(await newUser.evaluate((element) => element === document.activeElement)).toBe(true);

    const { users } = await apiJson<{ users: ApiUser[] }>(page, '/api/users');
    const rep = users.find((user) => user.email === email);
    expect(rep).toMatchObject({ name, capacity: 40, awayUntil: null });
    story.rep = { id: rep!.id, email, name };
    const row = page.locator(`tr[data-user-id="${rep!.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Inside Sales');
  });

  it('sets a rep’s capacity and away date, and shows a bad capacity at the field', async () => {
    const rep = story.rep!;
    const page = await signedInAs('admin', `/admin/users?q=${encodeURIComponent(rep.email)}`);
    await page.locator(`tr[data-user-id="${rep.id}"]`).waitFor();
    await page.getByRole('button', { name: `Edit ${rep.name}` }).click();
    const panel = page.getByRole('dialog', { name: `Edit ${rep.name}` });
    await panel.waitFor();
    await page.waitForURL((url) => url.searchParams.get('edit') === rep.id);

    const capacity = panel.getByLabel('Capacity', { exact: true });
    await capacity.fill('-1');
    const saved = page.waitForResponse((response) => response.url().endsWith(`/api/users/${rep.id}`) && response.request().method() === 'PATCH');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    expect((await saved).status()).toBe(400);
    const capacityError = panel.getByText(/^Must be 0 or more/);
    await capacityError.waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await capacity.getAttribute('aria-describedby')).toContain(await capacityError.locator('xpath=..').getAttribute('id'));
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-user-capacity-error-desktop');

    await capacity.fill('75');
    await panel.getByLabel('Away until', { exact: true }).fill('2030-01-15');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByText(`Saved ${rep.name}.`).waitFor();

    const row = page.locator(`tr[data-user-id="${rep.id}"]`);
    await expect.poll(() => row.locator('[data-field="capacity"]').textContent()).toBe('75');
    expect(await row.locator('[data-field="away-until"]').textContent()).toBe('15 Jan 2030');
    expect(await row.getByText('Away', { exact: true }).count()).toBe(1);
    // A day means the start of that day in the pact calendar's zone (the demo's is New York), not the browser's (UTC).
    const { users } = await apiJson<{ users: ApiUser[] }>(page, '/api/users');
    expect(users.find((user) => user.id === rep.id)).toMatchObject({ capacity: 75, awayUntil: '2030-01-15T05:00:00.000Z' });
    await saveScreenshot(page, 'admin-users-after-edit-desktop');
  });

  it('creates an API key whose secret is shown once, refuses a scope beyond the owner’s role at the field, and revokes the key', async () => {
    const page = await signedInAs('admin', '/admin/api-keys');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.locator('tbody tr, .lp-empty-state').first().waitFor();
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.waitFor();
    const name = `E2E CRM sync ${runTag}`;
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Tick at least one scope.').waitFor();

    // Robin is a sales rep: the server refuses the admin scope for their key, and says so under the scopes.
    await dialog.getByLabel('Owner', { exact: true }).selectOption({ label: 'Robin Rep · Sales rep' });
    await dialog.getByRole('checkbox', { name: /^admin\b/ }).check();
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/api-keys') && response.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    expect((await refused).status()).toBe(403);
    await dialog.getByText('A sales_rep cannot grant admin.').waitFor();
    expect(await dialog.getByRole('group', { name: 'Scopes' }).getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'admin-api-key-scope-refused-desktop');

    await dialog.getByLabel('Owner', { exact: true }).selectOption({ label: 'Riley Admin · Admin (you)' });
    await dialog.getByRole('checkbox', { name: /^admin\b/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^leads:read\b/ }).check();
    await dialog.getByRole('checkbox', { name: /^leads:write\b/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: `Copy the key “${name}” now` });
    await shown.waitFor();
    const secretField = shown.getByLabel('API key', { exact: true });
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^lp_[0-9a-f]{12}_\S{20,}$/);
    await shown.getByText(/This is the only time the key is shown/).waitFor();
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-api-key-secret-desktop');

    // The key works for what its scopes allow.
    const withKey = () => fetch(`${baseUrl}/api/leads?limit=1`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await withKey()).status).toBe(200);

    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    const { apiKeys } = await apiJson<{ apiKeys: { id: string; name: string; scopes: string[]; revokedAt: string | null }[] }>(page, '/api/api-keys?all=true');
    const key = apiKeys.find((candidate) => candidate.name === name)!;
    expect(key).toMatchObject({ scopes: ['leads:read', 'leads:write'], revokedAt: null });
    story.key = { id: key.id, name, secret };
    const row = page.locator(`tr[data-key-id="${key.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    // Opening the form again starts empty: the secret is nowhere to be found any more.
    await page.getByRole('button', { name: 'New API key' }).click();
    expect(await page.getByRole('dialog', { name: 'New API key' }).getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await expectTableFits(page);
    await saveScreenshot(page, 'admin-api-keys-desktop');

    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await confirm.waitFor();
    // The confirmation starts on the safe choice.
    expect(await confirm.getByRole('button', { name: 'Keep the key' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'admin-api-key-revoke-desktop');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect(await page.getByRole('button', { name: `Revoke ${name}` }).count()).toBe(0);
    expect((await withKey()).status).toBe(401);
  });

  it('finds those changes in the audit log, each with its values old → new, and exports them as CSV', async () => {
    const rep = story.rep!;
    const key = story.key!;
    const page = await signedInAs('admin', '/admin/audit');
    await page.locator('.lp-audit-entry').first().waitFor();

    // Filter with the controls: the filters go to the URL.
    await page.getByLabel('Entity', { exact: true }).selectOption({ label: 'User' });
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Changed' });
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Riley Admin' });
    await page.waitForURL((url) => url.searchParams.get('entityType') === 'user' && url.searchParams.get('action') === 'update' && url.searchParams.get('actor')?.startsWith('user:') === true);
    const change = page.locator('.lp-audit-entry').filter({ hasText: `User ${rep.name}` }).filter({ hasText: 'Changed capacity and away until' });
    await change.waitFor();
    expect(await page.locator('.lp-audit-entry').filter({ hasNotText: 'update' }).count()).toBe(0);

    // Keyboard: Tab reaches the entry; Enter opens it.
    const toggle = change.getByRole('button');
    await tabTo(page, toggle, 200);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const capacityRow = change.locator('tr[data-column="capacity"]');
    expect(await capacityRow.locator('td').allTextContents()).toEqual(['40', '75']);
    const awayRow = change.locator('tr[data-column="away_until"]');
    expect(await awayRow.locator('td').allTextContents()).toEqual(['empty', '15 Jan 2030']);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-audit-user-change-desktop');

    // The key: created, then revoked (revoked at: empty → the time).
    await page.goto(`/admin/audit?entityType=api_key&entityId=${key.id}`);
    const keyEntries = page.locator('.lp-audit-entry');
    await expect.poll(() => keyEntries.count()).toBe(2);
    // The entry names the key once the list of keys (where its name is) has loaded.
    await expect.poll(() => keyEntries.nth(0).textContent()).toContain(`API key ${key.name}`);
    expect(await keyEntries.nth(0).textContent()).toContain('Revoked');
    expect(await keyEntries.nth(1).textContent()).toContain('Created');
    await keyEntries.nth(0).getByRole('button').click();
    const revokedRow = keyEntries.nth(0).locator('tr[data-column="revoked_at"] td');
    expect((await revokedRow.allTextContents())[0]).toBe('empty');
    expect((await revokedRow.allTextContents())[1]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await keyEntries.nth(1).getByRole('button').click();
    expect(await keyEntries.nth(1).locator('tr[data-column="scopes"] td').textContent()).toBe('leads:read, leads:write');
    await saveScreenshot(page, 'admin-audit-api-key-desktop');

    // The CSV export carries the same filters and holds the same two entries.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe(`/api/audit.csv?entityType=api_key&entityId=${key.id}`);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(key.id))).toBe(true);

    // A range that ends before it starts: the API's answer shows at the field.
    await page.goto('/admin/audit?from=2026-03-10&to=2026-03-01');
    const toError = page.getByText(/^Must be after from/);
    await toError.waitFor();
    expect(await page.getByLabel('To (included)', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // Unfiltered, newest first, 50 at a time: "Load more" follows the cursor.
    await page.goto('/admin/audit');
    await expect.poll(() => page.locator('.lp-audit-entry').count()).toBe(50);
    const ids = await page.locator('.lp-audit-entry').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.auditId)));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('.lp-audit-entry').count()).toBe(100);
    await page.getByText('100 entries shown').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-audit-desktop');
  });

  it('creates and renames a team, its members listed with their load', async () => {
    const page = await signedInAs('admin', '/admin/teams');
    await page.getByRole('heading', { name: 'Inside Sales', level: 2 }).waitFor();
    const inside = page.locator('.lp-team-card').filter({ has: page.getByRole('heading', { name: 'Inside Sales' }) });
    await inside.getByRole('link', { name: 'Robin Rep' }).waitFor();
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-teams-desktop');

    const teamName = `E2E Team ${runTag}`;
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Name', { exact: true }).fill('Inside sales');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    // Names are unique ignoring case: the conflict shows at the name.
    await dialog.getByText(/is taken/).waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Name', { exact: true }).fill(teamName);
    await dialog.getByLabel('Account class', { exact: true }).selectOption({ label: 'Field' });
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: teamName, level: 2 }).waitFor();

    await page.getByRole('button', { name: `Edit ${teamName}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${teamName}` });
    await edit.getByLabel('Name', { exact: true }).fill(`${teamName} West`);
    await edit.getByText(/update it too/).waitFor();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: `${teamName} West`, level: 2 }).waitFor();
  });

  it('works at a 390-px phone width: users, the edit panel, keys and the audit log', async () => {
    const rep = story.rep!;
    const page = await signedInAs('admin', '/admin/users', phone);
    await page.locator('tbody tr').first().waitFor();
    await expectFitsWidth(page, phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-users-phone');

    await page.goto(`/admin/users?edit=${rep.id}`);
    const panel = page.getByRole('dialog', { name: `Edit ${rep.name}` });
    await panel.waitFor();
    expect(await panel.getByLabel('Away until', { exact: true }).inputValue()).toBe('2030-01-15');
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-user-edit-phone');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForURL((url) => !url.searchParams.has('edit'));

    await page.goto('/admin/api-keys');
    await page.locator('tbody tr').first().waitFor();
    await expectFitsWidth(page, phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-api-keys-phone');
    await page.getByRole('button', { name: 'New API key' }).click();
    await page.getByRole('dialog', { name: 'New API key' }).waitFor();
    await saveScreenshot(page, 'admin-api-key-new-phone');
    await page.keyboard.press('Escape');

    await page.goto(`/admin/audit?entityType=user&entityId=${rep.id}`);
    const entry = page.locator('.lp-audit-entry').filter({ hasText: 'Changed capacity and away until' });
    await entry.getByRole('button').click();
    await entry.locator('tr[data-column="capacity"]').waitFor();
    await expectFitsWidth(page, phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'admin-audit-phone');

    await page.goto('/admin');
    await page.getByText(/^\d+ teams$/).waitFor();
    await expectFitsWidth(page, phone.width);
    await saveScreenshot(page, 'admin-overview-phone');
  });
});
