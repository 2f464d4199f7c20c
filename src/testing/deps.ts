import { sql } from 'drizzle-orm';
import type { Database, Db } from '#kernel/db/client.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { createLogger } from '#kernel/log.ts';
import { createDeps } from '#src/bootstrap.ts';
import { loadConfig } from '#src/config.ts';

/**
 * The services of a test run on a database: the same for every test file and for the global setup,
 * which loads the demo data once with them (src/testing/global-setup.ts).
 */
export function testDeps(db: Db, { trustedProxies = 'local,10.0.0.1' }: { trustedProxies?: string } = {}): AppDeps {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      // Tests call the app in-process (no socket) as if through one proxy at 10.0.0.1.
      TRUSTED_PROXIES: trustedProxies,
      // Tests write through the services between requests, which no request would see: the
      // response cache is tested on its own (kernel/http/response-cache.test.ts).
      RESPONSE_CACHE_MB: '0',
    }),
    BASE_URL: 'http://localhost',
  };
  return createDeps({
    config,
    db,
    logger: createLogger('silent'),
    secret: 'test-secret-test-secret-test-secret-0123',
  });
}

/**
 * PGlite's dump of a database, after a checkpoint: a copy then opens without replaying the log
 * (a tenth of a second each). Nothing on PostgreSQL (copies are made from template databases).
 */
export async function checkpointedDump(database: Database): Promise<Blob | undefined> {
  if (database.kind !== 'pglite') return undefined;
  await database.db.execute(sql`CHECKPOINT`);
  return database.dump?.();
}
