const byteOrderMark = '\uFEFF';

/**
 * The form in which a CSV header is compared with a mapping: without a byte-order mark, trimmed,
 * lower case. Spreadsheet tools add BOMs and stray spaces, and users retype headers in any case.
 */
export function normalizeHeader(header: string): string {
  return cleanHeader(header).toLowerCase();
}

/** The header as it should be shown and stored (attribute names): without a BOM, trimmed, case kept. */
export function cleanHeader(header: string): string {
  const withoutMark = header.startsWith(byteOrderMark) ? header.slice(1) : header;
  return withoutMark.trim();
}
