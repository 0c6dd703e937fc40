import { describe, expect, it } from 'vitest';
import { defaultPact } from '../pact/default-pact.ts';
import { demoDispositions, recyclingDispositionCodes } from './demo-dispositions.ts';

describe('demo dispositions', () => {
  it('use exactly the default pact’s codes and recycle periods', () => {
    const pactDispositions = defaultPact().dispositions;
    expect(new Set(Object.keys(demoDispositions))).toEqual(new Set(pactDispositions.map((disposition) => disposition.code)));
    for (const disposition of pactDispositions) {
      const demo = demoDispositions[disposition.code as keyof typeof demoDispositions];
      expect('recycleAfterDays' in demo ? demo.recycleAfterDays : undefined, disposition.code).toBe(disposition.action === 'recycle' ? disposition.recycleAfterDays : undefined);
    }
    expect(new Set(recyclingDispositionCodes)).toEqual(new Set(pactDispositions.filter((disposition) => disposition.action === 'recycle').map((disposition) => disposition.code)));
  });
});
