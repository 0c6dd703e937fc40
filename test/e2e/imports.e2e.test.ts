import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, expectNoSeriousAccessibilityViolations, launchChromium, newBrowsingContext, phone, saveScreenshot, signInThroughForm } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const salesforceFile = path.join(fixtures, 'salesforce-leads-with-bad-rows.csv');
const hubspotFile = path.join(fixtures, 'hubspot-contacts-with-bad-rows.csv');

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

/** A fresh browser as the demo marketer (Morgan), signed in through the form on the way to `pathname`. */
async function signedInAsMarketing(pathname: string, viewport: { width: number; height: number } = desktop): Promise<Page> {
  const opened = await newBrowsingContext(browser, baseUrl, viewport);
  openContexts.push(opened.context);
  pageErrors.push(opened.pageErrors);
  const { page } = opened;
  await page.goto(pathname);
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, 'marketing');
  await page.waitForURL((url) => url.pathname === pathname);
  return page;
}

async function apiJson<T>(page: Page, apiPath: string): Promise<T> {
  const response = await page.request.get(apiPath);
  expect(response.status(), apiPath).toBe(200);
  return (await response.json()) as T;
}

/** The select of one CSV column in the mapping table. */
function columnSelect(page: Page, column: string) {
  return page.getByLabel(`Import column ${column} as`, { exact: true });
}

async function uploadAndWaitForPreview(page: Page, file: string, format: string): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.locator('.lp-import__format').getByText(format, { exact: true }).waitFor();
  await page.locator('.lp-mapping__value').first().waitFor();
}

/** Whether the focused element (or, for the hidden file input, the zone that stands for it) shows a focus ring. */
async function focusRingShows(page: Page, selector?: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = target ? document.querySelector(target) : document.activeElement;
    if (!element) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
  }, selector);
}

async function shownRows(page: Page): Promise<{ line: string; outcome: string; field: string; reason: string }[]> {
  return page.locator('.lp-report__table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      line: (row as HTMLElement).dataset.line ?? '',
      outcome: (row as HTMLElement).dataset.outcome ?? '',
      field: row.querySelector('.lp-report__field')?.textContent?.trim() ?? '',
      reason: row.querySelector('.lp-report__detail')?.textContent?.trim() ?? '',
    })),
  );
}

describe('imports', () => {
  it('marketing imports a file with bad rows: mapping recognised and changed, rejected rows with reason and field, report downloaded, import listed', async () => {
    const page = await signedInAsMarketing('/imports');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Imports');
    await page.getByRole('link', { name: 'New import' }).first().click();
    await page.waitForURL((url) => url.pathname === '/imports/new');

    // The file field is reachable from the keyboard and its zone shows the focus.
    const fileInput = page.getByLabel('CSV file');
    await page.getByRole('heading', { level: 1, name: 'New import' }).click();
    for (let press = 0; press < 10 && !(await fileInput.evaluate((element) => element === document.activeElement)); press += 1) await page.keyboard.press('Tab');
    expect(await fileInput.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await focusRingShows(page, '.lp-file-drop__zone')).toBe(true);
    await saveScreenshot(page, 'import-new-desktop');

    await uploadAndWaitForPreview(page, salesforceFile, 'Salesforce Lead export');
    // Salesforce's API names recognised: fields, the phone fallback, the touch time, a column left out, a custom field kept.
    expect(await columnSelect(page, 'Email').inputValue()).toBe('field:email');
    expect(await columnSelect(page, 'Id').inputValue()).toBe('field:externalId');
    expect(await columnSelect(page, 'MobilePhone').inputValue()).toBe('field:phone');
    expect(await columnSelect(page, 'CreatedDate').inputValue()).toBe('touch-time');
    expect(await columnSelect(page, 'Jigsaw').inputValue()).toBe('ignore');
    expect(await columnSelect(page, 'JobLevel__c').inputValue()).toBe('attribute');
    expect(await page.locator('tr[data-column="MobilePhone"]').textContent()).toContain('Used when Phone is empty');
    expect(await page.locator('tr[data-column="Email"] .lp-mapping__values').textContent()).toContain('ada.lovelace@analyticalengines.co.uk');
    // The first rows as read: line 4's employee count cannot be read; the rest are checked when the import runs.
    const sample = page.locator('.lp-import__sample-table tbody tr');
    expect(await sample.count()).toBe(5);
    expect(await sample.nth(2).textContent()).toContain('NumberOfEmployees: "lots" is not a number of employees');
    expect(await sample.nth(0).textContent()).toContain('E-mail: ada.lovelace@analyticalengines.co.uk');
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'import-preview-desktop');

    // A mapping that maps no e-mail is warned about; one that identifies no row cannot run, and says why next to Run.
    await columnSelect(page, 'Email').selectOption('ignore');
    await page.getByText('No column is imported as E-mail').waitFor();
    for (const column of ['Id', 'Phone', 'MobilePhone']) await columnSelect(page, column).selectOption('ignore');
    const blocked = page.locator('.lp-import__run-blocked');
    await blocked.getByText(/No column of the file maps to email, phone or externalId/).waitFor();
    const runButton = page.getByRole('button', { name: 'Run import' });
    expect(await runButton.isDisabled()).toBe(true);
    expect(await runButton.getAttribute('aria-describedby')).toBe(await blocked.locator('xpath=..').getAttribute('id'));
    await saveScreenshot(page, 'import-preview-blocked-desktop');
    await page.getByRole('button', { name: 'Undo my changes' }).click();
    await blocked.waitFor({ state: 'detached' });
    expect(await columnSelect(page, 'Email').inputValue()).toBe('field:email');

    // One real change: the org's custom job-level field feeds seniority. The server previews it again with the mapping.
    const repreview = page.waitForResponse((response) => response.url().endsWith('/api/imports/preview'));
    await columnSelect(page, 'JobLevel__c').selectOption('field:seniority');
    const answer = (await (await repreview).json()) as { format: string; mapping: { columns: Record<string, string> } };
    expect(answer.format).toBe('custom');
    expect(answer.mapping.columns.JobLevel__c).toBe('seniority');
    await page.locator('tr[data-column="JobLevel__c"]').getByText('Changed').waitFor();
    await page.getByText('1 changed by you').waitFor();
    await page.locator('tr[data-column="JobLevel__c"]').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'import-preview-changed-desktop');
    await page.locator('.lp-import__run').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'import-run-desktop');

    await runButton.click();
    await page.waitForURL((url) => /^\/imports\/[0-9a-f-]{36}$/.test(url.pathname));
    const importId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'salesforce-leads-with-bad-rows.csv' }).waitFor();

    // The counts, then every row: 2 created, Ada again merged, the keyboard-mash row junk, 3 rejected with field and reason.
    const tile = (label: string) => page.locator('.lp-report__tile').filter({ has: page.getByText(label, { exact: true }) });
    await page.locator('.lp-report__table tbody tr').first().waitFor();
    expect(await tile('All rows').locator('.lp-report__tile-value').textContent()).toBe('7');
    expect(await tile('Created').locator('.lp-report__tile-value').textContent()).toBe('2');
    expect(await tile('Merged').locator('.lp-report__tile-value').textContent()).toBe('1');
    expect(await tile('Junk').locator('.lp-report__tile-value').textContent()).toBe('1');
    expect(await tile('Rejected').locator('.lp-report__tile-value').textContent()).toBe('3');
    const rows = await shownRows(page);
    expect(rows.map((row) => [row.line, row.outcome])).toEqual([
      ['2', 'created'],
      ['3', 'rejected'],
      ['4', 'rejected'],
      ['5', 'rejected'],
      ['6', 'merged'],
      ['7', 'junk'],
      ['8', 'created'],
    ]);
    const rejected = rows.filter((row) => row.outcome === 'rejected');
    expect(rejected.map((row) => [row.line, row.field, row.reason])).toEqual([
      ['3', 'Email', 'Has more than one @.'],
      ['4', 'NumberOfEmployees', '"lots" is not a number of employees (expected e.g. 1200, 1,200 or 51-200).'],
      ['5', 'email', 'A lead needs an e-mail, a phone or an external id.'],
    ]);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'import-report-desktop');

    // Filter to rejected from the keyboard: the counts are buttons, in tab order, with a visible focus.
    await tile('All rows').click();
    for (let press = 0; press < 4; press += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rejected/);
    expect(await focusRingShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('outcome') === 'rejected');
    await expect.poll(async () => (await shownRows(page)).map((row) => row.line)).toEqual(['3', '4', '5']);
    expect(await tile('Rejected').getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'import-report-rejected-desktop');

    // The whole report as CSV, through the browser's download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download report (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`import-${importId}-rows.csv`);
    const csv: string[][] = parse(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(['line', 'outcome', 'lead_id', 'field', 'message']);
    expect(csv.slice(1).map((row) => [row[0], row[1]])).toEqual(rows.map((row) => [row.line, row.outcome]));
    expect(csv.find((row) => row[0] === '3')?.slice(3)).toEqual(['Email', 'has more than one @']);
    expect(csv.find((row) => row[0] === '5')?.slice(3)).toEqual(['email', 'a lead needs an e-mail, a phone or an external id']);

    // The change was imported: the stored mapping says so, and Ada's lead has the seniority from JobLevel__c.
    const summary = await apiJson<{ format: string; mapping: { name: string; columns: Record<string, string> } }>(page, `/api/imports/${importId}`);
    expect(summary.format).toBe('custom');
    expect(summary.mapping.columns.JobLevel__c).toBe('seniority');
    const created = await apiJson<{ rows: { line: number; leadId: string }[] }>(page, `/api/imports/${importId}/rows?outcome=created`);
    const ada = await apiJson<{ lead?: { seniority: string | null }; seniority?: string | null }>(page, `/api/leads/${created.rows.find((row) => row.line === 2)!.leadId}`);
    expect((ada.lead ?? ada).seniority).toBe('vp');

    // And the import is listed, newest first, with its counts, format and who ran it.
    await page.getByRole('link', { name: '← Imports' }).click();
    await page.waitForURL((url) => url.pathname === '/imports');
    const listed = page.locator(`tr[data-import-id="${importId}"]`);
    await listed.waitFor();
    expect(await page.locator('tbody tr').first().getAttribute('data-import-id')).toBe(importId);
    expect(await listed.locator('.lp-imports__format').textContent()).toBe('Salesforce Lead export (adjusted)');
    expect(await listed.locator('.lp-imports__run-by').textContent()).toBe('by Morgan Marketing');
    expect((await listed.locator('td').allTextContents()).slice(2)).toEqual(['7', '2', '1', '1', '3', 'Completed']);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'imports-list-desktop');
    await listed.getByRole('link', { name: 'salesforce-leads-with-bad-rows.csv' }).click();
    await page.waitForURL((url) => url.pathname === `/imports/${importId}`);
  }, 180_000);

  it('shows a file too big for the server next to the file field', async () => {
    const page = await signedInAsMarketing('/imports/new');
    const directory = mkdtempSync(path.join(tmpdir(), 'leadpact-e2e-big-'));
    const bigFile = path.join(directory, 'too-big.csv');
    try {
      // 60 MiB: over the server's default LEADPACT_MAX_UPLOAD_BYTES (50 MiB).
      const row = 'someone@example-corp.com,Someone,Example Corp\n';
      writeFileSync(bigFile, `email,first_name,company\n${row.repeat(Math.ceil((60 * 1024 * 1024) / row.length))}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/imports/preview'));
      await page.getByLabel('CSV file').setInputFiles(bigFile);
      expect((await answered).status()).toBe(413);
      const error = page.locator('.lp-file-drop__error');
      await error.getByText(/^too-big\.csv is 60\.0 MB; this server accepts uploads up to 50\.0 MB\. Split the file/).waitFor();
      const input = page.getByLabel('CSV file');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    await expectNoSeriousAccessibilityViolations(page);
      await saveScreenshot(page, 'import-too-big-desktop');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('works at a 390-px phone width: a HubSpot export previewed, imported and reported without sideways scrolling', async () => {
    const page = await signedInAsMarketing('/imports/new', phone);
    await uploadAndWaitForPreview(page, hubspotFile, 'HubSpot contacts export');
    expect(await columnSelect(page, 'Email').inputValue()).toBe('field:email');
    expect(await columnSelect(page, 'Work email').inputValue()).toBe('field:email');
    expect(await columnSelect(page, 'Gender').inputValue()).toBe('ignore');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'import-preview-phone');

    // Narrow a wide export (182 columns) down to the columns that feed lead fields. axe runs on this
    // view: on all 182 selects it takes most of a minute, and the desktop test checks a full table.
    await page.getByLabel('Show').selectOption('fields');
    await expect.poll(async () => page.locator('.lp-mapping__table tbody tr').count()).toBeLessThan(30);
    await expectNoSeriousAccessibilityViolations(page);
    await page.getByLabel('Find a column').fill('email');
    await expect.poll(async () => page.locator('.lp-mapping__table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.column))).toEqual(['Email', 'Work email']);
    await page.locator('.lp-mapping__table').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'import-preview-filtered-phone');

    await page.getByRole('button', { name: 'Run import' }).click();
    await page.waitForURL((url) => /^\/imports\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.locator('.lp-report__table tbody tr').first().waitFor();
    const rows = await shownRows(page);
    expect(rows.map((row) => [row.line, row.outcome, row.field])).toEqual([
      ['2', 'created', '–'],
      ['3', 'rejected', 'Email'],
      ['4', 'junk', '–'],
      ['5', 'created', '–'],
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'import-report-phone');

    await page.getByRole('link', { name: '← Imports' }).click();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, 'imports-list-phone');
  }, 180_000);
});
