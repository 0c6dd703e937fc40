import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord, type CsvSource } from './read-csv-records.ts';

async function readAll(source: CsvSource) {
  const stream = readCsvRecords(source);
  const records: CsvRecord[] = [];
  for await (const record of stream.records) records.push(record);
  return { records, syntaxErrors: stream.syntaxErrors, sha256: stream.sha256() };
}

function chunked(text: string, size: number, encoding: BufferEncoding = 'utf8'): Readable {
  const bytes = Buffer.from(text, encoding);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks);
}

describe('readCsvRecords', () => {
  it('gives each record the physical line it starts on, with CRLF, a BOM, quoted line breaks and empty lines', async () => {
    const text = '\uFEFFa,b\r\n1,2\r\n"multi\r\nline",3\r\n\r\n4,5,6\r\n"x\ny\nz",7\r\n8,9';
    const { records, syntaxErrors } = await readAll(Readable.from([text]));
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['multi\r\nline', '3'] },
      { line: 6, cells: ['4', '5', '6'] },
      { line: 7, cells: ['x\ny\nz', '7'] },
      { line: 10, cells: ['8', '9'] },
    ]);
    expect(syntaxErrors).toEqual([]);
  });

  it('reads the same records whatever the chunk size, a multi-byte character split across chunks included', async () => {
    const text = 'name,city\n"Zoë ""Z"" Müller",Köln\n"line\nbreak",Zürich\n';
    const whole = await readAll(Readable.from([Buffer.from(text)]));
    for (const size of [1, 2, 3, 7]) {
      const split = await readAll(chunked(text, size));
      expect(split.records).toEqual(whole.records);
    }
    expect(whole.records[1]?.cells).toEqual(['Zoë "Z" Müller', 'Köln']);
    expect(whole.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reports an unclosed quote at the end with the line its record starts on, keeping every record before it', async () => {
    const { records, syntaxErrors } = await readAll(Readable.from(['email,name\r\na@x.com,A\r\n\r\nb@x.com,"B\r\nc@x.com,C\r\n']));
    expect(records.map((record) => record.line)).toEqual([1, 2]);
    expect(syntaxErrors).toHaveLength(1);
    expect(syntaxErrors[0]?.line).toBe(4);
    expect(syntaxErrors[0]?.message).toMatch(/quote .* never closed/);
  });

  it('keeps quotes inside unquoted cells as text and ragged rows as they are', async () => {
    const { records, syntaxErrors } = await readAll(Readable.from(['h1,h2\n5\'11",tall\nonly\n']));
    expect(records.slice(1)).toEqual([
      { line: 2, cells: ['5\'11"', 'tall'] },
      { line: 3, cells: ['only'] },
    ]);
    expect(syntaxErrors).toEqual([]);
  });

  it('refuses binary content naming the file', async () => {
    const stream = readCsvRecords(Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])]));
    await expect(stream.records[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'file' }] });
  });

  it('reads a Windows-1252 file (Excel on Windows) as the text it is, and hashes the bytes as they came', async () => {
    const bytes = Buffer.concat([Buffer.from('name,city\r\nRen'), Buffer.from([0xe9]), Buffer.from(' M'), Buffer.from([0xfc]), Buffer.from('ller,K'), Buffer.from([0xf6]), Buffer.from('ln \x80\r\n', 'latin1')]);
    const { records, sha256 } = await readAll(chunked(bytes.toString('latin1'), 5, 'latin1'));
    expect(records[1]?.cells).toEqual(['René Müller', 'Köln €']);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads UTF-16 text from its byte-order mark', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\r\na@x.com\r\n', 'utf16le')]);
    const { records } = await readAll(Readable.from([text]));
    expect(records).toEqual([
      { line: 1, cells: ['email'] },
      { line: 2, cells: ['a@x.com'] },
    ]);
  });
});
