import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { asSentence, formatBytes, formatLabel, isBlockingIssue, uploadErrorMessage } from './describe-import.ts';

describe('formatLabel', () => {
  it('names the formats leadpact recognises, and a custom mapping by its name', () => {
    expect(formatLabel('salesforce')).toBe('Salesforce Lead export');
    expect(formatLabel('hubspot')).toBe('HubSpot contacts export');
    expect(formatLabel('leadpact')).toBe('leadpact CSV');
    expect(formatLabel('custom', 'Salesforce Lead export (adjusted)')).toBe('Salesforce Lead export (adjusted)');
    expect(formatLabel('custom', ' ')).toBe('Custom mapping');
    expect(formatLabel('unknown')).toBe('Not recognised');
  });
});

describe('formatBytes', () => {
  it('uses bytes, then KB, MB and GB with one decimal below 100', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(52_428_801)).toBe('50.0 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

describe('uploadErrorMessage', () => {
  const file = { name: 'leads.csv', size: 60 * 1024 * 1024 };
  it('explains a 413 with the file’s size and what to do', () => {
    const tooBig = new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is larger than 52428800 bytes' });
    expect(uploadErrorMessage(tooBig, file)).toBe('leads.csv is 60.0 MB; this server accepts uploads up to 50.0 MB. Split the file, or ask an admin to raise LEADPACT_MAX_UPLOAD_BYTES.');
    const unnamedLimit = new ApiError({ status: 413, code: 'HTTP_ERROR', message: 'The request was refused (HTTP 413).' });
    expect(uploadErrorMessage(unnamedLimit, file)).toBe('leads.csv is 60.0 MB, more than this server accepts in one upload. Split the file, or ask an admin to raise LEADPACT_MAX_UPLOAD_BYTES.');
  });

  it('shows the API’s issue about the file, else the refusal itself', () => {
    const binary = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid input', issues: [{ path: 'file', message: 'looks like a binary file, not CSV text' }] });
    expect(uploadErrorMessage(binary, file)).toBe('Looks like a binary file, not CSV text.');
    expect(uploadErrorMessage(new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach leadpact.' }), file)).toBe('Could not reach leadpact.');
  });
});

describe('isBlockingIssue', () => {
  it('blocks on the file, a missing mapping, no identifying column and an external id without its system', () => {
    expect(['file', 'mapping', 'columns', 'externalSource'].every((path) => isBlockingIssue({ path }))).toBe(true);
    expect(isBlockingIssue({ path: 'columns.Lead Source' })).toBe(false);
    expect(isBlockingIssue({ path: 'headers.3' })).toBe(false);
  });
});

describe('asSentence', () => {
  it('capitalises and ends with a full stop once', () => {
    expect(asSentence('column not in file')).toBe('Column not in file.');
    expect(asSentence('Done!')).toBe('Done!');
    expect(asSentence('the columns are "Id", …')).toBe('The columns are "Id", …');
  });
});
