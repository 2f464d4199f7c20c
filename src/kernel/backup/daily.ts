import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '#kernel/db/client.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { Logger } from '#kernel/log.ts';
import { writeBackupFile } from './backup.ts';

const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const dailyName = /^ket-noi-(\d{4}-\d{2}-\d{2})\.zip$/;

/** The daily backup's file name for a day (Vietnam's date). */
export const dailyFile = (day: string) => `ket-noi-${day}.zip`;

/** The next moment (after `now`) the clock in Vietnam shows `at` (HH:MM). */
export function nextRun(at: string, now = new Date()): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  let next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, m) - VIETNAM_OFFSET_MS;
  if (next <= now.getTime()) next += DAY_MS;
  return new Date(next);
}

/** Deletes the daily backups of days more than `keepDays` before `today`; returns their names. */
export function pruneBackups(dir: string, keepDays: number, today: string): string[] {
  const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - (keepDays - 1) * DAY_MS).toISOString().slice(0, 10);
  const removed: string[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const day = dailyName.exec(name)?.[1];
    if (day && day < oldest) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** The newest daily backup in a folder, or null: what the CLI points an admin to. */
export function latestBackup(dir: string): string | null {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => dailyName.test(n)) : [];
  const newest = names.sort().pop();
  return newest ? join(resolve(dir), newest) : null;
}

export interface DailyBackupOptions {
  database: Pick<Database, 'db' | 'kind'>;
  dir: string;
  /** HH:MM, Vietnam time. */
  at: string;
  keepDays: number;
  logger: Logger;
  /** A site that starts after today's time without today's backup writes it this long after start. */
  catchUpAfterMs?: number;
}

/**
 * Writes one backup a day at `at` (Vietnam time) into `dir` as `ket-noi-YYYY-MM-DD.zip`, and
 * deletes those older than `keepDays`. A server that was off at that time (an office PC switched
 * off at night) writes the day's backup half an hour after it starts. Returns the stop function.
 * @example const stop = startDailyBackups({ database, dir: config.BACKUP_DIR, at: '02:00', keepDays: 14, logger })
 */
export function startDailyBackups({
  database,
  dir,
  at,
  keepDays,
  logger,
  catchUpAfterMs = 30 * 60_000,
}: DailyBackupOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const day = todayInVietnam();
    const file = join(resolve(dir), dailyFile(day));
    try {
      if (!existsSync(file)) {
        mkdirSync(resolve(dir), { recursive: true });
        const started = performance.now();
        const { manifest, bytes } = await writeBackupFile(database, file);
        logger.info(
          { file, bytes, tables: manifest.tables.length, ms: Math.round(performance.now() - started) },
          'daily backup written',
        );
      }
      const removed = pruneBackups(dir, keepDays, day);
      if (removed.length) logger.info({ removed }, 'old daily backups deleted');
    } catch (error) {
      logger.error({ err: (error as Error).message, file }, 'daily backup failed');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(() => schedule(nextRun(at).getTime() - Date.now())), delay);
    timer.unref();
  };
  // The last time the clock showed `at`: if that was today and today's file is missing, catch up.
  const last = nextRun(at, new Date(Date.now() - DAY_MS));
  const today = todayInVietnam();
  const missed = todayInVietnam(last) === today && !existsSync(join(resolve(dir), dailyFile(today)));
  schedule(missed ? catchUpAfterMs : nextRun(at).getTime() - Date.now());
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
