/**
 * The import budget: a 10,000-row attendance list (.xlsx) read (preview) and imported, timed.
 *
 *   npx tsx bench/imports.ts                 # PGlite in memory, 10,000 rows
 *   npx tsx bench/imports.ts --rows 2000     # a smaller list
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/imports.ts   # on PostgreSQL (an empty database)
 *
 * `npm run bench -- --only-imports` runs it on PGlite (and PostgreSQL when one answers).
 * Wall time and this process's CPU time are both given: the machine is shared, CPU time is the
 * steadier figure.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '#kernel/auth/roles.ts';
import { type Database, openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { createEvent, EventInput, getEvent } from '#modules/events/index.ts';
import { getBatch, importFinished, previewBatch, runImport, startImport, undoBatch } from '#modules/imports/index.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';

export const importRowsBudget = { rows: 10_000, seconds: 30 };

const surnames = ['Hoàng', 'Vi', 'Lương', 'Nông', 'Triệu', 'Lý', 'Nguyễn', 'Phạm', 'Hà', 'Đặng', 'Chu', 'Lộc'];
const middles = ['Văn', 'Thị', 'Thị Hồng', 'Văn Minh', 'Đức', 'Thu'];
const given = ['Thắng', 'Nhung', 'Tuấn', 'Mai', 'Páo', 'Sáu', 'An', 'Bình', 'Cường', 'Dung', 'Em', 'Lan', 'Quân'];
const places = ['Cao Lộc', 'Chi Lăng', 'Hữu Lũng', 'Bắc Sơn', 'Đình Lập', 'Văn Quan', 'Na Sầm', 'Kỳ Lừa'];
const ethnicities = ['Tày', 'Nùng', 'Kinh', 'Dao', "H'Mông", 'Sán Chay'];

/**
 * An attendance list as a Department keeps it (a title, a header row, Nam/Nữ, phones as numbers,
 * two sessions ticked with x), `rows` participants with distinct phones.
 */
export async function attendanceWorkbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DS hoc vien');
  sheet.addRow(['DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN']);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Họ và tên', 'Nam', 'Nữ', 'Năm sinh', 'Dân tộc', 'Địa chỉ', 'SĐT', 'Buổi 1', 'Buổi 2']);
  for (let i = 0; i < rows; i++) {
    const male = i % 2 === 0;
    sheet.addRow([
      i + 1,
      `${surnames[i % surnames.length]} ${middles[(i >> 2) % middles.length]} ${given[(i >> 4) % given.length]}`,
      male ? 'x' : '',
      male ? '' : 'x',
      1960 + (i % 45),
      ethnicities[i % ethnicities.length],
      places[i % places.length],
      910_000_000 + i,
      'x',
      i % 3 === 0 ? '' : 'x',
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export interface ImportTiming {
  rows: number;
  /** Seconds: wall and this process's CPU (user + system). */
  preview: { wall: number; cpu: number };
  import: { wall: number; cpu: number };
  again: { wall: number; cpu: number; created: number };
  undo: { wall: number; cpu: number };
  created: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** A fresh database (PGlite in memory, or the empty PostgreSQL at `url`) with the province's communes. */
async function freshDatabase(url?: string): Promise<Database> {
  const database = await openDatabase(url ? { url } : {});
  if (url) await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public`);
  await migrate(database);
  await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
  return database;
}

/** Times the preview, the import, the same file again, and undo of a `rows`-row attendance list. */
export async function benchImport({ rows, url }: { rows: number; url?: string }): Promise<ImportTiming> {
  const database = await freshDatabase(url);
  const { db } = database;
  try {
    const officer: Actor = { id: 'bench-import-officer', name: 'Cán bộ', email: 'nhap@ket-noi.test', role: 'officer' };
    await db.execute(
      sql`INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
          VALUES (${officer.id}, ${officer.name}, ${officer.email}, true, 'officer', now(), now())`,
    );
    const input = EventInput.parse({
      kind: 'course',
      title: 'Lớp tập huấn khởi nghiệp 2022',
      organiser: 'Sở Khoa học và Công nghệ',
      venue: 'Hội trường Sở',
      sessions: '2022-08-20 08:00-11:30\n2022-08-21 08:00-11:30',
      capacity: String(Math.min(rows + 10, 10_000)),
      audience: 'public',
      published: 'on',
    });
    const { slug } = await createEvent({ db, actor: officer, input });
    const course = await getEvent({ db, actor: officer, slug });
    const bytes = await attendanceWorkbook(rows);
    const file = { name: 'hoc-vien.xlsx', bytes };
    const start = () => startImport({ db, actor: officer, kind: 'attendance', eventId: course.id, file });
    const province = 'lang-son';
    const basis = { basis: 'consent' as const, statement: 'Danh sách thử của bài đo hiệu năng nhập dữ liệu.' };
    const batch = await start();
    const preview = await timed(() => previewBatch({ db, actor: officer, batch, province }));
    // As the officer waits for it: a long list runs in the background until its batch is imported.
    const importAll = async (b: typeof batch) => {
      const started = await runImport({ db, actor: officer, batch: b, province, basis });
      await importFinished(started.id);
      return getBatch({ db, actor: officer, id: started.id });
    };
    const imported = await timed(() => importAll(batch));
    const second = await start();
    const again = await timed(() => importAll(second));
    const undo = await timed(() => undoBatch({ db, actor: officer, batch: imported.value }));
    return {
      rows: preview.value.rows.length,
      preview: { wall: preview.wall, cpu: preview.cpu },
      import: { wall: imported.wall, cpu: imported.cpu },
      again: { wall: again.wall, cpu: again.cpu, created: again.value.counts.created },
      undo: { wall: undo.wall, cpu: undo.cpu },
      created: imported.value.counts.created,
    };
  } finally {
    await database.close();
  }
}

export const describeTiming = (mode: string, t: ImportTiming) =>
  [
    `${mode}: ${t.rows} rows, ${t.created} imported`,
    `  preview  ${t.preview.wall.toFixed(1)} s wall, ${t.preview.cpu.toFixed(1)} s CPU`,
    `  import   ${t.import.wall.toFixed(1)} s wall, ${t.import.cpu.toFixed(1)} s CPU`,
    `  again    ${t.again.wall.toFixed(1)} s wall, ${t.again.cpu.toFixed(1)} s CPU (${t.again.created} created)`,
    `  undo     ${t.undo.wall.toFixed(1)} s wall, ${t.undo.cpu.toFixed(1)} s CPU`,
  ].join('\n');

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--rows');
  const rows = at > 0 ? Number(process.argv[at + 1]) : importRowsBudget.rows;
  const url = process.env.BENCH_DATABASE_URL;
  const t = await benchImport({ rows, url });
  console.log(describeTiming(url ? 'postgres' : 'pglite', t));
}
