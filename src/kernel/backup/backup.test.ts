import { sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '#kernel/db/client.ts';
import { loadFile, saveFile } from '#kernel/files/files.ts';
import { translator } from '#kernel/i18n/index.ts';
import { pdfBytes } from '#src/testing/files.ts';
import { emptyDatabase, type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import type { Manifest } from './archive.ts';
import { createBackup, restoreBackup } from './backup.ts';
import { sha256 } from './tables.ts';

const t = translator('vi');
const onServer = Boolean(process.env.TEST_DATABASE_URL);

/** The demo data (`source` starts from it) and one upload. */
async function seeded(rt: TestRuntime) {
  const upload = pdfBytes('Bien ban nghiem thu');
  const file = await saveFile(rt.db, { bytes: upload, mime: 'application/pdf', name: 'biên bản.pdf' }, null);
  return { upload, fileId: file.id };
}

/** The error a promise is refused with, in Vietnamese as the CLI prints it. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { messageKey?: string; params?: Record<string, string> } | null;
  expect(error?.messageKey, 'the restore should have been refused').toBeTruthy();
  return t(error?.messageKey as never, error?.params);
}

async function rowsIn(db: Db): Promise<number> {
  const tables = (await db.execute(
    sql`select relname::text as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
  )) as unknown as { rows: { name: string }[] };
  let n = 0;
  for (const { name } of tables.rows) {
    const r = (await db.execute(sql.raw(`select count(*)::int as n from public."${name}"`))) as unknown as {
      rows: { n: number }[];
    };
    n += r.rows[0]?.n ?? 0;
  }
  return n;
}

/** Rewrites one entry of an archive (and, if asked, the manifest), keeping the rest. */
function tamper(archive: Uint8Array, change: (files: Record<string, Uint8Array>, manifest: Manifest) => void) {
  const files = unzipSync(archive);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Manifest;
  change(files, manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

describe('backup and restore', () => {
  let source: TestRuntime;
  let upload: Uint8Array;
  let fileId: string;
  let backup: { archive: Uint8Array; manifest: Manifest };
  const closing: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    source = await testRuntime({ demo: true });
    closing.push(source.close);
    ({ upload, fileId } = await seeded(source));
    backup = await createBackup({ db: source.db, kind: source.kind });
  }, 120_000);
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
  });

  async function empty(options?: { postgres?: boolean; blank?: boolean }): Promise<Database> {
    const target = await emptyDatabase(options);
    closing.push(target.close);
    return target.database;
  }

  it('a restore into an empty database gives every table the same rows (counts and hashes), and the uploads', async () => {
    const { manifest } = backup;
    expect(manifest.migration.tag).toMatch(/^\d{4}_/);
    const byName = new Map(manifest.tables.map((x) => [x.name, x]));
    expect(byName.get('project')?.rows).toBeGreaterThan(5);
    expect(byName.get('stored_file')?.rows).toBeGreaterThan(0);
    // Tables come after the tables they reference.
    const order = manifest.tables.map((x) => x.name);
    expect(order.indexOf('user')).toBeLessThan(order.indexOf('session'));
    expect(order.indexOf('project')).toBeLessThan(order.indexOf('support'));

    const target = await empty();
    const summary = await restoreBackup(target, backup.archive);
    expect(summary.rows).toBe(manifest.tables.reduce((n, x) => n + x.rows, 0));
    const again = await createBackup(target);
    expect(again.manifest.tables).toEqual(manifest.tables);
    expect(new Uint8Array((await loadFile(target.db, fileId))?.content ?? [])).toEqual(upload);
    // New rows get ids after the restored ones.
    const next = (await target.db.execute(
      sql`select (select max(number) from support_request) as restored, nextval(pg_get_serial_sequence('public.support_request', 'number')) as next`,
    )) as unknown as { rows: { restored: number; next: number | string }[] };
    expect(Number(next.rows[0]?.next)).toBeGreaterThan(Number(next.rows[0]?.restored));
  });

  it.runIf(onServer)(
    'a backup restores from PostgreSQL into PGlite and from PGlite into PostgreSQL, identical',
    async () => {
      // Both targets are blank (not even migrated): the restore brings them to the backup's migration.
      const pglite = await empty({ postgres: false, blank: true });
      await restoreBackup(pglite, backup.archive);
      const fromPglite = await createBackup(pglite);
      expect(fromPglite.manifest.database).toBe('pglite');
      expect(fromPglite.manifest.tables).toEqual(backup.manifest.tables);
      const postgres = await empty({ postgres: true, blank: true });
      await restoreBackup(postgres, fromPglite.archive);
      expect((await createBackup(postgres)).manifest.tables).toEqual(backup.manifest.tables);
      expect(new Uint8Array((await loadFile(postgres.db, fileId))?.content ?? [])).toEqual(upload);
    },
    180_000,
  );

  it('refuses a database that has accounts, unless forced', async () => {
    const before = await rowsIn(source.db);
    expect(
      await refusal(restoreBackup({ db: source.db, kind: source.kind, close: async () => {} }, backup.archive)),
    ).toContain('không trống');
    expect(await rowsIn(source.db)).toBe(before);
    await restoreBackup({ db: source.db, kind: source.kind, close: async () => {} }, backup.archive, { force: true });
    expect((await createBackup({ db: source.db, kind: source.kind })).manifest.tables).toEqual(backup.manifest.tables);
  });

  it('refuses a truncated or altered file with the reason, and writes nothing', async () => {
    // A fresh install: migrated, the communes loaded, nothing else; it must stay exactly so.
    const target = await empty();
    const before = await rowsIn(target.db);
    const truncated = backup.archive.subarray(0, Math.floor(backup.archive.length / 2));
    expect(await refusal(restoreBackup(target, truncated))).toContain('Tệp sao lưu bị hỏng hoặc không đầy đủ');

    const altered = tamper(backup.archive, (files) => {
      const text = strFromU8(files['tables/project.jsonl'] as Uint8Array);
      files['tables/project.jsonl'] = strToU8(text.replace('Thạch đen', 'Thạch trắng'));
    });
    expect(await refusal(restoreBackup(target, altered))).toContain('bảng project');

    const missingUpload = tamper(backup.archive, (files) => {
      const blob = Object.keys(files).find((name) => name.startsWith('blobs/'));
      if (blob) delete files[blob];
    });
    expect(await refusal(restoreBackup(target, missingUpload))).toContain('tệp tải lên');

    // Consistent with its manifest, but not what a database gives back: refused after writing,
    // inside the transaction, so nothing stays.
    const wrong = tamper(backup.archive, (files, manifest) => {
      const lines = strFromU8(files['tables/project.jsonl'] as Uint8Array);
      const changed = lines.replace(/^\{/gm, '{"unknown": 1, ');
      files['tables/project.jsonl'] = strToU8(changed);
      const entry = manifest.tables.find((x) => x.name === 'project');
      if (entry) entry.sha256 = sha256(strToU8(changed));
    });
    expect(await refusal(restoreBackup(target, wrong))).toContain('Mọi thay đổi đã được hoàn tác');
    expect(await rowsIn(target.db)).toBe(before);
    const users = (await target.db.execute(sql`select count(*)::int as n from "user"`)) as unknown as {
      rows: { n: number }[];
    };
    expect(users.rows[0]?.n).toBe(0);
  });

  it('refuses a backup from a newer release', async () => {
    const newer = tamper(backup.archive, (_files, manifest) => {
      manifest.migration = { tag: '9999_future', when: manifest.migration.when + 1, count: 999 };
      manifest.appVersion = '9.0.0';
    });
    expect(await refusal(restoreBackup(await empty(), newer))).toContain('phiên bản Kết Nối mới hơn (9.0.0');
  });
});
