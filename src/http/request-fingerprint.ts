import { createHash, type Hash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * SHA-256 (hex) of what makes two requests "the same request" for an Idempotency-Key: method, path
 * and query, media type (without parameters) and body bytes. A multipart body is hashed part by part
 * (name, file name, type, bytes), so a retry that picks a new boundary is still the same request; a
 * body that is not valid multipart is hashed as it came.
 *
 * Reads the whole body (within the body limit already in force) and puts it back, so the handler
 * reads it as if nobody had. Never keeps the body: only the hash leaves this function.
 */
export async function fingerprintRequest(c: Context<AppEnv>): Promise<string> {
  const raw = c.req.raw;
  const url = new URL(raw.url);
  const contentType = raw.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const body = await readBodyOnce(c);

  const hash = createHash('sha256');
  field(hash, raw.method.toUpperCase());
  field(hash, `${url.pathname}${url.search}`);
  field(hash, mediaType);
  if (mediaType === 'multipart/form-data' && (await hashMultipartParts(hash, body, contentType))) return hash.digest('hex');
  field(hash, 'bytes');
  field(hash, body);
  return hash.digest('hex');
}

/**
 * The body's bytes, leaving the request readable again. Normally the raw bytes; if something already
 * read the body through Hono's cache (the raw stream is spent), the cached copy — the same text for
 * the same bytes. Mount this before any middleware that parses forms: a cached FormData would come
 * back re-encoded with a new boundary.
 */
async function readBodyOnce(c: Context<AppEnv>): Promise<Uint8Array<ArrayBuffer>> {
  const raw = c.req.raw;
  if (raw.body === null) return new Uint8Array(0);
  if (raw.bodyUsed) return new Uint8Array(await c.req.arrayBuffer());
  const body = new Uint8Array(await raw.arrayBuffer());
  c.req.raw = new Request(raw, { body });
  return body;
}

/** Length-prefixed, so no two different sequences of fields hash the same. */
function field(hash: Hash, value: string | Uint8Array): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  hash.update(`${bytes.byteLength}:`);
  hash.update(bytes);
}

async function hashMultipartParts(hash: Hash, body: Uint8Array<ArrayBuffer>, contentType: string): Promise<boolean> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return false;
  }
  field(hash, 'parts');
  for (const [name, value] of form) {
    field(hash, name);
    if (typeof value === 'string') {
      field(hash, 'text');
      field(hash, value);
    } else {
      field(hash, 'file');
      field(hash, value.name);
      field(hash, value.type);
      field(hash, new Uint8Array(await value.arrayBuffer()));
    }
  }
  return true;
}
