import { detectCsvEncoding } from './csv-text-encoding.ts';

/**
 * Decodes the first bytes of an upload for a preview, as the import would read them (see
 * detectCsvEncoding), without a byte-order mark. Binary → VALIDATION_FAILED at `file`.
 */
export function decodeCsvPrefix(bytes: Uint8Array): string {
  return new TextDecoder(detectCsvEncoding(bytes)).decode(bytes);
}
