import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { leadInputFromForm } from './capture-form.routes.ts';

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('leadInputFromForm', () => {
  it('maps the field names forms use and keeps every other field as an attribute', () => {
    const { input, touchType } = leadInputFromForm({ 'E-mail': 'x@y.io', FirstName: 'Ada', company_size: '250', utm_source: 'linkedin', favourite_colour: 'teal', form_type: 'demo_request', _honeypot: '' });
    expect(input).toEqual({ email: 'x@y.io', firstName: 'Ada', employees: 250, source: 'linkedin', attributes: { favourite_colour: 'teal' } });
    expect(touchType).toBe('demo_request');
  });
});

describeEachDatabase('web-form capture', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { LEADPACT_CAPTURE_RATE_LIMIT: '9' } });
  });
  afterAll(() => t.destroy());

  it('captures a form post, and redirects a browser to a same-site thank-you page', async () => {
    const response = await t.app.request('/api/capture', form({ email: 'form.filler@quartz-labs.com', first_name: 'Form', company: 'Quartz Labs', how_did_you_hear: 'podcast' }));
    expect(response.status).toBe(201);
    const body = await response.json();
    const lead = await t.call('GET', `/api/leads/${body.leadId}`);
    expect(lead.body.lead.attributes).toEqual({ how_did_you_hear: 'podcast' });
    expect(lead.body.touches[0].type).toBe('form_fill');
    const redirected = await t.app.request('/api/capture', form({ email: 'second@quartz-labs.com', _redirect: '/thanks' }));
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('/thanks');
    const offsite = await t.app.request('/api/capture', form({ email: 'third@quartz-labs.com', _redirect: 'https://evil.example/phish' }));
    expect(offsite.status).toBe(201);
  });

  it('stores a bot that filled the honeypot as junk and never lets it touch a real lead', async () => {
    const bot = await t.app.request('/api/capture', form({ email: 'form.filler@quartz-labs.com', _honeypot: 'http://spam.example' }));
    expect((await bot.json()).outcome).toBe('junk');
    const real = await t.call('GET', '/api/leads?q=form.filler');
    const detail = await t.call('GET', `/api/leads/${real.body.leads[0].id}`);
    expect(detail.body.touches).toHaveLength(1);
    const newBot = await t.app.request('/api/capture', form({ email: 'bot123@spam-farm.net', _honeypot: 'x' }));
    const junk = await newBot.json();
    expect(junk.outcome).toBe('junk');
    const stored = await t.call('GET', `/api/leads/${junk.leadId}`);
    expect(stored.body.lead.junkCode).toBe('bot_honeypot');
  });

  it('names the field of a bad form value, and rate-limits per address with Retry-After', async () => {
    const bad = await t.app.request('/api/capture', form({ email: 'nope' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('email');
    const wrongType = await t.app.request('/api/capture', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=x' });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error.issues[0].path).toBe('(content-type)');
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 8 && !limited; attempt += 1) {
      const response = await t.app.request('/api/capture', form({ email: `burst${attempt}@quartz-labs.com` }));
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
