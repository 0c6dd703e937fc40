import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { suppressionHash } from './suppression-hash.ts';

describe('suppressionHash', () => {
  it('is the same for the same key and address, and differs with the key', () => {
    expect(suppressionHash('k1', 'danareyes@gmail.com')).toBe(suppressionHash('k1', 'danareyes@gmail.com'));
    expect(suppressionHash('k1', 'danareyes@gmail.com')).not.toBe(suppressionHash('k2', 'danareyes@gmail.com'));
    expect(suppressionHash('k1', 'danareyes@gmail.com')).not.toBe(suppressionHash('k1', 'dana@gmail.com'));
  });

  it('cannot be matched by hashing candidate addresses without the key', () => {
    const entry = suppressionHash('installation-key', 'danareyes@gmail.com');
    expect(entry).toMatch(/^[0-9a-f]{64}$/u);
    for (const guess of ['danareyes@gmail.com', 'email:danareyes@gmail.com']) {
      expect(createHash('sha256').update(guess).digest('hex')).not.toBe(entry);
    }
  });
});
