import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from './app-env.ts';

/**
 * Where the built web app is served from: web/dist at the project root (where `npm run build:web`
 * writes it), or LEADPACT_WEB_DIR — the browser tests serve a build of their own from there, so a
 * rebuild of web/dist while they run cannot swap the files under their feet.
 */
export const builtWebAppDirectory = process.env.LEADPACT_WEB_DIR ? path.resolve(process.env.LEADPACT_WEB_DIR) : fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Vite names every file under assets/ after a hash of its content, so a cached copy is never wrong. */
const hashedAssetsPrefix = '/assets/';
const foreverCache = 'public, max-age=31536000, immutable';
const alwaysRevalidate = 'no-cache';

async function regularFileSize(filePath: string): Promise<number | null> {
  try {
    const found = await stat(filePath);
    return found.isFile() ? found.size : null;
  } catch {
    return null;
  }
}

/** The file a URL path names inside `root`, or null when the path could leave it. */
function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return candidate.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`) ? candidate : null;
}

/** A client-side route (/inbox, /sign-in?next=…) rather than a file: no extension, or a browser asking for a page. */
function looksLikePageRequest(urlPath: string, accept: string | undefined): boolean {
  const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  return !lastSegment.includes('.') || (accept ?? '').includes('text/html');
}

/**
 * Serves the built web app for GET and HEAD outside /api: a file of `directory` as it is, and
 * index.html for every other page path, so a reload or a shared link on a client-side route works.
 * Hashed files under /assets/ are cached for a year; index.html and the other files are revalidated
 * on every load, so a new build shows at once. A missing file that is not a page (a stale asset, a
 * typo) falls through to the JSON 404, never to index.html. With no build at all, pages get a 503
 * that says how to build it. Mount it after every other route: it answers any path it is asked.
 */
export function webAppFiles(options: { directory: string }): Hono<AppEnv> {
  const root = path.resolve(options.directory);
  const app = new Hono<AppEnv>();
  app.get('*', async (c, next) => {
    const urlPath = c.req.path;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return next();

    const requested = urlPath === '/' ? null : fileInside(root, urlPath);
    if (requested !== null && (await regularFileSize(requested)) !== null) {
      c.header('Content-Type', getMimeType(requested) ?? 'application/octet-stream');
      c.header('Cache-Control', urlPath.startsWith(hashedAssetsPrefix) ? foreverCache : alwaysRevalidate);
      return c.body(await readFile(requested));
    }
    if (!looksLikePageRequest(urlPath, c.req.header('accept'))) return next();

    const indexPath = path.join(root, 'index.html');
    if ((await regularFileSize(indexPath)) === null) {
      c.header('Cache-Control', 'no-store');
      return c.text('The leadpact web app is not built yet: run `npm run build:web` (`npm start` does it for you). The API reference is at /docs.', 503);
    }
    c.header('Cache-Control', alwaysRevalidate);
    return c.html(await readFile(indexPath, 'utf8'));
  });
  return app;
}
