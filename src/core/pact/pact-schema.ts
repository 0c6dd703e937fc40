import { z } from 'zod';

/**
 * The pact: the one document marketing and sales sign. Everything in it is data — rules are
 * (field, operator, value, points) — so a pact can be validated, diffed, simulated and versioned
 * without running code. This file is the single source of its shape, its TypeScript types and its
 * JSON schema in the OpenAPI document.
 */

export const grades = ['A', 'B', 'C', 'D'] as const;
export const gradeSchema = z.enum(grades);
export type Grade = z.infer<typeof gradeSchema>;

export const accountClasses = ['field', 'inside', 'marketing_led'] as const;
export const accountClassSchema = z.enum(accountClasses);
export type AccountClass = z.infer<typeof accountClassSchema>;

export const lifecycleStages = ['inquiry', 'mql', 'sal', 'sql', 'won', 'lost', 'junk', 'disqualified', 'recycled'] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
/** Stages in which a lead is still being worked (and counts against its owner's capacity). */
export const openStages: readonly LifecycleStage[] = ['inquiry', 'mql', 'sal', 'sql'];

/** Touch types marketing records; the pact gives each its points. */
export const touchTypes = [
  'form_fill',
  'demo_request',
  'contact_request',
  'trial_signup',
  'webinar',
  'event',
  'content_download',
  'email_open',
  'email_click',
  'visit',
  'chat',
  'import',
] as const;
export const touchTypeSchema = z.enum(touchTypes);
export type TouchType = z.infer<typeof touchTypeSchema>;

export const conditionOperators = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'contains_any',
  'starts_with',
  'ends_with',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'not_exists',
] as const;
export const conditionOperatorSchema = z.enum(conditionOperators);
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One test on a field of the lead, its account or a derived fact. Field paths:
 * `lead.<column>` (title, seniority, industry, country, employees, source, …),
 * `lead.attributes.<name>` (any imported column), `account.<column>`,
 * `email.domain`, `email.kind` (business | free | disposable | role | missing),
 * `phone.valid` (boolean), `name.keyboard_mash`, `name.test` (booleans),
 * `score.grade`, `score.fit`, `score.engagement`, `score.total`, `touch.hand_raiser` (boolean),
 * `touch.types` (list of touch types the lead has).
 * String comparisons are case-insensitive.
 */
export const conditionSchema = z
  .object({
    field: z.string().min(1).regex(/^[a-z_]+(\.[A-Za-z0-9_ \-]+)+$/, 'expected a path like lead.title or account.employees'),
    op: conditionOperatorSchema,
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .strict()
  .superRefine((condition, ctx) => {
    const needsList = ['in', 'not_in', 'contains_any', 'between'].includes(condition.op);
    const needsNothing = ['exists', 'not_exists'].includes(condition.op);
    if (needsNothing) return;
    if (condition.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${condition.op} needs a value` });
      return;
    }
    if (needsList && !Array.isArray(condition.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${condition.op} needs a list of values` });
    }
    if (condition.op === 'between' && Array.isArray(condition.value) && condition.value.length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'operator between needs exactly two values [low, high]' });
    }
    if (['gt', 'gte', 'lt', 'lte'].includes(condition.op) && typeof condition.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${condition.op} needs a number` });
    }
    if (condition.op === 'matches' && typeof condition.value === 'string') {
      try {
        new RegExp(condition.value, 'i');
      } catch {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'not a valid regular expression' });
      }
    }
  });
export type Condition = z.infer<typeof conditionSchema>;

/** A rule fires when all of its conditions hold. */
const ruleId = z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9_\-]*$/, 'use lowercase letters, digits, - and _');

export const fitRuleSchema = z
  .object({
    id: ruleId,
    label: z.string().min(1).max(200),
    when: z.array(conditionSchema).min(1),
    points: z.number().int().min(-100).max(100),
  })
  .strict();
export type FitRule = z.infer<typeof fitRuleSchema>;

export const engagementRuleSchema = z
  .object({
    id: ruleId,
    label: z.string().min(1).max(200),
    touchType: touchTypeSchema,
    points: z.number().int().min(-100).max(100),
    /** Days after which the touch is worth half its points. */
    halfLifeDays: z.number().positive().max(3650),
    /** Touches of this type count as raising a hand (asking for sales). */
    handRaiser: z.boolean().default(false),
    /** At most this many touches of the type count (stops one eager clicker inflating the score). */
    maxCount: z.number().int().positive().max(1000).optional(),
  })
  .strict();
export type EngagementRule = z.infer<typeof engagementRuleSchema>;

export const gradingSchema = z
  .object({
    /** Grade is given by the fit score (how well the lead matches the ideal customer). */
    basis: z.enum(['fit', 'total']).default('fit'),
    /** Minimum points for each grade; below C is D. */
    thresholds: z.object({ A: z.number(), B: z.number(), C: z.number() }).strict(),
    /** Fit points are clamped to this range before grading. */
    fitRange: z.tuple([z.number(), z.number()]).default([0, 100]),
  })
  .strict()
  .refine((g) => g.thresholds.A > g.thresholds.B && g.thresholds.B > g.thresholds.C, {
    message: 'thresholds must fall strictly: A > B > C',
    path: ['thresholds'],
  });
export type Grading = z.infer<typeof gradingSchema>;

/** MQL: the lead qualifies when any one clause holds (a clause holds when all its conditions do). */
export const mqlDefinitionSchema = z
  .object({
    anyOf: z
      .array(
        z
          .object({
            label: z.string().min(1).max(200),
            when: z.array(conditionSchema).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type MqlDefinition = z.infer<typeof mqlDefinitionSchema>;

export const junkRuleSchema = z
  .object({
    code: ruleId,
    reason: z.string().min(1).max(300),
    /** Junk when any condition holds. */
    whenAny: z.array(conditionSchema).min(1),
  })
  .strict();
export type JunkRule = z.infer<typeof junkRuleSchema>;

export const junkPolicySchema = z
  .object({
    competitorDomains: z.array(z.string().min(3)).default([]),
    /** Extra free-mail domains on top of the built-in list. */
    extraFreeMailDomains: z.array(z.string().min(3)).default([]),
    rules: z.array(junkRuleSchema).default([]),
  })
  .strict();
export type JunkPolicy = z.infer<typeof junkPolicySchema>;

export const classificationSchema = z
  .object({
    /** First matching rule wins; rules are tried in order. */
    rules: z
      .array(
        z
          .object({
            class: accountClassSchema,
            label: z.string().min(1).max(200),
            when: z.array(conditionSchema).min(1),
            /** Higher is served first inside the class. */
            priority: z.number().int().min(0).max(100).default(50),
          })
          .strict(),
      )
      .default([]),
    /** Class given when no rule matches. */
    defaultClass: accountClassSchema,
  })
  .strict();
export type Classification = z.infer<typeof classificationSchema>;

export const routingStrategies = ['account_owner', 'territory', 'round_robin'] as const;
export const routingStrategySchema = z.enum(routingStrategies);

export const territorySchema = z
  .object({
    name: z.string().min(1).max(100),
    when: z.array(conditionSchema).min(1),
    /** E-mail addresses of the reps who cover it (round-robin among them). */
    reps: z.array(z.string().email()).min(1),
  })
  .strict();
export type Territory = z.infer<typeof territorySchema>;

export const classRoutingSchema = z
  .object({
    /** Team name (teams are managed in leadpact; the pact names them). */
    team: z.string().min(1).max(100),
    /** Tried in this order; the first that yields an available rep under capacity wins. */
    strategy: z.array(routingStrategySchema).min(1),
    territories: z.array(territorySchema).default([]),
  })
  .strict();
export type ClassRouting = z.infer<typeof classRoutingSchema>;

export const routingSchema = z
  .object({
    field: classRoutingSchema,
    inside: classRoutingSchema,
    marketing_led: classRoutingSchema,
  })
  .strict();
export type Routing = z.infer<typeof routingSchema>;

export const businessCalendarSchema = z
  .object({
    timeZone: z.string().refine(isKnownTimeZone, 'not an IANA time zone such as Europe/Berlin'),
    /** ISO weekdays 1 (Monday) … 7 (Sunday). */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
    endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')).default([]),
  })
  .strict()
  .refine((c) => c.startTime < c.endTime, { message: 'startTime must be before endTime', path: ['endTime'] });

export const slaPerGradeSchema = z
  .object({
    acceptWithinHours: z.number().positive(),
    firstAttemptWithinHours: z.number().positive(),
    minAttempts: z.number().int().min(1).max(50),
    attemptWindowDays: z.number().positive(),
    feedbackWithinHours: z.number().positive(),
  })
  .strict();

export const slaPolicySchema = z
  .object({
    calendar: businessCalendarSchema,
    perGrade: z.object({ A: slaPerGradeSchema, B: slaPerGradeSchema, C: slaPerGradeSchema, D: slaPerGradeSchema }).strict(),
    /** Warn the owner when this share of the allowed time has passed. */
    warnAtFraction: z.number().gt(0).lt(1).default(0.75),
    escalation: z
      .object({
        notifyManagerAfterBreachHours: z.number().min(0),
        reassignAfterBreachHours: z.number().min(0),
      })
      .strict(),
  })
  .strict();
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const dispositionActions = ['recycle', 'disqualify', 'return_to_marketing'] as const;
export const dispositionSchema = z
  .object({
    code: ruleId,
    label: z.string().min(1).max(200),
    action: z.enum(dispositionActions),
    /** For recycle: days until the lead resurfaces in nurture. */
    recycleAfterDays: z.number().int().positive().max(3650).optional(),
    /** Which adjustment the reason points marketing to. */
    suggests: z.enum(['targeting', 'message', 'timing', 'data_quality', 'none']).default('none'),
  })
  .strict()
  .refine((d) => d.action !== 'recycle' || d.recycleAfterDays !== undefined, {
    message: 'a recycle disposition needs recycleAfterDays',
    path: ['recycleAfterDays'],
  });
export type Disposition = z.infer<typeof dispositionSchema>;

export const marketingCommitmentSchema = z
  .object({
    period: z.enum(['month', 'quarter']),
    /** Team name the MQLs are owed to, or omitted for all. */
    team: z.string().min(1).max(100).optional(),
    mqlVolume: z.number().int().min(0),
    /** Minimum share of MQLs that become SQLs (0–1). */
    mqlToSqlFloor: z.number().min(0).max(1),
  })
  .strict();

export const pactDocumentSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** Region used to read phone numbers written without a country code (ISO 3166-1 alpha-2). */
    defaultPhoneRegion: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as US'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
    fitRules: z.array(fitRuleSchema),
    engagementRules: z.array(engagementRuleSchema),
    grading: gradingSchema,
    mql: mqlDefinitionSchema,
    junk: junkPolicySchema,
    classification: classificationSchema,
    routing: routingSchema,
    sla: slaPolicySchema,
    dispositions: z.array(dispositionSchema).min(1),
    commitments: z.array(marketingCommitmentSchema).default([]),
  })
  .strict()
  .superRefine((pact, ctx) => {
    reportDuplicates(pact.fitRules.map((r) => r.id), ['fitRules'], 'id', ctx);
    reportDuplicates(pact.engagementRules.map((r) => r.id), ['engagementRules'], 'id', ctx);
    reportDuplicates(pact.junk.rules.map((r) => r.code), ['junk', 'rules'], 'code', ctx);
    reportDuplicates(pact.dispositions.map((d) => d.code), ['dispositions'], 'code', ctx);
    const seenTouchTypes = new Map<string, number>();
    pact.engagementRules.forEach((rule, index) => {
      const earlier = seenTouchTypes.get(rule.touchType);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['engagementRules', index, 'touchType'],
          message: `touch type ${rule.touchType} already has a rule (engagementRules.${earlier})`,
        });
      }
      seenTouchTypes.set(rule.touchType, index);
    });
  });

/** A pact as written (defaults not yet filled in). */
export type PactDocumentInput = z.input<typeof pactDocumentSchema>;
/** A validated pact with every default filled in. */
export type PactDocument = z.infer<typeof pactDocumentSchema>;

function reportDuplicates(values: string[], path: (string | number)[], key: string, ctx: z.RefinementCtx): void {
  const firstIndex = new Map<string, number>();
  values.forEach((value, index) => {
    const earlier = firstIndex.get(value);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, index, key], message: `duplicate ${key} "${value}" (first at ${path.join('.')}.${earlier})` });
    } else {
      firstIndex.set(value, index);
    }
  });
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
