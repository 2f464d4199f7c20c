import { join } from 'node:path';
import { z } from 'zod';

/** Turns "true"/"1"/"yes" into a boolean; anything else false. */
const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['1', 'true', 'yes'].includes(v.toLowerCase())));

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public address of the site, used in e-mails. */
  BASE_URL: z.url().optional(),
  /** PostgreSQL server; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  /** Secret that signs sessions; generated and kept in DATA_DIR when absent. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** smtp://user:pass@host:port — when absent, e-mail goes to the outbox that admins read in the site. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Kết Nối <no-reply@ket-noi.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Province whose administrative units are loaded (a file in src/modules/places/data). */
  PROVINCE: z
    .string()
    .regex(/^[a-z-]+$/, 'lower-case letters and hyphens, e.g. lang-son')
    .default('lang-son'),
  /** Name shown in the header and footer; known for the provinces whose lists ship with the code. */
  PROVINCE_NAME: z.string().min(2).optional(),
  /** Load the demo data on first start with an empty database. */
  SEED_DEMO: flag(true),
  /**
   * Addresses of the reverse proxies in front of the site (comma-separated). X-Forwarded-For is
   * believed only from them; otherwise anyone could pick their own address and dodge the limits.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** Send cookies with the Secure flag (set it behind HTTPS). */
  SECURE_COOKIES: flag(false),
  /**
   * The shared cache of anonymous pages (kernel/http/response-cache.ts): its size in MB (0 turns it
   * off) and how many seconds a page may be served from it at most (writes in this process clear
   * it at once; another process's writes show after this many seconds).
   */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(1024).default(16),
  RESPONSE_CACHE_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Forms with files (multipart): each file has its own, smaller limit, checked with a clear message. */
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1024 * 1024),
  /** Where the server writes its daily backups; `<DATA_DIR>/backups` when absent. */
  BACKUP_DIR: z.string().optional(),
  /** When (Vietnam time, HH:MM) the server writes the day's backup; `off` for none. */
  BACKUP_DAILY_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'HH:MM (Vietnam time), e.g. 02:00, or off')
    .default('02:00'),
  /** Daily backups older than this many days are deleted. */
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /**
   * Days to carry out data subjects' requests, per kind, over the defaults (Decree 356/2025/NĐ-CP):
   * e.g. `access=10,deletion=20`. Kinds: access, correction, deletion, withdrawal, restriction.
   */
  PRIVACY_DUE_DAYS: z
    .string()
    .regex(
      /^((access|correction|deletion|withdrawal|restriction)=\d{1,3})(,(access|correction|deletion|withdrawal|restriction)=\d{1,3})*$/,
      'kind=days pairs separated by commas, e.g. access=10,deletion=20',
    )
    .optional(),
  /** Officers are mailed about an open data subject's request this many days before it is due. */
  PRIVACY_REMIND_DAYS: z.coerce.number().int().min(0).max(60).default(3),
});

export type Config = z.infer<typeof ConfigSchema> & { BASE_URL: string; BACKUP_DIR: string };

/**
 * Reads the configuration from an environment once; the only reader of process.env.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return {
    ...c,
    BASE_URL: c.BASE_URL ?? `http://localhost:${c.PORT}`,
    BACKUP_DIR: c.BACKUP_DIR ?? join(c.DATA_DIR, 'backups'),
  };
}

export class ConfigError extends Error {}
