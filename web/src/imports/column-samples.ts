/*
 * The mapping table shows a few values of each column so a person can tell what a column holds.
 * The preview API returns rows as they would be captured (already mapped), not the file's cells,
 * so the cells are read here from the start of the file, with the same CSV rules the server uses
 * (csv-parse: BOM, ragged rows, stray quotes). The server remains the judge of the import itself.
 */

/** How much of the file is read for samples: a few rows of even a very wide export. */
const sampleBytes = 64 * 1024;
const valuesPerColumn = 3;

/** Text of the first bytes of a file: UTF-16 when it starts with a UTF-16 byte-order mark (as the server reads it), else UTF-8. */
export function decodeFileStart(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** The text without its last, possibly cut line (when the file goes on after it). */
export function withoutUnfinishedLine(text: string): string {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastBreak === -1 ? text : text.slice(0, lastBreak + 1);
}

/** For each header (by position), up to `count` distinct non-empty values from the data records, in file order. */
export function samplesByColumn(records: readonly (readonly string[])[], count = valuesPerColumn): string[][] {
  const [header, ...rows] = records;
  if (!header) return [];
  return header.map((_, index) => {
    const values: string[] = [];
    for (const row of rows) {
      const value = row[index]?.trim() ?? '';
      if (value !== '' && !values.includes(value)) values.push(value);
      if (values.length === count) break;
    }
    return values;
  });
}

/**
 * Sample values per column from the start of `file`, or null when they cannot be read here (the
 * file's header does not line up with `columnCount`, or the start is not CSV). Loads csv-parse
 * only when a file is chosen, so the rest of the app does not carry it.
 */
export async function readColumnSamples(file: Blob, columnCount: number): Promise<string[][] | null> {
  const bytes = new Uint8Array(await file.slice(0, sampleBytes).arrayBuffer());
  const text = decodeFileStart(bytes);
  const { parse } = await import('csv-parse/browser/esm/sync');
  try {
    const records = parse(file.size > sampleBytes ? withoutUnfinishedLine(text) : text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      to: 21,
    }) as string[][];
    const samples = samplesByColumn(records);
    return samples.length === columnCount ? samples : null;
  } catch {
    return null;
  }
}
