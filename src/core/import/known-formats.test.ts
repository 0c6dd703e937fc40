import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './known-formats.ts';
import { mapRow } from './map-row.ts';
import { planColumns } from './plan-columns.ts';

function headerRow(file: string): string[] {
  const rows: string[][] = parse(readFileSync(`/work/shared/data/${file}`, 'utf8'));
  return rows[0] ?? [];
}

/** A row in the file's column order from the cells we care about; every other cell is empty. */
function rowFor(headers: readonly string[], cells: Record<string, string>): string[] {
  return headers.map((header) => cells[header] ?? '');
}

const salesforceHeaders = headerRow('salesforce_lead_export_header.csv');
const hubspotHeaders = headerRow('hubspot_contacts_export_header.csv');

describe('detectFormat', () => {
  it('recognises the real Salesforce Data Loader Lead header', () => {
    const detected = detectFormat(salesforceHeaders);
    expect(detected.format).toBe('salesforce');
    expect(detected.confidence).toBeGreaterThan(0.8);
    const { issues } = planColumns(salesforceHeaders, detected.mapping);
    expect(issues).toEqual([]);
  });

  it('recognises the real HubSpot contacts export header', () => {
    const detected = detectFormat(hubspotHeaders);
    expect(detected.format).toBe('hubspot');
    expect(detected.confidence).toBeGreaterThan(0.2);
    expect(planColumns(hubspotHeaders, detected.mapping).issues).toEqual([]);
  });

  it('recognises leadpact columns in snake_case or camelCase, with a BOM and stray spaces', () => {
    const snake = detectFormat(['\uFEFFemail', ' first_name', 'LAST_NAME', 'company', 'annual_revenue', 'touch_type', 'touch_at']);
    expect(snake).toMatchObject({ format: 'leadpact', confidence: 1 });
    expect(snake.mapping.columns).toEqual({ email: 'email', first_name: 'firstName', LAST_NAME: 'lastName', company: 'company', annual_revenue: 'annualRevenue' });
    expect(snake.mapping.touch).toMatchObject({ typeFromColumn: 'touch_type', occurredAtColumn: 'touch_at' });
    const camel = detectFormat(['externalId', 'externalSource', 'firstName', 'favourite_colour']);
    expect(camel).toMatchObject({ format: 'leadpact', confidence: 0.75 });
    expect(camel.mapping.columns).toEqual({ externalId: 'externalId', externalSource: 'externalSource', firstName: 'firstName' });
  });

  it('prefers leadpact when generic names match a CRM equally', () => {
    expect(detectFormat(['Email', 'Title', 'Company', 'City', 'State', 'Country']).format).toBe('leadpact');
  });

  it('returns unknown with an empty mapping for a foreign header', () => {
    const detected = detectFormat(['Prospect ID', 'Lead Number', 'Lead Origin', 'Converted']);
    expect(detected.format).toBe('unknown');
    expect(detected.confidence).toBe(0);
    expect(detected.mapping.columns).toEqual({});
  });

  it('needs five CRM names before calling a file an export of that CRM', () => {
    expect(detectFormat(['Id', 'FirstName', 'LastName', 'LeadSource', 'x']).format).toBe('unknown');
    expect(detectFormat(['Id', 'FirstName', 'LastName', 'LeadSource', 'NumberOfEmployees']).format).toBe('salesforce');
  });
});

describe('mapping CRM rows', () => {
  it('maps a Salesforce row: codes over names, mobile as phone fallback, revenue to minor units', () => {
    const { mapping } = detectFormat(salesforceHeaders);
    const { plan } = planColumns(salesforceHeaders, mapping);
    const cells = rowFor(salesforceHeaders, {
      Id: '00Q5g00000AbCdEFGH',
      IsDeleted: 'false',
      Salutation: 'Ms.',
      FirstName: 'Ada',
      LastName: 'Lovelace',
      Title: 'VP Engineering',
      Company: 'Analytical Engines Ltd',
      City: 'London',
      State: 'England',
      Country: 'United Kingdom',
      CountryCode: 'GB',
      MobilePhone: '+44 7700 900123',
      Email: 'ada@analytical.example',
      Website: 'analytical.example',
      LeadSource: 'Web',
      Status: 'Open - Not Contacted',
      Industry: 'Technology',
      Rating: 'Hot',
      CurrencyIsoCode: 'GBP',
      AnnualRevenue: '1250000.5',
      NumberOfEmployees: '250',
      CreatedDate: '2024-05-02T08:15:00.000Z',
      SystemModstamp: '2024-05-03T08:15:00.000Z',
      LeadType__c: 'Inbound',
    });
    expect(mapRow(plan, cells, 2)).toEqual({
      ok: true,
      input: {
        externalId: '00Q5g00000AbCdEFGH',
        externalSource: 'salesforce',
        firstName: 'Ada',
        lastName: 'Lovelace',
        title: 'VP Engineering',
        company: 'Analytical Engines Ltd',
        city: 'London',
        state: 'England',
        country: 'GB',
        phone: '+44 7700 900123',
        email: 'ada@analytical.example',
        website: 'analytical.example',
        source: 'Web',
        industry: 'Technology',
        annualRevenue: 125000050,
        employees: 250,
        attributes: {
          salutation: 'Ms.',
          Country: 'United Kingdom',
          is_deleted: 'false',
          status: 'Open - Not Contacted',
          rating: 'Hot',
          currency: 'GBP',
          LeadType__c: 'Inbound',
        },
        touch: { type: 'import', occurredAt: '2024-05-02T08:15:00.000Z' },
      },
    });
  });

  it('maps a HubSpot row: Work email when Email is empty, company domain when no website', () => {
    const { mapping } = detectFormat(hubspotHeaders);
    const { plan } = planColumns(hubspotHeaders, mapping);
    const cells = rowFor(hubspotHeaders, {
      'Record ID': '51',
      'First Name': 'Grace',
      'Last Name': 'Hopper',
      'Work email': 'grace@navy.example',
      'Phone Number': '+1 202 555 0101',
      'Mobile Phone Number': '+1 202 555 0199',
      'Company Name': 'US Navy',
      'Company domain name': 'navy.example',
      'Number of Employees': '1,200',
      'Annual Revenue': '$3,500,000',
      'Country/Region': 'United States',
      'State/Region': 'VA',
      'Job Title': 'Rear Admiral',
      Seniority: 'executive',
      'Original Source': 'Offline Sources',
      'Lifecycle Stage': 'lead',
      'HubSpot Score': '42',
      "Legal basis for processing contact's data": 'Legitimate interest – prospect/lead',
      'Date of birth': '1906-12-09',
      'Average Pageviews': '3.5',
      'höbbela': 'custom value',
    });
    const result = mapRow(plan, cells, 7);
    expect(result).toEqual({
      ok: true,
      input: {
        externalId: '51',
        externalSource: 'hubspot',
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'grace@navy.example',
        phone: '+1 202 555 0101',
        company: 'US Navy',
        website: 'navy.example',
        employees: 1200,
        annualRevenue: 350000000,
        country: 'United States',
        state: 'VA',
        title: 'Rear Admiral',
        seniority: 'executive',
        source: 'Offline Sources',
        attributes: {
          'Mobile Phone Number': '+1 202 555 0199',
          lifecycle_stage: 'lead',
          hubspot_score: '42',
          legal_basis: 'Legitimate interest – prospect/lead',
          'Average Pageviews': '3.5',
          'höbbela': 'custom value',
        },
        touch: { type: 'import' },
      },
    });
  });
});
