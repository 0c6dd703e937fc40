import { collapseSpaces, foldAccents } from './fold-text.ts';

export const seniorityLevels = ['c_level', 'vp', 'director', 'manager', 'individual'] as const;
export type SeniorityLevel = (typeof seniorityLevels)[number];

// Tried in this order; the first level whose pattern matches wins. Assistants to an executive
// are caught before the executive's title, vice presidents before "president".
const assistantTo = /\b(?:assistant|ea|pa|secretary)\s+(?:to|of)\b/u;
const levelPatterns: readonly (readonly [SeniorityLevel, RegExp])[] = [
  ['vp', /\b(?:vice\s*president|vizeprasident|vicepresidente|vp|svp|evp|avp|fvp)\b/u],
  [
    'c_level',
    new RegExp(
      '\\b(?:chief|ceo|cfo|cto|coo|cmo|cio|cro|cso|cpo|cdo|cco|cao|cno|cxo|chro|ciso|cmso|cdao|caio|c level|c suite|' +
        'president|presidente|founder|co founder|cofounder|(?<!product |process |account |project |data |service |system )owner|' +
        'proprietor|chair|chairman|chairwoman|chairperson|managing director|managing partner|general partner|' +
        'geschaftsfuhrer|geschaftsfuhrerin|inhaber|inhaberin|vorstand|directeur general|director general|pdg|executive director)\\b',
      'u',
    ),
  ],
  [
    'director',
    /\b(?:director|directeur|directrice|direktor|direktorin|directora|head|leiter|leiterin|bereichsleiter|general manager|gm)\b|^(?:senior |equity |founding )?partner$/u,
  ],
  [
    'manager',
    /\b(?:manager|mgr|mngr|managerin|gerente|responsable|supervisor|team lead|team leader|group lead|group leader|teamleiter|teamleiterin|foreman|superintendent)\b/u,
  ],
];

/**
 * The seniority a job title implies: "Chief Revenue Officer" and "CEO" → c_level, "SVP Sales" →
 * vp, "Head of Marketing" → director, "Sr. Manager" → manager, "Software Engineer" and
 * "Student" → individual. Null for an empty title. Case, accents and punctuation are ignored;
 * English first, with the common German, French and Spanish forms.
 */
export function seniorityFromTitle(title: string | null | undefined): SeniorityLevel | null {
  if (!title) return null;
  const words = collapseSpaces(
    foldAccents(title)
      .toLowerCase()
      .replace(/[.'’]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' '),
  );
  if (words === '') return null;
  if (assistantTo.test(words)) return 'individual';
  for (const [level, pattern] of levelPatterns) {
    if (pattern.test(words)) return level;
  }
  return 'individual';
}

const seniorityAliases: Readonly<Record<string, SeniorityLevel>> = {
  'c level': 'c_level', 'c suite': 'c_level', clevel: 'c_level', csuite: 'c_level', cxo: 'c_level', executive: 'c_level',
  owner: 'c_level', founder: 'c_level', partner: 'director',
  vp: 'vp', 'vice president': 'vp', svp: 'vp', evp: 'vp',
  director: 'director', head: 'director', 'head of': 'director',
  manager: 'manager', management: 'manager', 'team lead': 'manager', lead: 'manager', supervisor: 'manager',
  individual: 'individual', 'individual contributor': 'individual', ic: 'individual', staff: 'individual',
  'entry level': 'individual', entry: 'individual', senior: 'individual', junior: 'individual', intern: 'individual',
  'non manager': 'individual',
};

/**
 * A seniority a source sent ("C-Level", "VP", "Individual Contributor") as one of
 * `seniorityLevels`, or null when it is none of the spellings we know (the caller keeps it as
 * typed). Unlike `seniorityFromTitle` this reads a category, not a job title.
 */
export function canonicalSeniority(raw: string): SeniorityLevel | null {
  const key = collapseSpaces(foldAccents(raw).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
  if ((seniorityLevels as readonly string[]).includes(key.replaceAll(' ', '_'))) return key.replaceAll(' ', '_') as SeniorityLevel;
  return seniorityAliases[key] ?? null;
}
