import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { formLevelError, issuesUnder } from './field-issues.ts';

const refused = new ApiError({
  status: 403,
  code: 'FORBIDDEN',
  message: 'the key would have more rights than its owner',
  issues: [
    { path: 'scopes.1', message: 'a sales_rep cannot grant admin' },
    { path: 'scopes.2', message: 'a sales_rep cannot grant imports:write' },
    { path: 'query.to', message: 'must be after from' },
  ],
});

describe('field issues', () => {
  it('gathers the messages about a field and what is inside it, as sentences', () => {
    expect(issuesUnder(refused, 'scopes')).toBe('A sales_rep cannot grant admin. A sales_rep cannot grant imports:write.');
    expect(issuesUnder(refused, 'to')).toBe('Must be after from.');
    expect(issuesUnder(refused, 'scope')).toBeUndefined();
    expect(issuesUnder(new Error('x'), 'scopes')).toBeUndefined();
  });

  it('leaves to the form only the errors no field shows', () => {
    expect(formLevelError(refused, ['name', 'scopes'])).toBeNull();
    expect(formLevelError(refused, ['name'])).toBe(refused);
    expect(formLevelError(null, ['name'])).toBeNull();
  });
});
