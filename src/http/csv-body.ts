import type { Context } from 'hono';

/** Text chunks as the byte stream of a response body; the producer stops when the client goes away. */
export function byteStreamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `leads` and 2026-11-23T… → leads-2026-11-23.csv (the UTC date of the export). */
export function datedCsvFileName(what: string, now: Date): string {
  return `${what}-${now.toISOString().slice(0, 10)}.csv`;
}

/** A streamed CSV download named `fileName` (ASCII, no quotes: it goes into the header as is). */
export function csvDownload(c: Context, chunks: AsyncIterable<string>, fileName: string): Response {
  return c.body(byteStreamOf(chunks), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
}
