import { isApiError } from '../api/api-error.ts';

/** How the import screens name a file's format (the API's `format`: leadpact, salesforce, hubspot, custom or unknown). */
export function formatLabel(format: string, mappingName?: string): string {
  switch (format) {
    case 'leadpact':
      return 'leadpact CSV';
    case 'salesforce':
      return 'Salesforce Lead export';
    case 'hubspot':
      return 'HubSpot contacts export';
    case 'unknown':
      return 'Not recognised';
    case 'custom':
      // A mapping was sent: its name says which (e.g. "Salesforce Lead export (adjusted)").
      return mappingName?.trim() ? mappingName.trim() : 'Custom mapping';
    default:
      return format;
  }
}

/** A file size as people read it: 812 bytes, 14.2 KB, 3.4 MB (1 KB = 1,024 bytes, one decimal under 100). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * What to say under the file field when an upload was refused: the file too big (413) with its size
 * and what to do, the API's issue about the file itself, or the refusal as the API words it.
 */
export function uploadErrorMessage(error: unknown, file: { name: string; size: number }): string {
  if (isApiError(error)) {
    if (error.status === 413) {
      // The server names its limit in bytes ("the request body is larger than 52428800 bytes").
      const limit = /larger than (\d+) bytes/.exec(error.message)?.[1];
      const refusal = limit ? `; this server accepts uploads up to ${formatBytes(Number(limit))}` : ', more than this server accepts in one upload';
      return `${file.name} is ${formatBytes(file.size)}${refusal}. Split the file, or ask an admin to raise LEADPACT_MAX_UPLOAD_BYTES.`;
    }
    const issue = error.issueAt('file');
    if (issue) return issue;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Preview issues that would stop the import (the server refuses to start with one: the file, no
 * identifying column, an external id without its system); every other issue is a warning rows
 * can live with (see the server's ImportPreview.issues).
 */
export function isBlockingIssue(issue: { path: string }): boolean {
  return ['file', 'mapping', 'columns', 'externalSource'].includes(issue.path);
}

/** An issue's message as a sentence: capitalised, with a full stop. */
export function asSentence(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}
