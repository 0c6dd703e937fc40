import { AppError } from '../../errors/app-error.ts';

export type CsvTextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/** Bytes looked at to decide the encoding and to refuse binary files. */
export const sniffBytes = 65_536;

const utf16LittleEndianMark = [0xff, 0xfe];

/**
 * Decides how a CSV file's bytes are text, from its first bytes: UTF-16 LE when it starts with
 * that byte-order mark (Excel's "Unicode text"), UTF-8 when the start decodes as UTF-8, else
 * Windows-1252 — what Excel on Windows writes for "CSV (Comma delimited)"; reading it as UTF-8
 * would silently turn every "é" into "�". A NUL byte outside UTF-16 means the file is not text:
 * VALIDATION_FAILED at `file`.
 */
export function detectCsvEncoding(firstBytes: Uint8Array): CsvTextEncoding {
  if (firstBytes[0] === utf16LittleEndianMark[0] && firstBytes[1] === utf16LittleEndianMark[1]) return 'utf-16le';
  const sample = firstBytes.subarray(0, sniffBytes);
  if (sample.includes(0)) {
    throw AppError.validation([{ path: 'file', message: 'not a CSV text file: it contains binary data (NUL bytes)' }]);
  }
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
