import { z } from 'zod';
import { AppError } from './errors/app-error.ts';
import { fieldIssuesFromZod } from './errors/zod-issues.ts';

/**
 * Every setting leadpact reads, each with its environment variable, default and description
 * (the README's configuration table lists exactly these). Read once at start, validated, frozen.
 */
const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const configVariables = {
  databaseUrl: {
    env: 'DATABASE_URL',
    description: 'PostgreSQL connection string. Unset: the embedded PGlite database in LEADPACT_DATA_DIR (one machine, no fsync: use PostgreSQL in production).',
    default: undefined,
    sensitive: true,
    schema: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL').optional(),
  },
  dataDir: {
    env: 'LEADPACT_DATA_DIR',
    description: 'Directory of the embedded database. One process at a time: a second one gets a clear error.',
    default: './.leadpact',
    sensitive: false,
    schema: z.string().min(1).default('./.leadpact'),
  },
  port: {
    env: 'PORT',
    description: 'HTTP port of `leadpact serve`.',
    default: '3000',
    sensitive: false,
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  host: {
    env: 'HOST',
    description: 'Interface the server listens on (0.0.0.0 to accept connections from other machines).',
    default: '127.0.0.1',
    sensitive: false,
    schema: z.string().min(1).default('127.0.0.1'),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    description: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
    sensitive: false,
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  demoOnEmpty: {
    env: 'LEADPACT_DEMO_ON_EMPTY',
    description: '`leadpact serve` loads the demo organisation when the database has no leads and no users.',
    default: 'true',
    sensitive: false,
    schema: booleanText.default(true),
  },
  demoSeed: {
    env: 'LEADPACT_DEMO_SEED',
    description: 'Seed of the demo organisation (same seed, same data).',
    default: '42',
    sensitive: false,
    schema: z.coerce.number().int().min(0).default(42),
  },
  captureRateLimitPerMinute: {
    env: 'LEADPACT_CAPTURE_RATE_LIMIT',
    description: 'Web-form posts to POST /api/capture accepted per client IP per minute (429 beyond).',
    default: '60',
    sensitive: false,
    schema: z.coerce.number().int().min(1).default(60),
  },
  rateLimitPerMinute: {
    env: 'LEADPACT_RATE_LIMIT_PER_MINUTE',
    description: 'Requests to /api accepted per minute from one API key or one signed-in user (429 with Retry-After beyond). Benchmarks that push thousands of requests a second through one key raise it.',
    default: '600',
    sensitive: false,
    schema: z.coerce.number().int().min(1).default(600),
  },
  addressRateLimitPerMinute: {
    env: 'LEADPACT_IP_RATE_LIMIT_PER_MINUTE',
    description: 'Requests to /api accepted per minute from one client IP without valid credentials (sign-in, health, web forms; failed authentications count too).',
    default: '300',
    sensitive: false,
    schema: z.coerce.number().int().min(1).default(300),
  },
  idempotencyLeaseSeconds: {
    env: 'LEADPACT_IDEMPOTENCY_LEASE_SECONDS',
    description: 'How long a request holding an Idempotency-Key may go unheard from (renewed while it runs) before a retry with the key may run it again: the longest a retry waits after a crash.',
    default: '30',
    sensitive: false,
    schema: z.coerce.number().int().min(1).max(3600).default(30),
  },
  maxBodyBytes: {
    env: 'LEADPACT_MAX_BODY_BYTES',
    description: 'Largest JSON request body accepted (413 beyond).',
    default: '1048576',
    sensitive: false,
    schema: z.coerce.number().int().min(1024).default(1_048_576),
  },
  maxUploadBytes: {
    env: 'LEADPACT_MAX_UPLOAD_BYTES',
    description: 'Largest CSV upload accepted by POST /api/imports (413 beyond).',
    default: '52428800',
    sensitive: false,
    schema: z.coerce.number().int().min(1024).default(52_428_800),
  },
  trustProxy: {
    env: 'LEADPACT_TRUST_PROXY',
    description: 'Believe X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-For from a reverse proxy in front of leadpact (session cookies get Secure when the proxy says https; rate limits see the client IP). Only set it when every request comes through that proxy.',
    default: 'false',
    sensitive: false,
    schema: booleanText.default(false),
  },
  sessionIdleMinutes: {
    env: 'LEADPACT_SESSION_IDLE_MINUTES',
    description: 'A signed-in browser session ends after this many minutes without a request.',
    default: '720',
    sensitive: false,
    schema: z.coerce.number().int().min(5).max(43_200).default(720),
  },
  sessionMaxDays: {
    env: 'LEADPACT_SESSION_MAX_DAYS',
    description: 'A session ends this many days after sign-in, however active it is.',
    default: '7',
    sensitive: false,
    schema: z.coerce.number().int().min(1).max(90).default(7),
  },
  repsSeeTeam: {
    env: 'LEADPACT_REPS_SEE_TEAM',
    description: "Sales reps also see (read-only) their teammates' leads, accounts and opportunities and their team's unassigned leads. Off: a rep sees only their own and the accounts of their own leads.",
    default: 'false',
    sensitive: false,
    schema: booleanText.default(false),
  },
  runJobs: {
    env: 'LEADPACT_RUN_JOBS',
    description: 'Run the background workers (rescoring after a pact change) inside `leadpact serve`.',
    default: 'true',
    sensitive: false,
    schema: booleanText.default(true),
  },
} as const;

type ConfigVariables = typeof configVariables;
export type Config = Readonly<{ [K in keyof ConfigVariables]: z.infer<ConfigVariables[K]['schema']> }>;

/** Validates the environment (or any record of strings) into a frozen Config; names the variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const shape = Object.fromEntries(Object.entries(configVariables).map(([key, variable]) => [key, variable.schema]));
  const raw = Object.fromEntries(
    Object.entries(configVariables).map(([key, variable]) => {
      const value = env[variable.env];
      return [key, value === '' ? undefined : value];
    }),
  );
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const issues = fieldIssuesFromZod(parsed.error).map((issue) => {
      const variable = configVariables[issue.path as keyof ConfigVariables];
      return { path: variable?.env ?? issue.path, message: issue.message };
    });
    throw AppError.validation(issues, `invalid configuration: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return Object.freeze(parsed.data) as Config;
}
