import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { DatabaseHandle } from '../../src/db/open-database.ts';

export interface RawCopyResult {
  rows: number;
  seconds: number;
}

export const bareTableName = 'bench_raw_leads';

/**
 * The database's own floor for loading this file: `COPY … FROM STDIN (FORMAT csv, HEADER true)` into
 * a bare table of text columns (no keys, no indexes), timed from the first byte read to the last
 * row stored. PostgreSQL gets the file streamed over the COPY protocol; PGlite reads it through
 * its `/dev/blob` device, the one way it offers to COPY from the client.
 */
export async function copyCsvIntoBareTable(handle: DatabaseHandle, file: string, columns: readonly string[]): Promise<RawCopyResult> {
  const definition = columns.map((column) => `"${column}" text`).join(', ');
  const copy = `copy ${bareTableName} from stdin with (format csv, header true)`;
  if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query(`create table ${bareTableName} (${definition})`);
      const started = performance.now();
      const rows = await copyFromStdin(client, copy, file);
      return { rows, seconds: (performance.now() - started) / 1000 };
    } finally {
      client.release();
    }
  }
  const pglite = handle.pglite!;
  await pglite.exec(`create table ${bareTableName} (${definition})`);
  const started = performance.now();
  const blob = new Blob([await readFile(file)]);
  const result = await pglite.query(copy.replace('from stdin', "from '/dev/blob'"), [], { blob });
  return { rows: result.affectedRows ?? 0, seconds: (performance.now() - started) / 1000 };
}

/**
 * `COPY … FROM STDIN` on a pg client without pg-copy-streams: pg accepts any object with `submit`
 * as a query and hands it the protocol messages, so this sends the file as CopyData chunks (with
 * back-pressure) and resolves with the row count from CommandComplete.
 */
function copyFromStdin(client: pg.PoolClient, statement: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failed = false;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: CopyConnection) {
        sendFile(connection, file).then(
          () => connection.endCopyFrom(),
          (error: unknown) => connection.sendCopyFail(error instanceof Error ? error.message : String(error)),
        );
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(message.text.split(' ').at(-1));
      },
      handleReadyForQuery() {
        if (!failed) resolve(rows);
      },
      handleError(error: Error) {
        failed = true;
        reject(error);
      },
    };
    (client as unknown as { query(submittable: unknown): void }).query(submittable);
  });
}

interface CopyConnection {
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

async function sendFile(connection: CopyConnection, file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    connection.sendCopyFromChunk(chunk as Buffer);
    if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
  }
}
