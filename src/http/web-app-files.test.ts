import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppFiles } from './web-app-files.ts';

describe('webAppFiles', () => {
  let built: string;
  let empty: string;
  const indexHtml = '<!doctype html><title>leadpact</title><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';

  beforeAll(() => {
    built = mkdtempSync(path.join(tmpdir(), 'leadpact-web-'));
    empty = mkdtempSync(path.join(tmpdir(), 'leadpact-web-empty-'));
    mkdirSync(path.join(built, 'assets'));
    writeFileSync(path.join(built, 'index.html'), indexHtml);
    writeFileSync(path.join(built, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(path.join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(tmpdir(), 'leadpact-web-secret.txt'), 'outside');
  });
  afterAll(() => {
    rmSync(built, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
    rmSync(path.join(tmpdir(), 'leadpact-web-secret.txt'), { force: true });
  });

  it('serves index.html at / and on client-side routes, never cached', async () => {
    const app = webAppFiles({ directory: built });
    for (const page of ['/', '/inbox', '/sign-in?next=%2Finbox', '/leads/8b071168-97e2-42d8-9be7-a03bb0cc2951']) {
      const response = await app.request(page);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(indexHtml);
    }
  });

  it('serves hashed assets with a year-long immutable cache and other files revalidated', async () => {
    const app = webAppFiles({ directory: built });
    const script = await app.request('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log("app")');
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves /api, missing files and paths out of the directory to the next handler (the JSON 404)', async () => {
    const app = webAppFiles({ directory: built });
    for (const request of ['/api', '/api/leads', '/assets/index-old999.js', '/..%2fleadpact-web-secret.txt', '/%2e%2e/leadpact-web-secret.txt']) {
      const response = await app.request(request);
      expect(response.status, request).toBe(404);
      expect(await response.text()).not.toContain('outside');
    }
  });

  it('says how to build the app when there is no build', async () => {
    const response = await webAppFiles({ directory: empty }).request('/inbox');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
