import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import { lazyAuth } from '#kernel/auth/auth.ts';
import { type Database, type Db, openDatabase } from '#kernel/db/client.ts';
import { lockDataDir } from '#kernel/db/lock.ts';
import { migrate } from '#kernel/db/migrate.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { createLogger, type Logger } from '#kernel/log.ts';
import { createMailer, keepTransport, smtpTransport } from '#kernel/mail/mailer.ts';
import {
  bundledCommuneFile,
  communeCount,
  loadCommunes,
  provinceName,
  readCommuneFile,
} from '#modules/places/index.ts';
import type { Config } from './config.ts';

/** The session secret: from the environment, or made once and kept in the data folder. */
function authSecret(config: Config): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export interface Runtime {
  deps: AppDeps;
  database: Database;
  close: () => Promise<void>;
}

/**
 * Composition root: configuration → database (locked, migrated, units loaded) → services.
 * Both `serve` and the CLI start here.
 */
/** The PGlite folder inside DATA_DIR. */
export const pgliteDir = (config: Config) => join(resolve(config.DATA_DIR), 'pglite');

/**
 * Opens the configured database as it is (no migration, no data loaded): PostgreSQL, or PGlite with
 * its data folder locked. `close` closes it and frees the lock. For `backup` and `restore`.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  let unlock = () => {};
  let dataDir: string | undefined;
  if (!config.DATABASE_URL) {
    mkdirSync(resolve(config.DATA_DIR), { recursive: true });
    unlock = lockDataDir(resolve(config.DATA_DIR));
    dataDir = pgliteDir(config);
  }
  try {
    const database = await openDatabase({ url: config.DATABASE_URL, dataDir, poolSize: config.DATABASE_POOL_SIZE });
    return {
      ...database,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function bootstrap(config: Config): Promise<Runtime> {
  const logger = createLogger(config.LOG_LEVEL);
  const t0 = performance.now();
  const database = await openConfiguredDatabase(config);
  try {
    const t1 = performance.now();
    await migrate(database);
    logger.debug(
      {
        openMs: Math.round(t1 - t0),
        migrateMs: Math.round(performance.now() - t1),
        sinceProcessStartMs: Math.round(process.uptime() * 1000),
      },
      'database ready',
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  const { db } = database;
  if ((await communeCount(db)) === 0) {
    const file = bundledCommuneFile(config.PROVINCE);
    if (existsSync(file)) await loadCommunes(db, config.PROVINCE, readCommuneFile(file));
    else
      logger.warn(
        { province: config.PROVINCE },
        'no commune list for this province yet: load one with `npm run cli -- import-communes FILE`',
      );
  }

  const deps = createDeps({ config, db, logger, secret: authSecret(config) });
  let closed = false;
  return {
    deps,
    database,
    close: async () => {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}

/** The services every request uses, built on an open database; tests build theirs the same way. */
export function createDeps({
  config,
  db,
  logger,
  secret,
}: {
  config: Config;
  db: Db;
  logger: Logger;
  secret: string;
}): AppDeps {
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : keepTransport;
  const mailer = createMailer({ db, transport, logger });
  const auth = lazyAuth({ db, secret, baseUrl: config.BASE_URL, mailer, secureCookies: config.SECURE_COOKIES });
  return {
    config,
    db,
    logger,
    mailer,
    auth,
    provinceName: config.PROVINCE_NAME ?? provinceName(config.PROVINCE),
    cookieSecret: secret,
  };
}

export async function isEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(user);
  return !row?.n;
}
