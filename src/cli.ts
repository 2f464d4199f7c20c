import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap, openConfiguredDatabase, pgliteDir } from './bootstrap.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { restoreBackup, writeBackupFile } from './kernel/backup/backup.ts';
import { latestBackup } from './kernel/backup/daily.ts';
import { DataDirLockedError } from './kernel/db/lock.ts';
import { AppError } from './kernel/http/errors.ts';
import { formatDateTime, formatNumber, todayInVietnam, translator } from './kernel/i18n/index.ts';
import { startServer } from './main.ts';
import { sendReminders } from './modules/events/index.ts';
import { loadCommunes, readCommuneFile } from './modules/places/index.ts';
import {
  buildReport,
  defaultWordTexts,
  Period,
  reportDocument,
  reportJson,
  reportWorkbook,
} from './modules/reports/index.ts';
import { CliInputError, createAdminFromCli } from './modules/setup/index.ts';
import { printDemoAccounts, resetDatabase, seedDemo } from './seed/demo.ts';

/** `backup FILE` and `restore FILE [--force]`: the database as it is, without starting the site. */
async function backupCommand(command: 'backup' | 'restore', file: string | undefined, force: boolean, config: Config) {
  const t = translator('vi');
  if (!file) throw new ConfigError(t('backup.cli.needFile', { command }));
  if (command === 'restore' && !existsSync(file)) throw new ConfigError(t('backup.cli.fileMissing', { file }));
  if (command === 'backup' && !config.DATABASE_URL && !existsSync(pgliteDir(config)))
    throw new ConfigError(t('backup.cli.noData', { dir: pgliteDir(config) }));
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // PGlite serves one process: the running server holds the folder. Say how to get a backup anyway.
    const latest = latestBackup(config.BACKUP_DIR);
    const advice =
      command === 'restore'
        ? t('backup.cli.lockedRestore')
        : config.BACKUP_DAILY_AT === 'off'
          ? t('backup.cli.lockedNoDaily')
          : t('backup.cli.lockedBackup', {
              backupDir: resolve(config.BACKUP_DIR),
              at: config.BACKUP_DAILY_AT,
              latest: latest ? t('backup.cli.lockedLatest', { file: latest }) : '',
            });
    throw new ConfigError(`${t('backup.cli.locked', { dir: resolve(config.DATA_DIR), pid: error.pid })}\n${advice}`);
  }
  try {
    if (command === 'backup') {
      const { manifest, bytes } = await writeBackupFile(database, file);
      console.log(
        t('backup.cli.written', {
          file,
          size: `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`,
          tables: manifest.tables.length,
          rows: formatNumber(manifest.tables.reduce((n, x) => n + x.rows, 0)),
          files: formatNumber(manifest.blobs.count),
          migration: manifest.migration.tag,
        }),
      );
    } else {
      const { manifest, rows, migratedTo } = await restoreBackup(database, new Uint8Array(readFileSync(file)), {
        force,
      });
      console.log(
        t('backup.cli.restored', {
          date: formatDateTime(manifest.createdAt),
          version: manifest.appVersion,
          database: manifest.database === 'pglite' ? 'PGlite' : 'PostgreSQL',
          tables: manifest.tables.length,
          rows: formatNumber(rows),
          files: formatNumber(manifest.blobs.count),
          migration: migratedTo,
        }),
      );
    }
  } finally {
    await database.close();
  }
}

function dayBefore(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new ConfigError('--date must be YYYY-MM-DD');
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const usage = `Kết Nối — command line

  serve                         start the web site (default)
  migrate                       apply the database migrations and exit
  seed [--reset]                load the demo data (--reset empties the database first)
  remind [--date YYYY-MM-DD]    e-mail everyone with a seat at an event that starts the next
                                day (default: tomorrow); never sends the same reminder twice
  import-communes FILE [--province SLUG]
                                load a province's commune-level units from a CSV file
                                (slug,name,kind,former_district; kind is xã or phường)
  report --from YYYY-MM-DD --to YYYY-MM-DD [--format json|xlsx|docx] [--out FILE]
                                the report of a period: every indicator with its evidence
                                (JSON to the screen by default); docx is the Word report in
                                the Decree 30 format, with sentences to replace where the
                                officer writes (difficulties, proposals, signer)
  create-admin --email EMAIL --name NAME [--password PASSWORD]
                                an administrator account (refused when the e-mail has an
                                account); without --password one is made and printed once
  backup FILE                   sao lưu toàn bộ dữ liệu (mọi bảng và tệp tải lên) vào một tệp
                                .zip, đọc nhất quán cả khi máy chủ đang chạy (PostgreSQL). Với
                                PGlite khi máy chủ đang chạy: dùng bản sao lưu hằng ngày trong
                                BACKUP_DIR, hoặc dừng máy chủ trước
  restore FILE [--force]        khôi phục một bản sao lưu (từ PGlite hay PostgreSQL) vào cơ sở
                                dữ liệu trống, trong một giao dịch, rồi đối chiếu số dòng và mã
                                kiểm tra từng bảng; --force xóa dữ liệu đang có trước khi khôi phục

Configuration comes from the environment: see README.md.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      reset: { type: 'boolean' },
      province: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  if (command === 'serve') {
    await startServer(config);
    return;
  }
  if (command === 'backup' || command === 'restore') {
    await backupCommand(command, positionals[1], values.force ?? false, config);
    return;
  }
  const runtime = await bootstrap(config);
  try {
    if (command === 'migrate') {
      console.log('Migrations applied.');
    } else if (command === 'seed') {
      if (values.reset) await resetDatabase(runtime.deps);
      await seedDemo(runtime.deps);
      printDemoAccounts();
    } else if (command === 'remind') {
      // --date is the day of the events; reminders go out the day before it.
      const today = values.date ? dayBefore(values.date) : todayInVietnam();
      const queued = await sendReminders(runtime.deps, today);
      // The reminders are queued in the outbox; a one-off command sends them before it exits.
      const outbox = await runtime.deps.mailer.runOnce();
      console.log(`${queued} reminders queued; ${outbox.sent} mails sent, ${outbox.retried} to retry.`);
    } else if (command === 'report') {
      const t = translator('vi');
      const period = Period.safeParse({ from: values.from ?? '', to: values.to ?? '' });
      if (!period.success) throw new ConfigError(period.error.issues.map((i) => t(i.message as never)).join('\n'));
      const extension = /\.(xlsx|docx)$/.exec(values.out ?? '')?.[1];
      const format = values.format ?? extension ?? 'json';
      if (format !== 'json' && format !== 'xlsx' && format !== 'docx')
        throw new ConfigError('--format must be json, xlsx or docx');
      if (format !== 'json' && !values.out) throw new ConfigError(`--format ${format} needs --out FILE`);
      const report = await buildReport({
        db: runtime.deps.db,
        actor: { id: 'cli', name: 'CLI', email: '', role: 'admin' },
        period: period.data,
        t,
        evidence: format !== 'docx',
      });
      const body =
        format === 'xlsx'
          ? await reportWorkbook(report, t, config.BASE_URL)
          : format === 'docx'
            ? await reportDocument(report, defaultWordTexts(t, runtime.deps.provinceName, todayInVietnam()), t)
            : `${JSON.stringify(reportJson(report, t), null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, body);
        console.log(`Report written to ${values.out}.`);
      } else process.stdout.write(body);
    } else if (command === 'create-admin') {
      const t = translator('vi');
      const made = await createAdminFromCli(runtime.deps, values);
      console.log(t('setup.cli.created', { email: made.admin.email }));
      if (made.generated) console.log(t('setup.cli.password', { password: made.password }));
    } else if (command === 'import-communes') {
      const file = positionals[1];
      if (!file) throw new ConfigError('import-communes needs a CSV file');
      const n = await loadCommunes(runtime.deps.db, values.province ?? config.PROVINCE, readCommuneFile(file));
      console.log(`${n} units loaded.`);
    } else {
      console.error(`Unknown command "${command}".\n\n${usage}`);
      process.exitCode = 2;
    }
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof CliInputError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(translator('vi')(error.messageKey, error.params));
  } else {
    console.error(error);
  }
  process.exit(1);
});
