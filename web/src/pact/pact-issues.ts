/** A problem the server found in a draft, at the dotted path of the field (`fitRules.3.when.0.op`). */
export interface PactIssue {
  path: string;
  message: string;
}

/** The server's path for problems with the text itself (syntax), rather than one field. */
export const documentPath = '(document)';

/** Issues at `key` exactly or inside it (`fitRules.2` holds `fitRules.2.points`). */
export function issuesAt(issues: readonly PactIssue[], key: string): PactIssue[] {
  return issues.filter((issue) => issue.path === key || issue.path.startsWith(`${key}.`));
}

/** Issues at exactly `key`: a group's own problems (thresholds that do not fall) but not its fields'. */
export function issuesExactlyAt(issues: readonly PactIssue[], key: string): PactIssue[] {
  return issues.filter((issue) => issue.path === key);
}

/** An issue's message as a sentence to show under a field. */
export function issueSentence(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** How an issue's path reads in the list under the editor. */
export function issuePathLabel(path: string): string {
  return path === documentPath || path === '' ? 'document' : path;
}
