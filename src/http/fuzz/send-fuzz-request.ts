import type { FuzzBody, FuzzPrincipal, FuzzRequest } from './fuzz-request.ts';

/** What came back: status, headers and the body as text (parsed by the verdict). */
export interface FuzzExchange {
  status: number;
  headers: Headers;
  text: string;
}

/** Anything with Hono's `app.request` (no network). */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

function encodeBody(body: FuzzBody): { body: BodyInit; contentType: string | null } {
  switch (body.kind) {
    case 'json':
      return { body: JSON.stringify(body.value) ?? '', contentType: 'application/json' };
    case 'text':
      // A string body would get text/plain from Request; bytes keep "no content type" honest.
      return { body: body.contentType === null ? new TextEncoder().encode(body.text) : body.text, contentType: body.contentType };
    case 'bytes':
      return { body: new Uint8Array(body.bytes), contentType: body.contentType };
    case 'form':
      return { body: new URLSearchParams(Object.entries(body.fields)), contentType: null };
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of Object.entries(body.fields)) form.append(name, value);
      for (const [name, file] of Object.entries(body.files)) form.append(name, new File([file.text], file.fileName, { type: 'text/csv' }));
      // FormData sets its own multipart content type with the boundary.
      return { body: form, contentType: null };
    }
  }
}

/** The URL of a request: its path and query string, as `app.request` takes it. */
export function urlOf(request: FuzzRequest): string {
  const query = new URLSearchParams(request.query).toString();
  return query ? `${request.path}?${query}` : request.path;
}

/**
 * Sends one fuzz request through `app.request` with the headers of its principal and returns what
 * came back (the body read to the end as text).
 */
export async function sendFuzzRequest(target: RequestTarget, request: FuzzRequest, credentials: Record<FuzzPrincipal, Record<string, string>>): Promise<FuzzExchange> {
  const headers: Record<string, string> = { ...credentials[request.as] };
  const init: RequestInit = { method: request.method, headers };
  if (request.body) {
    const encoded = encodeBody(request.body);
    init.body = encoded.body;
    if (encoded.contentType !== null) headers['content-type'] = encoded.contentType;
  }
  const response = await target.request(urlOf(request), init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}
