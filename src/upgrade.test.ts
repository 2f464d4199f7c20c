import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '#kernel/backup/archive.ts';
import { restoreBackup } from '#kernel/backup/backup.ts';
import { canonicalOutput, dumpTable, listTables } from '#kernel/backup/tables.ts';
import type { Database } from '#kernel/db/client.ts';
import { migrationJournal } from '#kernel/db/migrate.ts';
import { translator } from '#kernel/i18n/index.ts';
import { fromRoot } from '#kernel/paths.ts';
import { buildReport } from '#modules/reports/index.ts';
import { emptyDatabase } from '#src/testing/runtime.ts';

// Migrations tested from the previous release's data: `src/testing/releases/<tag>.zip` is a
// backup of that release's demo site, written by that release's own code (`seed --reset`, then
// `backup FILE`, on a checkout of the release). Restoring it brings the schema to that release,
// loads its rows, and applies every later migration; each row must come out with the values it
// had. When a release is made, its backup replaces this one.

const release = fromRoot('src/testing/releases/0020_spaces.zip');
const bytes = new Uint8Array(readFileSync(release));
const archive = openArchive(bytes);

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await emptyDatabase({ blank: true }));
}, 120_000);
afterAll(() => close?.());

/** A row as JSON text with only the given columns, keys sorted: what an older release knew of it. */
const projected = (line: string, columns: string[]) => {
  const row = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
};

describe('the previous release’s data, migrated to this release', () => {
  it('restores at its own schema, then every later migration applies', async () => {
    const journal = migrationJournal();
    const summary = await restoreBackup(database, bytes);
    expect(archive.manifest.migration.tag).toBe('0020_spaces');
    expect(summary.migratedTo).toBe(journal[journal.length - 1]?.tag);
    expect(summary.rows).toBeGreaterThan(1000);
  }, 300_000);

  it('keeps every table’s rows, each with the values it had in every column it had', async () => {
    const changed: string[] = [];
    await database.db.transaction(async (tx) => {
      await canonicalOutput(tx);
      const tables = await listTables(tx);
      for (const listed of archive.manifest.tables) {
        const table = tables.find((t) => t.name === listed.name);
        if (!table) {
          changed.push(`${listed.name}: gone`);
          continue;
        }
        const before = archive.tables.get(listed.name) ?? [];
        const columns = before[0] ? Object.keys(JSON.parse(before[0]) as object).sort() : [];
        const now = (await dumpTable(tx, table, false)).lines;
        const a = before.map((l) => projected(l, columns)).sort();
        const b = now.map((l) => projected(l, columns)).sort();
        if (a.length !== b.length) changed.push(`${listed.name}: ${a.length} rows before, ${b.length} after`);
        else if (a.some((line, i) => line !== b[i])) changed.push(`${listed.name}: values changed`);
      }
    });
    expect(changed).toEqual([]);
  }, 300_000);

  it('this release’s report reads the migrated data', async () => {
    const report = await buildReport({
      db: database.db,
      actor: { id: 'x', name: 'x', email: 'x', role: 'officer' },
      period: { from: '2021-01-01', to: '2022-07-31' },
      t: translator('vi'),
    });
    const figure = (id: string) => report.lines.find((l) => l.indicator.id === id)?.figure.value ?? 0;
    expect(figure('nguoi-duoc-dao-tao')).toBeGreaterThan(0);
    expect(report.byKind.reduce((n, k) => n + k.count, 0)).toBeGreaterThan(0);
  }, 120_000);
});
