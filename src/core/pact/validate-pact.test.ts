import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPactDocument } from './default-pact.ts';
import { parsePactText } from './parse-pact-text.ts';
import type { PactDocumentInput } from './pact-schema.ts';
import { knownFactRoots, knownLeadFields, validatePact } from './validate-pact.ts';

/** The default pact with one mistake made by `mutate`; what the validator says, as `path: message` lines. */
function problemsAfter(mutate: (pact: Record<string, any>) => void): string[] {
  const pact = structuredClone(defaultPactDocument) as Record<string, any>;
  mutate(pact);
  const result = validatePact(pact);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

function warningsAfter(mutate: (pact: Record<string, any>) => void): string[] {
  const pact = structuredClone(defaultPactDocument) as Record<string, any>;
  mutate(pact);
  const result = validatePact(pact);
  if (!result.ok) throw new Error(`expected a valid pact, got ${JSON.stringify(result.issues)}`);
  return result.warnings.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('validatePact: schema mistakes in plain words', () => {
  it('lists the allowed values of an enum', () => {
    expect(problemsAfter((pact) => (pact.routing.field.strategy[0] = 'rr'))).toEqual([
      'routing.field.strategy.0: expected one of account_owner | territory | round_robin',
    ]);
    expect(problemsAfter((pact) => (pact.fitRules[3].when[0].op = 'equals'))).toEqual([
      'fitRules.3.when.0.op: expected one of eq | neq | in | not_in | contains | contains_any | starts_with | ends_with | matches | gt | gte | lt | lte | between | exists | not_exists',
    ]);
  });

  it('suggests the allowed value a misspelt one was meant to be', () => {
    expect(problemsAfter((pact) => (pact.dispositions[0].suggests = 'targetting'))).toEqual([
      'dispositions.0.suggests: expected one of targeting | message | timing | data_quality | none (did you mean "targeting"?)',
    ]);
  });

  it('reports an unknown field at its own path, with the likely intended one', () => {
    expect(problemsAfter((pact) => (pact.engagementRules[0].halfLife = 30))).toEqual([
      'engagementRules.0.halfLife: unknown field "halfLife" (did you mean "halfLifeDays"?)',
    ]);
    expect(problemsAfter((pact) => (pact.colour = 'blue'))).toEqual(['colour: unknown field "colour"']);
  });

  it('says "required" for a missing field', () => {
    expect(problemsAfter((pact) => delete pact.fitRules[2].label)).toEqual(['fitRules.2.label: required']);
    expect(problemsAfter((pact) => delete pact.sla.escalation)).toEqual(['sla.escalation: required']);
  });

  it('names the expected and the received type', () => {
    expect(problemsAfter((pact) => (pact.fitRules[3].points = 'eight'))).toEqual(['fitRules.3.points: expected a number, got text "eight"']);
    expect(problemsAfter((pact) => (pact.fitRules[3].points = 7.5))).toEqual(['fitRules.3.points: expected a whole number, got 7.5']);
    expect(problemsAfter((pact) => (pact.fitRules[3].label = null))).toEqual(['fitRules.3.label: expected text, got an empty value']);
    expect(problemsAfter((pact) => (pact.fitRules[3].when[0].value = { a: 1 }))).toEqual([
      'fitRules.3.when.0.value: expected text, a number, true or false, or a list, got a section',
    ]);
  });

  it('states ranges and sizes as limits', () => {
    expect(problemsAfter((pact) => (pact.sla.perGrade.B.minAttempts = 0))).toEqual(['sla.perGrade.B.minAttempts: must be at least 1']);
    expect(problemsAfter((pact) => (pact.engagementRules[1].halfLifeDays = 0))).toEqual(['engagementRules.1.halfLifeDays: must be more than 0']);
    expect(problemsAfter((pact) => (pact.commitments[0].mqlToSqlFloor = 20))).toEqual(['commitments.0.mqlToSqlFloor: must be at most 1']);
    expect(problemsAfter((pact) => (pact.mql.anyOf[0].when = []))).toEqual(['mql.anyOf.0.when: needs at least one entry']);
    expect(problemsAfter((pact) => (pact.name = ''))).toEqual(['name: must not be empty']);
  });

  it('reports repeated ids and codes', () => {
    expect(problemsAfter((pact) => (pact.fitRules[4].id = 'vp'))).toEqual(['fitRules.4.id: duplicate id "vp" (first at fitRules.1)']);
    expect(problemsAfter((pact) => (pact.dispositions[9].code = 'bad_data'))).toEqual(['dispositions.9.code: duplicate code "bad_data" (first at dispositions.7)']);
    expect(problemsAfter((pact) => (pact.mql.anyOf[1].label = pact.mql.anyOf[0].label))).toEqual([
      'mql.anyOf.1.label: duplicate label "Good fit and engaged" (first at mql.anyOf.0)',
    ]);
  });

  it('reports a repeated id even when the schema stops short because of another mistake', () => {
    expect(
      problemsAfter((pact) => {
        pact.fitRules[4].id = 'vp';
        pact.fitRules[0].points = 'many';
      }),
    ).toEqual(['fitRules.0.points: expected a number, got text "many"', 'fitRules.4.id: duplicate id "vp" (first at fitRules.1)']);
  });

  it('rejects a bad regular expression, a bad time zone and a bad time', () => {
    expect(problemsAfter((pact) => (pact.fitRules[4].when[0].value = '([a-z'))).toEqual(['fitRules.4.when.0.value: not a valid regular expression']);
    expect(problemsAfter((pact) => (pact.sla.calendar.timeZone = 'Mars/Olympus_Mons'))).toEqual([
      'sla.calendar.timeZone: not an IANA time zone such as Europe/Berlin',
    ]);
    // The schema's "startTime must be before endTime" would blame the wrong field here.
    expect(problemsAfter((pact) => (pact.sla.calendar.startTime = '9:00'))).toEqual(['sla.calendar.startTime: expected HH:MM']);
  });

  it('requires thresholds to fall from A to C', () => {
    expect(problemsAfter((pact) => (pact.grading.thresholds = { A: 40, B: 60, C: 20 }))).toEqual([
      'grading.thresholds: thresholds must fall strictly: A > B > C',
    ]);
  });

  it('reports every problem at once, in document order', () => {
    const problems = problemsAfter((pact) => {
      pact.commitments[0].period = 'year';
      pact.routing.field.strategy[0] = 'rr';
      pact.fitRules[0].when[0].field = 'lead.titel';
      pact.name = 7;
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'name',
      'fitRules.0.when.0.field',
      'routing.field.strategy.0',
      'commitments.0.period',
    ]);
  });

  it('rejects something that is not a pact at all', () => {
    const result = validatePact(['a', 'list']);
    expect(result).toEqual({ ok: false, issues: [{ path: '(document)', message: 'expected a section of "key: value" lines, got a list' }] });
  });
});

describe('validatePact: conditions', () => {
  it('rejects a lead field that does not exist, listing the known ones', () => {
    expect(problemsAfter((pact) => (pact.fitRules[0].when[0].field = 'lead.titel'))).toEqual([
      'fitRules.0.when.0.field: unknown lead field "titel" (did you mean "lead.title"?); known: email, firstName, lastName, title, seniority, phone, company, website, industry, employees, annualRevenue, country, state, city, source, campaign, externalSource, attributes.<column>',
    ]);
  });

  it('accepts imported columns under lead.attributes', () => {
    expect(problemsAfter((pact) => (pact.fitRules[0].when[0].field = 'lead.attributes.What is your occupation'))).toEqual([]);
    expect(problemsAfter((pact) => (pact.fitRules[0].when[0].field = 'lead.attributes'))).toEqual([
      'fitRules.0.when.0.field: name the imported column: lead.attributes.<column>',
    ]);
  });

  it('rejects a field whose root is not a fact', () => {
    expect(problemsAfter((pact) => (pact.fitRules[0].when[0].field = 'leads.seniority'))).toEqual([
      'fitRules.0.when.0.field: unknown field "leads.seniority" (did you mean "lead.seniority"?): a condition field starts with one of lead | account | email | phone | name | score | touch',
    ]);
    expect(problemsAfter((pact) => (pact.junk.rules[0].whenAny[0].field = 'email.knd'))).toEqual([
      'junk.rules.0.whenAny.0.field: unknown email field "knd" (did you mean "email.kind"?); known: domain, kind',
    ]);
  });

  it('rejects score and touch facts where the lead is not scored yet', () => {
    expect(problemsAfter((pact) => pact.fitRules[0].when.push({ field: 'score.fit', op: 'gt', value: 10 }))).toEqual([
      'fitRules.0.when.1.field: score.fit is only known after scoring, so a fit rule cannot use it',
    ]);
    expect(problemsAfter((pact) => (pact.junk.rules[0].whenAny[0] = { field: 'touch.hand_raiser', op: 'eq', value: false }))).toEqual([
      'junk.rules.0.whenAny.0.field: touch.hand_raiser is only known after scoring, so a junk rule cannot use it',
    ]);
    expect(problemsAfter((pact) => (pact.classification.rules[0].when[0] = { field: 'score.grade', op: 'eq', value: 'A' }))).toEqual([
      'classification.rules.0.when.0.field: score.grade is only known after scoring, so a classification rule cannot use it',
    ]);
  });

  it('rejects values a fact never has', () => {
    expect(problemsAfter((pact) => (pact.junk.rules[0].whenAny[0].value = ['throwaway']))).toEqual([
      'junk.rules.0.whenAny.0.value: email.kind is one of business | free | disposable | role | missing, not "throwaway"',
    ]);
    expect(problemsAfter((pact) => (pact.fitRules[12].when[0].value = 'yes'))).toEqual(['fitRules.12.when.0.value: phone.valid is true or false, not "yes"']);
    expect(problemsAfter((pact) => (pact.fitRules[0].when[0] = { field: 'lead.title', op: 'gt', value: 3 }))).toEqual([
      'fitRules.0.when.0.value: lead.title is not a number, so gt never holds',
    ]);
  });

  it('rejects rules that can never fire', () => {
    expect(problemsAfter((pact) => (pact.fitRules[6].when[0].value = [5000, 200]))).toEqual([
      'fitRules.6.when.0.value: between 5000 and 200 never holds: put the low value first ([200, 5000])',
    ]);
    expect(problemsAfter((pact) => pact.fitRules[7].when.push({ field: 'lead.employees', op: 'lt', value: 100 }))).toEqual([
      'fitRules.7.when: conditions on lead.employees cannot all hold (employees is more than 5,000 and employees is less than 100), so this fit rule can never apply',
    ]);
    expect(problemsAfter((pact) => pact.fitRules[13].when.push({ field: 'lead.website', op: 'not_exists' }))).toEqual([
      'fitRules.13.when: conditions on lead.website cannot all hold (website is known and website is unknown), so this fit rule can never apply',
    ]);
    expect(problemsAfter((pact) => (pact.fitRules[5].when[0].value = []))).toEqual(['fitRules.5.when.0.value: an empty list never matches']);
  });

  it('lets touch.types hold several values at once', () => {
    const twoTouchTypes = (pact: Record<string, any>) =>
      pact.mql.anyOf.push({
        label: 'Webinar and demo',
        when: [
          { field: 'touch.types', op: 'eq', value: 'webinar' },
          { field: 'touch.types', op: 'eq', value: 'demo_request' },
          { field: 'score.grade', op: 'neq', value: 'D' },
        ],
      });
    expect(problemsAfter(twoTouchTypes)).toEqual([]);
  });

  it('exports the facts a condition may name', () => {
    expect(knownFactRoots).toEqual(['lead', 'account', 'email', 'phone', 'name', 'score', 'touch']);
    expect(knownLeadFields).toContain('annualRevenue');
    expect(knownLeadFields).toContain('attributes.*');
  });
});

describe('validatePact: warnings', () => {
  it('accepts the pact with defaults filled in and no warnings', () => {
    const input: PactDocumentInput = structuredClone(defaultPactDocument);
    const result = validatePact(input);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('warns about grade thresholds outside the fit range', () => {
    expect(warningsAfter((pact) => (pact.grading.thresholds = { A: 120, B: 40, C: 0 }))).toEqual([
      'grading.thresholds.A: 120 is above the top of fitRange (100), so no lead can reach grade A',
      'grading.thresholds.C: 0 is at or below the bottom of fitRange (0), so every lead gets at least grade C',
    ]);
  });

  it('warns when the fit rules cannot add up to a grade', () => {
    expect(warningsAfter((pact) => (pact.fitRules = pact.fitRules.slice(0, 2)))).toEqual([
      'grading.thresholds.A: the fit rules add up to at most 45 points, so no lead can reach grade A',
    ]);
  });

  it('warns about an MQL clause every D-grade lead meets', () => {
    expect(
      warningsAfter((pact) => {
        pact.mql.anyOf[1].when = [{ field: 'score.grade', op: 'neq', value: 'A' }];
        pact.mql.anyOf.push({ label: 'Low fit', when: [{ field: 'score.fit', op: 'lt', value: 20 }] });
      }),
    ).toEqual([
      'mql.anyOf.1: every D-grade lead meets this clause, so leads with the poorest fit become MQLs',
      'mql.anyOf.2: every D-grade lead meets this clause, so leads with the poorest fit become MQLs',
    ]);
    expect(warningsAfter((pact) => (pact.mql.anyOf[1].when = [{ field: 'score.grade', op: 'in', value: ['A', 'B', 'C'] }]))).toEqual([]);
  });

  it('warns about escalation out of order and settings that do nothing', () => {
    expect(
      warningsAfter((pact) => {
        pact.sla.escalation = { notifyManagerAfterBreachHours: 8, reassignAfterBreachHours: 1 };
        pact.dispositions[0].recycleAfterDays = 30;
      }),
    ).toEqual([
      'sla.escalation.reassignAfterBreachHours: the lead is reassigned (1 h after the breach) before the manager is notified (8 h)',
      'dispositions.0.recycleAfterDays: ignored: only a recycle disposition brings the lead back after a number of days (this one is disqualify)',
    ]);
  });
});

describe('examples/invalid-pact.yaml', () => {
  it('has each of its mistakes reported at its path', () => {
    const text = readFileSync(new URL('../../../examples/invalid-pact.yaml', import.meta.url), 'utf8');
    const parsed = parsePactText(text);
    if (!parsed.ok) throw new Error(`the example does not parse: ${JSON.stringify(parsed.issues)}`);
    const result = validatePact(parsed.value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'defaultPhoneRegion: expected an ISO 3166-1 alpha-2 code such as US',
      'fitRules.1.id: duplicate id "vp" (first at fitRules.0)',
      'fitRules.2.when.0.field: unknown lead field "titel" (did you mean "lead.title"?); known: email, firstName, lastName, title, seniority, phone, company, website, industry, employees, annualRevenue, country, state, city, source, campaign, externalSource, attributes.<column>',
      'fitRules.3.when.0.value: between 5000 and 200 never holds: put the low value first ([200, 5000])',
      'fitRules.4.when.0.field: score.engagement is only known after scoring, so a fit rule cannot use it',
      'fitRules.5.when.0.value: not a valid regular expression',
      'engagementRules.0.halfLifeDays: required',
      'engagementRules.0.halfLife: unknown field "halfLife" (did you mean "halfLifeDays"?)',
      'grading.thresholds: thresholds must fall strictly: A > B > C',
      'junk.rules.0.whenAny.0.value: email.kind is one of business | free | disposable | role | missing, not "throwaway"',
      'routing.field.strategy.1: expected one of account_owner | territory | round_robin (did you mean "round_robin"?)',
      'sla.calendar.timeZone: not an IANA time zone such as Europe/Berlin',
      'sla.perGrade.D: required',
      'dispositions.0.recycleAfterDays: a recycle disposition needs recycleAfterDays',
      'dispositions.1.suggests: expected one of targeting | message | timing | data_quality | none (did you mean "targeting"?)',
    ]);
    // Every mistake marked in the file is accounted for; the misnamed halfLife counts twice
    // (an unknown field, and halfLifeDays missing).
    expect(text.match(/# MISTAKE:/g)?.length).toBe(result.issues.length - 1);
  });
});

describe('validatePact on anything', () => {
  it('never throws, and always names a path and a message', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validatePact(value);
        const issues = result.ok ? result.warnings : result.issues;
        for (const issue of issues) {
          expect(issue.path.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the default pact with one value anywhere replaced', () => {
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => collect(item, [...path, index]));
      else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
    };
    collect(defaultPactDocument, []);
    const replacement = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length > 0)), replacement, (path, value) => {
        const pact = structuredClone(defaultPactDocument) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = pact;
        for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
        parent[path[path.length - 1] as string | number] = value;
        const result = validatePact(pact);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
