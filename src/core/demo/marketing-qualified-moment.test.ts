import { describe, expect, it } from 'vitest';
import { engagedMinFit, handRaiserMinFit, marketingQualifiedMoment } from './marketing-qualified-moment.ts';

describe('marketingQualifiedMoment', () => {
  it('passes a hand-raiser with acceptable fit on the touch that raised the hand', () => {
    const touches = [
      { type: 'content_download' as const, at: 1_000 },
      { type: 'email_open' as const, at: 2_000 },
      { type: 'demo_request' as const, at: 3_000 },
    ];
    expect(marketingQualifiedMoment(handRaiserMinFit, touches)).toBe(3_000);
    expect(marketingQualifiedMoment(handRaiserMinFit - 0.01, touches)).toBeNull();
  });

  it('passes a well-fitting lead once it has engaged enough, without a raised hand', () => {
    const touches = Array.from({ length: 6 }, (_, index) => ({ type: 'webinar' as const, at: (index + 1) * 1_000 }));
    const moment = marketingQualifiedMoment(engagedMinFit, touches);
    expect(moment).not.toBeNull();
    expect(moment).toBeGreaterThan(1_000);
    expect(marketingQualifiedMoment(engagedMinFit - 0.01, touches)).toBeNull();
  });

  it('never passes a lead that neither raises a hand nor engages', () => {
    expect(marketingQualifiedMoment(1, [{ type: 'import', at: 1 }])).toBeNull();
    expect(marketingQualifiedMoment(1, [])).toBeNull();
  });
});
