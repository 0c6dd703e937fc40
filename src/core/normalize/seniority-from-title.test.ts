import { describe, expect, it } from 'vitest';
import { canonicalSeniority, seniorityFromTitle } from './seniority-from-title.ts';

describe('seniorityFromTitle', () => {
  it('reads the level a title implies', () => {
    const cases: [string, string][] = [
      ['Chief Revenue Officer', 'c_level'],
      ['CEO', 'c_level'],
      ['CEO & Co-Founder', 'c_level'],
      ['C.T.O.', 'c_level'],
      ['cfo', 'c_level'],
      ['Chief Information Security Officer (CISO)', 'c_level'],
      ['Founder', 'c_level'],
      ['Owner', 'c_level'],
      ['President', 'c_level'],
      ['Managing Director', 'c_level'],
      ['Geschäftsführer', 'c_level'],
      ['Chairman of the Board', 'c_level'],
      ['SVP Sales', 'vp'],
      ['VP of Marketing', 'vp'],
      ['V.P. Engineering', 'vp'],
      ['Vice-President, Finance', 'vp'],
      ['Senior Vice President Operations', 'vp'],
      ['EVP', 'vp'],
      ['Head of Marketing', 'director'],
      ['Director of Sales', 'director'],
      ['Sr. Director, Demand Generation', 'director'],
      ['Directrice Marketing', 'director'],
      ['Leiter Vertrieb', 'director'],
      ['General Manager EMEA', 'director'],
      ['Sr. Manager', 'manager'],
      ['Marketing Manager', 'manager'],
      ['Engineering Mgr', 'manager'],
      ['Team Lead, Support', 'manager'],
      ['Supervisor', 'manager'],
      ['Software Engineer', 'individual'],
      ['Student', 'individual'],
      ['Account Executive', 'individual'],
      ['Product Owner', 'individual'],
      ['Executive Assistant to the CEO', 'individual'],
      ['Assistant to the President', 'individual'],
      ['Lead Generation Specialist', 'individual'],
      ['VPN Administrator', 'individual'],
      ['Analyst', 'individual'],
    ];
    for (const [title, level] of cases) expect(seniorityFromTitle(title), title).toBe(level);
  });

  it('gives null without a title', () => {
    expect(seniorityFromTitle(null)).toBeNull();
    expect(seniorityFromTitle(undefined)).toBeNull();
    expect(seniorityFromTitle('  ')).toBeNull();
    expect(seniorityFromTitle('—')).toBeNull();
  });
});

describe('canonicalSeniority', () => {
  it('maps the spellings sources use to the canonical levels', () => {
    expect(canonicalSeniority('C-Level')).toBe('c_level');
    expect(canonicalSeniority('c_level')).toBe('c_level');
    expect(canonicalSeniority('VP')).toBe('vp');
    expect(canonicalSeniority('Vice President')).toBe('vp');
    expect(canonicalSeniority('Director')).toBe('director');
    expect(canonicalSeniority('Manager')).toBe('manager');
    expect(canonicalSeniority('Individual Contributor')).toBe('individual');
    expect(canonicalSeniority('Entry level')).toBe('individual');
  });

  it('returns null for a value it does not know', () => {
    expect(canonicalSeniority('Grand Poobah')).toBeNull();
    expect(canonicalSeniority('')).toBeNull();
  });
});
