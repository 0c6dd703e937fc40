import { describe, expect, it } from 'vitest';
import { backLinkOf } from './lead-back-path.ts';

describe('backLinkOf', () => {
  it('goes back to the list the lead was opened from, with its filters', () => {
    expect(backLinkOf('/inbox?view=all&grade=A', '/inbox')).toEqual({ href: '/inbox?view=all&grade=A', label: 'Back to the inbox' });
    expect(backLinkOf('/leads?stage=mql', '/inbox')).toEqual({ href: '/leads?stage=mql', label: 'Back to leads' });
    expect(backLinkOf('/accounts/0b9c4c1e-3f5a-4d2b-9a57-8f1e2d3c4b5a', '/leads')).toEqual({ href: '/accounts/0b9c4c1e-3f5a-4d2b-9a57-8f1e2d3c4b5a', label: 'Back to the account' });
    expect(backLinkOf('/accounts/not-an-id', '/leads').href).toBe('/leads');
  });

  it('falls back to the start page for anything that is not one of the app’s lists', () => {
    expect(backLinkOf(undefined, '/inbox')).toEqual({ href: '/inbox', label: 'Back to the inbox' });
    expect(backLinkOf('https://evil.example/inbox', '/leads')).toEqual({ href: '/leads', label: 'Back to leads' });
    expect(backLinkOf('//evil.example', '/leads').href).toBe('/leads');
    expect(backLinkOf('/admin', '/inbox').href).toBe('/inbox');
    expect(backLinkOf('/inboxes', '/pact')).toEqual({ href: '/pact', label: 'Back' });
  });
});
