import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { parse, type Options as CsvParseOptions } from 'csv-parse';
import { detectCsvEncoding, sniffBytes, type CsvTextEncoding } from './csv-text-encoding.ts';

/** One CSV record with the physical line it starts on (1 = the header line). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A stretch of the file csv-parse could not read as a record, with the line it starts on. */
export interface CsvSyntaxError {
  line: number;
  message: string;
}

export type CsvSource = AsyncIterable<Buffer | Uint8Array | string> | Readable;

/** Longest record accepted: far beyond any real row, small enough that a runaway quote cannot eat the memory. */
export const maxRecordBytes = 1_048_576;

export const csvParseOptions = {
  bom: true,
  // Ragged rows must reach mapRow, which reports them with their line; a quote inside an unquoted
  // cell (5'11") is kept as text, the way spreadsheets write it.
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  max_record_size: maxRecordBytes,
} as const satisfies CsvParseOptions;

/**
 * Tracks the physical line each record starts on. csv-parse's own `info.lines` counts a CRLF
 * inside a quoted cell twice, so lines are counted here from the cells themselves plus the empty
 * lines csv-parse skipped.
 */
export function createLineTracker(): { recordLine(cells: readonly string[], emptyLinesSoFar: number): number; errorLine(emptyLinesSoFar: number, reportedLine: number): number } {
  let nextLine = 1;
  let emptyLinesSeen = 0;
  const skipEmpty = (emptyLinesSoFar: number) => {
    nextLine += emptyLinesSoFar - emptyLinesSeen;
    emptyLinesSeen = emptyLinesSoFar;
  };
  return {
    recordLine(cells, emptyLinesSoFar) {
      skipEmpty(emptyLinesSoFar);
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(cells);
      return line;
    },
    errorLine(emptyLinesSoFar, reportedLine) {
      skipEmpty(emptyLinesSoFar);
      const line = nextLine;
      // Whatever csv-parse swallowed is gone; moving past it keeps later lines unique.
      nextLine = Math.max(nextLine + 1, reportedLine + 1);
      return line;
    },
  };
}

function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

export function describeCsvError(error: { code?: string; message: string }, line: number): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `a quote opened in the record starting on line ${line} is never closed; the rest of the file from line ${line} could not be read`;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return `the record starting on line ${line} is longer than ${maxRecordBytes} bytes (most likely a quote that is never closed); the file from line ${line} could not be read`;
  }
  return `not readable as CSV from line ${line}: ${error.message}`;
}

export interface CsvRecordStream {
  /** Records in file order, the header first. Throws an AppError (path `file`) for binary content. */
  records: AsyncIterable<CsvRecord>;
  /** Filled while `records` is read; complete once it is exhausted. */
  syntaxErrors: CsvSyntaxError[];
  /** sha256 (hex) of every byte read; final once `records` is exhausted. */
  sha256(): string;
}

/**
 * Streams a CSV source through csv-parse without holding the file: records come out as they are
 * parsed, with back-pressure to the source. A syntax error (an unclosed quote, a runaway record)
 * never throws: it is collected in `syntaxErrors` with the line its record starts on.
 */
export function readCsvRecords(source: CsvSource): CsvRecordStream {
  const digest = createHash('sha256');
  const syntaxErrors: CsvSyntaxError[] = [];
  const lines = createLineTracker();
  let fileHash: string | undefined;

  const parserOptions: CsvParseOptions<CsvRecord, string[]> = {
    ...csvParseOptions,
    skip_records_with_error: true,
    on_record: (cells, context) => ({ line: lines.recordLine(cells, context.empty_lines), cells }),
    on_skip: (error) => {
      if (error === undefined) return undefined;
      const line = lines.errorLine(Number(error['empty_lines'] ?? 0), Number(error['lines'] ?? 0));
      syntaxErrors.push({ line, message: describeCsvError(error, line) });
      return undefined;
    },
  };
  // csv-parse types on_record only for object records; the records here are what on_record returns.
  const parser = parse(parserOptions as unknown as CsvParseOptions);

  // The encoding is decided on the first 64 KiB (see detectCsvEncoding). csv-parse reads UTF-8 and
  // finds UTF-16 from its byte-order mark; Windows-1252 is turned into UTF-8 on the way in.
  async function* sniffAndHash(chunks: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
    let encoding: CsvTextEncoding | undefined;
    let head: Buffer[] = [];
    let headSize = 0;
    const windows1252 = new TextDecoder('windows-1252');
    const asUtf8 = (bytes: Buffer) => (encoding === 'windows-1252' ? Buffer.from(windows1252.decode(bytes, { stream: true }), 'utf8') : bytes);
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      digest.update(bytes);
      if (encoding !== undefined) {
        yield asUtf8(bytes);
        continue;
      }
      head.push(bytes);
      headSize += bytes.length;
      if (headSize < sniffBytes) continue;
      const start = Buffer.concat(head);
      head = [];
      encoding = detectCsvEncoding(start);
      yield asUtf8(start);
    }
    if (encoding === undefined && headSize > 0) {
      const start = Buffer.concat(head);
      encoding = detectCsvEncoding(start);
      yield asUtf8(start);
    }
    fileHash = digest.digest('hex');
  }

  const feeding = pipeline(source as AsyncIterable<Buffer | Uint8Array | string>, sniffAndHash, parser);
  // Errors reach the reader through the parser; this only keeps the promise from going unhandled.
  feeding.catch(() => undefined);

  async function* records(): AsyncGenerator<CsvRecord> {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
    await feeding;
  }

  return {
    records: records(),
    syntaxErrors,
    sha256() {
      return fileHash ?? digest.copy().digest('hex');
    },
  };
}
