import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Trellis reads, validated once at start. Defaults describe the embedded setup:
 * PGlite under ./data, mail written to ./data/mail, a key file created on first start.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public address of the app, used in emails and as the trusted origin for CSRF checks. */
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… switches from the embedded PGlite database to PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Where wrapped data keys are kept (docs/decisions/035): a directory outside the database, so a
   * database backup holds no key. Default: <DATA_DIR>/keys on the embedded engine. On PostgreSQL,
   * unset keeps the keys in the database (the only choice shared by several instances, unless
   * this directory is shared storage); "database" asks for that on either engine.
   */
  KEY_STORE_DIR: z.string().min(1).optional(),
  /** A session unused this long ends (docs/decisions/033). */
  SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  /** Every session ends this long after sign-in, however active. */
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** 32 bytes, base64 (44 characters) or hex (64). Wraps every user's data key. */
  TRELLIS_SECRET_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as base64 or hex (try: openssl rand -base64 32)')
    .optional(),
  /** Signs sessions and tokens (better-auth). Derived from the server key when unset. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Trellis <no-reply@trellis.local>'),
  /** Web Push (VAPID) key pair, base64url; both or neither. Unset: a pair is created on first start and kept in the database. */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,90}$/, 'must be a base64url P-256 public key (87 characters)').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,46}$/, 'must be a base64url P-256 private key (43 characters)').optional(),
  /** Contact for push services: mailto: or https: (default: mailto: of MAIL_FROM's domain). */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').optional(),
  /** Background jobs (reminders): on, or off for tests and one-off tools that do not need them. */
  JOBS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-For from this many proxies in front of the app (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Where quick exit sends the browser. A neutral page that is not Trellis. */
  QUICK_EXIT_URL: z.url().default('https://www.weather.gov/'),
  /** A public directory of therapists, linked from "Is it time to talk to a therapist?". */
  THERAPIST_DIRECTORY_URL: z.url().default('https://www.psychologytoday.com/us/therapists'),
  /** Which country's crisis resources to show (ISO 3166 code, e.g. US, GB, CA). */
  CRISIS_REGION: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as US')
    .transform((v) => v.toUpperCase())
    .default('US'),
  /** Maximum JSON body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  /** Set to "false" only in load tests: turns off rate limits. */
  RATE_LIMIT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema> & {
  baseUrl: string;
  dataDir: string;
  isProduction: boolean;
  /** The directory key store, or null for keys in the database (KEY_STORE_DIR). */
  keyStoreDir: string | null;
};

export class ConfigError extends Error {}

/** Reads and validates settings; throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a common shell habit: FOO= npm start).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.SESSION_IDLE_HOURS > c.SESSION_MAX_DAYS * 24) {
    throw new ConfigError('Invalid configuration:\n  SESSION_IDLE_HOURS: must not be longer than SESSION_MAX_DAYS');
  }
  if (!c.VAPID_PUBLIC_KEY !== !c.VAPID_PRIVATE_KEY) {
    throw new ConfigError(`Invalid configuration:\n  ${c.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'}: set both VAPID keys, or neither (a pair is then created on first start)`);
  }
  return {
    ...c,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(c.DATA_DIR),
    isProduction: c.NODE_ENV === 'production',
    keyStoreDir:
      c.KEY_STORE_DIR === 'database' ? null : c.KEY_STORE_DIR ? path.resolve(c.KEY_STORE_DIR) : c.DATABASE_URL ? null : path.join(path.resolve(c.DATA_DIR), 'keys'),
  };
}

/** Decodes a 32-byte key given as base64 or hex; null when it is neither. */
export function decodeKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.length === 32 ? b : null;
  }
  return null;
}
