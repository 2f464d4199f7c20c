import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { bootstrap, isEmpty } from './bootstrap.ts';
import type { Config } from './config.ts';
import { startDailyBackups } from './kernel/backup/daily.ts';
import { todayInVietnam } from './kernel/i18n/index.ts';
import { sendReminders } from './modules/events/index.ts';
import { recoverImports } from './modules/imports/index.ts';
import { remindDueRequests } from './modules/privacy/index.ts';
import { announceSetup } from './modules/setup/index.ts';
import { printDemoAccounts, seedDemo } from './seed/demo.ts';

/** Starts the site: bootstrap, demo data on an empty database, HTTP, clean shutdown. */
export async function startServer(config: Config) {
  const runtime = await bootstrap(config);
  const { deps } = runtime;
  if (config.SEED_DEMO && (await isEmpty(deps))) {
    deps.logger.info('empty database: loading the demo data');
    await seedDemo(deps);
    printDemoAccounts();
  }
  // A long import the last run stopped in the middle of is taken back (nothing stays half-imported).
  const stopped = await recoverImports(deps.db);
  if (stopped) deps.logger.warn({ batches: stopped }, 'imports stopped by the last shutdown were taken back');
  // No administrator yet: the one-time setup address goes to the log.
  await announceSetup(deps);
  // Mail written by requests waits in the outbox; the worker sends it (and retries) in the background.
  const stopMail = deps.mailer.start();
  // One backup a day into BACKUP_DIR (on PGlite the only process that can read the data folder).
  const stopBackups =
    config.BACKUP_DAILY_AT === 'off'
      ? () => {}
      : startDailyBackups({
          database: runtime.database,
          dir: config.BACKUP_DIR,
          at: config.BACKUP_DAILY_AT,
          keepDays: config.BACKUP_KEEP_DAYS,
          logger: deps.logger,
        });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const startedInMs = Math.round(process.uptime() * 1000);
    deps.logger.info(
      { port: info.port, database: runtime.database.kind, startedInMs },
      `Kết Nối is listening on ${config.BASE_URL}`,
    );
  });

  // Event reminders go out the day before; sending is recorded, so checking every hour (and at
  // start, after a stop) never sends twice and never misses a day.
  const remind = () =>
    sendReminders(deps, todayInVietnam())
      .then((sent) => sent && deps.logger.info({ sent }, 'event reminders sent'))
      .catch((err: Error) => deps.logger.error({ err: err.message }, 'event reminders failed'));
  // Data subjects' requests near their due date: officers are mailed once per request (decision 38).
  const remindPrivacy = () =>
    remindDueRequests(deps.db, config)
      .then((n) => {
        if (n) {
          deps.mailer.wake();
          deps.logger.info({ requests: n }, 'personal data request reminders sent');
        }
      })
      .catch((err: Error) => deps.logger.error({ err: err.message }, 'personal data request reminders failed'));
  const reminders = setInterval(() => {
    void remind();
    void remindPrivacy();
  }, 60 * 60_000);
  reminders.unref();
  void remind();
  void remindPrivacy();

  const shutdown = async (signal: string) => {
    deps.logger.info({ signal }, 'shutting down');
    clearInterval(reminders);
    stopBackups();
    server.close();
    await stopMail();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { server, runtime, app };
}
