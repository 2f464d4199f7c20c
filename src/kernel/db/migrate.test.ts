import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { migrate, migrationsFolder } from './migrate.ts';

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** The committed migrations up to (and with) the one tagged `until`, as an older release had them. */
function migrationsUntil(until: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-migrations-'));
  folders.push(dir);
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === until);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migrations', () => {
  it('a migration that adds a rule first checks the rows already there, and says which rows and rule', async () => {
    const database = await openDatabase({});
    try {
      await migrate(database, migrationsUntil('0008_products'));
      await database.db.execute(
        sql`insert into project (slug, name, summary, type, field, stage) values ('cu', 'Dự án cũ', 'Nhập tay', 'startup', 'food', 'idea')`,
      );
      const refused = await migrate(database).then(
        () => null,
        (error: Error) => error,
      );
      const message = String((refused as { cause?: Error } | null)?.cause?.message ?? refused?.message);
      expect(message).toContain('project_type_known');
      expect(message).toContain('1 existing rows');
      expect(message).toContain('SELECT * FROM "project"');
      // Corrected by hand, the same start goes through and keeps the row.
      await database.db.execute(sql`update project set type = 'product' where slug = 'cu'`);
      await migrate(database);
      const { rows } = (await database.db.execute(sql`select name from project`)) as unknown as {
        rows: { name: string }[];
      };
      expect(rows).toEqual([{ name: 'Dự án cũ' }]);
    } finally {
      await database.close();
    }
  });
});
