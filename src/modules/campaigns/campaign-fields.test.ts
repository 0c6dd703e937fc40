import { describe, expect, it } from 'vitest';
import { campaignDatesProblem, newCampaignSchema } from './campaign-fields.ts';
import { currencyCodeSchema, minorUnitDigits } from './currency-code.ts';

describe('campaign fields', () => {
  it('refuses a campaign that ends before it starts, naming endsOn', () => {
    expect(campaignDatesProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(campaignDatesProblem('2026-01-02', '2026-01-01')).toContain('ends before it starts');
    expect(campaignDatesProblem(null, '2026-01-01')).toBeNull();
    const parsed = newCampaignSchema.safeParse({ name: 'Late', channel: 'event', startsOn: '2026-02-01', endsOn: '2026-01-01' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endsOn']);
  });

  it('accepts ISO 4217 currencies in circulation only', () => {
    expect(currencyCodeSchema.safeParse('EUR').success).toBe(true);
    for (const code of ['eur', 'EURO', 'ZZZ', '']) expect(currencyCodeSchema.safeParse(code).success, code).toBe(false);
    expect([minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('BHD')]).toEqual([2, 0, 3]);
  });
});
