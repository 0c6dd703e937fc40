import type { Condition } from './pact-schema.ts';

/** Facts that are true or false, with how "is true" and "is false" read. */
const booleanPhrases: Readonly<Record<string, readonly [string, string]>> = {
  'phone.valid': ['phone number is valid', 'phone number is not valid'],
  'name.test': ['name is a test name', 'name is not a test name'],
  'name.keyboard_mash': ['name is keyboard mash', 'name is not keyboard mash'],
  'touch.hand_raiser': ['lead raised a hand', 'lead has not raised a hand'],
};

const factNames: Readonly<Record<string, string>> = {
  'email.domain': 'e-mail domain',
  'email.kind': 'e-mail kind',
  'phone.valid': 'phone number valid',
  'name.test': 'test name',
  'name.keyboard_mash': 'keyboard-mash name',
  'score.grade': 'grade',
  'score.fit': 'fit score',
  'score.engagement': 'engagement score',
  'score.total': 'total score',
  'touch.hand_raiser': 'hand raised',
  'touch.types': 'touch types',
};

export interface DescribeOptions {
  /** ISO 4217 code; when given, annual revenue (minor units) reads as money. */
  currency?: string;
}

/**
 * A condition as a person says it: `title contains any of "student", "intern"`,
 * `employees between 200 and 5000`, `phone number is valid`. Lead fields lose their `lead.` prefix,
 * camelCase becomes words, text is quoted, numbers get thousands separators, and with a currency
 * annual revenue (stored in minor units) reads as money.
 */
export function describeCondition(condition: Condition, options: DescribeOptions = {}): string {
  const { field, op, value } = condition;
  const booleanPhrase = booleanPhrases[field];
  if (booleanPhrase && (op === 'eq' || op === 'neq') && isBooleanLike(value)) {
    const isTrue = String(value).toLowerCase() === 'true';
    return booleanPhrase[isTrue === (op === 'eq') ? 0 : 1];
  }
  const name = describeFactField(field);
  const one = (item: unknown): string => describeValue(item, field, options);
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const many = list.map(one).join(', ');
  const isSingle = list.length === 1;
  if (field === 'touch.types') {
    if (op === 'eq' || (op === 'in' && isSingle)) return `${name} include ${many}`;
    if (op === 'in') return `${name} include any of ${many}`;
    if (op === 'neq' || (op === 'not_in' && isSingle)) return `${name} do not include ${many}`;
    if (op === 'not_in') return `${name} include none of ${many}`;
  }
  switch (op) {
    case 'eq':
      return `${name} is ${one(value)}`;
    case 'neq':
      return `${name} is not ${one(value)}`;
    case 'in':
      return isSingle ? `${name} is ${many}` : `${name} is one of ${many}`;
    case 'not_in':
      return isSingle ? `${name} is not ${many}` : `${name} is none of ${many}`;
    case 'contains':
      return `${name} contains ${one(value)}`;
    case 'contains_any':
      return isSingle ? `${name} contains ${many}` : `${name} contains any of ${many}`;
    case 'starts_with':
      return `${name} starts with ${one(value)}`;
    case 'ends_with':
      return `${name} ends with ${one(value)}`;
    case 'matches':
      return `${name} matches the pattern /${String(value)}/`;
    case 'gt':
      return `${name} is more than ${one(value)}`;
    case 'gte':
      return `${name} is at least ${one(value)}`;
    case 'lt':
      return `${name} is less than ${one(value)}`;
    case 'lte':
      return `${name} is at most ${one(value)}`;
    case 'between':
      return `${name} between ${one(list[0])} and ${one(list[1])}`;
    case 'exists':
      return `${name} is known`;
    case 'not_exists':
      return `${name} is unknown`;
  }
}

/** Conditions joined the way the rule combines them: "and" for `when`, "or" for junk's `whenAny`. */
export function describeConditions(conditions: readonly Condition[], joiner: 'and' | 'or', options: DescribeOptions = {}): string {
  return conditions.map((condition) => describeCondition(condition, options)).join(` ${joiner} `);
}

/** A fact path as words: `lead.annualRevenue` → "annual revenue", `account.employees` → "account employees". */
export function describeFactField(field: string): string {
  const known = factNames[field];
  if (known) return known;
  const [root, ...rest] = field.split('.');
  if (root === 'lead' && rest[0] === 'attributes' && rest.length > 1) return `imported column "${rest.slice(1).join('.')}"`;
  const words = rest.map(camelCaseToWords).join(' ');
  if (root === 'lead') return words;
  return `${root} ${words}`;
}

function camelCaseToWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function isBooleanLike(value: unknown): boolean {
  return typeof value === 'boolean' || value === 'true' || value === 'false';
}

function describeValue(value: unknown, field: string, options: DescribeOptions): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') {
    if (options.currency && field.endsWith('.annualRevenue')) return formatMinorUnits(value, options.currency);
    return formatNumber(value);
  }
  return String(value);
}

/** A number with thousands separators, as an English reader expects (1,000 and 0.25). */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Minor units of a currency as money without cents when there are none: 10000000000 USD → "$100,000,000". */
export function formatMinorUnits(minorUnits: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    const amount = minorUnits / 10 ** digits;
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: Number.isInteger(amount) ? 0 : digits }).format(amount);
  } catch {
    return `${formatNumber(minorUnits)} (minor units of ${currency})`;
  }
}
