import { describe, expect, it } from 'vitest';
import { decodeFileStart, readColumnSamples, samplesByColumn, withoutUnfinishedLine } from './column-samples.ts';

describe('samplesByColumn', () => {
  it('collects distinct non-empty values per column, in file order, up to the count', () => {
    const records = [
      ['Email', 'LeadSource', 'Fax'],
      ['ada@engines.co.uk', 'Web', ''],
      ['grace@compilers.io', 'Web'],
      ['alan@bletchley.org', ' Partner ', ''],
      ['kat@orbital.de', 'Referral', ''],
    ];
    expect(samplesByColumn(records, 2)).toEqual([['ada@engines.co.uk', 'grace@compilers.io'], ['Web', 'Partner'], []]);
    expect(samplesByColumn([])).toEqual([]);
  });
});

describe('decodeFileStart', () => {
  it('reads UTF-8 by default and UTF-16 when the file starts with its byte-order mark', () => {
    expect(decodeFileStart(new TextEncoder().encode('Email,Name\n'))).toBe('Email,Name\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Email'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeFileStart(utf16)).toBe('Email');
  });
});

describe('withoutUnfinishedLine', () => {
  it('drops the text after the last line break', () => {
    expect(withoutUnfinishedLine('a,b\r\n1,2\r\n3,')).toBe('a,b\r\n1,2\r\n');
    expect(withoutUnfinishedLine('a,b')).toBe('a,b');
  });
});

describe('readColumnSamples', () => {
  it('reads quoted CSV with a BOM, and gives up when the header does not line up with the preview’s columns', async () => {
    const file = new Blob(['\uFEFF"Id","Email","Description"\r\n"00Q1","ada@engines.co.uk","Says ""hi""\r\non two lines"\r\n']);
    expect(await readColumnSamples(file, 3)).toEqual([['00Q1'], ['ada@engines.co.uk'], ['Says "hi"\r\non two lines']]);
    expect(await readColumnSamples(file, 4)).toBeNull();
  });
});
