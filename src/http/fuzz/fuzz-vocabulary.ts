import { hostileStrings } from './hostile-strings.ts';
import type { SchemaObject, ValueSuggestions } from './json-schema-arbitrary.ts';

/**
 * What the fuzz world knows exists, by collection (`leads`, `users`, `pact-versions`, …, the path
 * segment before an id) plus e-mails and names of real people and records.
 */
export interface KnownRecords {
  ids: Record<string, (string | number)[]>;
  emails: string[];
  passwords: string[];
  campaignNames: string[];
  teamNames: string[];
  /** Pact documents: the active one, its JSON text, and broken copies. */
  pactDocuments: unknown[];
}

/** Field names that hold the id of a record of another collection. */
const collectionOfField: Record<string, string> = {
  leadid: 'leads',
  otherleadid: 'leads',
  entityid: 'leads',
  accountid: 'accounts',
  campaignid: 'campaigns',
  teamid: 'teams',
  team: 'teams',
  userid: 'users',
  ownerid: 'users',
  owner: 'users',
  managerid: 'users',
  actorid: 'users',
  version: 'pact-versions',
  against: 'pact-versions',
};

const realistic: Record<string, string[]> = {
  firstname: ['Dana', 'José', 'Zoë', 'O’Brien', 'Test', 'asdf', 'Li'],
  lastname: ['Reyes', 'Müller', 'Nguyễn', 'Smith-Jones', 'Test', 'qwerty'],
  name: ['Dana Reyes', 'Acme Robotics', 'Spring Webinar', 'Inside Sales', 'CRM sync', 'Zoë Müller'],
  company: ['Acme Robotics Inc.', 'Globex GmbH', 'Initech LLC', 'Student', 'Competitor Corp'],
  title: ['VP Sales', 'CEO', 'Head of Marketing', 'Student', 'Intern', 'Software Engineer'],
  seniority: ['executive', 'director', 'manager', 'individual'],
  phone: ['+1 415 555 0100', '(415) 555-0101', '+44 20 7946 0958', '030 1234567', '000', 'not a phone', '+999 1'],
  website: ['acme-robotics.com', 'https://www.globex.de/about', 'http://initech.example', 'localhost', 'gmail.com'],
  domain: ['acme-robotics.com', 'globex.de', 'initech.example', 'gmail.com', 'xn--bcher-kva.example'],
  industry: ['Software', 'Manufacturing', 'Education', 'Retail'],
  country: ['US', 'USA', 'United States', 'de', 'Germany', 'GB', 'Atlantis', 'zz'],
  state: ['CA', 'Bavaria', 'NY'],
  city: ['San Francisco', 'München', 'London'],
  source: ['web', 'linkedin', 'google', 'webinar', 'list'],
  currency: ['USD', 'EUR', 'GBP', 'XXX', 'ABC'],
  reason: ['duplicate of another lead', 'spam submission', 'GDPR request #2026-114', 'restored after review', 'no'],
  note: ['raise the MQL bar', 'fuzzed draft'],
  externalsource: ['salesforce', 'hubspot', 'x_education'],
  externalid: ['00Q5e000001', 'abc-123', '1'],
  q: ['acme', 'dana', '@', '%', '_', 'müller'],
  cursor: ['eyJ0IjoiMjAyNi0wMS0wMVQwMDowMDowMFoiLCJpZCI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCJ9', 'MTIz', 'not-a-cursor'],
  filename: ['leads.csv', 'x_education_leads.csv', '../../etc/passwd', 'a'.repeat(255)],
  awayuntil: ['2030-01-01', '2030-01-01T09:00:00+02:00', 'next week', '2026-02-30'],
  stage: ['mql', 'inquiry,mql', 'junk', 'sql,won,lost', 'MQL', 'nope'],
  grade: ['A', 'A,B', 'D', 'E', 'a'],
  mapping: ['{"name":"fuzz","columns":{"Email":"email","Name":"firstName"}}', '{"name":"fuzz","columns":{"Email":"nowhere"}}', '{}', 'not json', 'name: yaml\ncolumns:\n  Email: email'],
};

const csvFiles: string[] = [
  'email,first_name,last_name,company,title,country\ndana.reyes@acme-robotics.com,Dana,Reyes,Acme Robotics,VP Sales,US\nli@globex.de,Li,Wei,Globex,CEO,DE\n',
  'Email,First Name,Last Name,Company,Lead Source\nzoe@initech.example,Zoë,Müller,Initech,Web\n',
  'email\n=cmd|\'/c calc\'!A1@x.com\n+1@x.com\n@sum(1)@x.com\n',
  'email,first_name\n"unclosed,quote\n',
  'email,first_name\na@b.com\nc@d.com,x,y,z\n',
  '\ufeffemail,company\nbom@acme-robotics.com,Acme\n',
  'email,company\nnul\u0000byte@acme.com,Ac\u0000me\n',
  '',
  'email\n',
  'just,some,columns\n1,2,3\n',
  'email;first_name\nsemicolon@acme.com;Semi\n',
  `email,employees,annual_revenue\nbig@acme.com,99999999999999,${'9'.repeat(30)}\n`,
  `email,first_name\n${Array.from({ length: 40 }, (_unused, index) => `bulk${index}@acme-robotics.com,Bulk`).join('\n')}\n`,
];

/** Web forms as sites post them to /api/capture: common field names, the honeypot, a redirect. */
const webForms: Record<string, string>[] = [
  { email: 'form.one@acme-robotics.com', first_name: 'Form', last_name: 'One', company: 'Acme Robotics', utm_source: 'google', _honeypot: '' },
  { email_address: 'form.two@globex.de', firstName: 'Form', 'Last Name': 'Two', job_title: 'CEO', touch_type: 'demo_request', _redirect: '/thanks' },
  { email: 'bot@spam.example', first_name: 'Bot', _honeypot: 'filled by a bot' },
  { email: 'redirect@initech.example', _redirect: 'https://evil.example/phish' },
  { email: 'redirect2@initech.example', _redirect: '//evil.example' },
  { email: 'typed@initech.example', touch_type: 'not_a_type' },
  { phone: '+44 20 7946 0958', company_size: '250', country: 'United Kingdom', favourite_colour: 'blue' },
  { email: 'dana.reyes@acme-robotics.com', message: 'I would like a demo', employees: 'lots' },
];

function normalized(name: string): string {
  return name.replace(/[^a-z]/gi, '').toLowerCase();
}

/**
 * Suggestions for the generators: real ids for id fields and path parameters, real e-mails and
 * passwords, realistic text for lead fields (so valid requests get past validation and into the
 * pipeline), CSV files for uploads, pact documents; hostile strings mixed into every text list.
 */
export function fuzzSuggestions(known: KnownRecords, accepts: ValueSuggestions['accepts']): ValueSuggestions {
  return {
    accepts,
    suggest(name: string | undefined, schema: SchemaObject): readonly unknown[] {
      if (schema.format === 'binary' || name === 'file') return csvFiles;
      if (name === undefined) return [];
      if (name === '(body)') return webForms;
      if (name.includes('/')) {
        // A path parameter: `leads/id` → the ids of leads (or every id when the collection is unknown).
        const collection = name.split('/')[0] ?? '';
        return known.ids[collection] ?? Object.values(known.ids).flat();
      }
      const key = normalized(name);
      if (key === 'document') return known.pactDocuments;
      const collection = collectionOfField[key] ?? (key.endsWith('id') ? `${key.slice(0, -2)}s` : undefined);
      const ids = collection ? known.ids[collection] : undefined;
      if (ids) return [...ids, ...(key === 'team' ? known.teamNames : [])];
      if (key.endsWith('email')) return [...known.emails, ...known.emails.map((email) => email.toUpperCase()), ...known.emails.map((email) => email.replace('@', '+tag@'))];
      if (key.includes('password')) return [...known.passwords, 'correct horse battery staple', 'short'];
      if (key === 'campaign') return known.campaignNames;
      const text = realistic[key];
      if (key === 'mapping') return text ?? [];
      return text ? [...text, ...hostileStrings.slice(0, 12)] : [];
    },
  };
}
