import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '#src/testing/runtime.ts';
import { migrationsUntil as copyUntil, migrate } from './migrate.ts';

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** The committed migrations up to (and with) the one tagged `until`, as an older release had them. */
function migrationsUntil(until: string): string {
  const { folder } = copyUntil(until);
  folders.push(folder);
  return folder;
}

/** A PGlite database as `initdb` leaves it: not even the first migration. */
async function blankPglite() {
  return (await emptyDatabase({ postgres: false, blank: true })).database;
}

describe('migrations', () => {
  it('a migration that adds a rule first checks the rows already there, and says which rows and rule', async () => {
    const database = await blankPglite();
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

  it('0010 keeps the ledger: source kinds from the old modules, people from registrations, a row per attended seat', async () => {
    const database = await blankPglite();
    const q = async <T>(query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    try {
      await migrate(database, migrationsUntil('0009_constraints_and_outbox'));
      await q(
        sql`insert into project (slug, name, summary, type, field, stage) values ('cu', 'Dự án cũ', 'Nhập tay', 'product', 'food', 'idea')`,
      );
      const [project] = await q<{ id: string }>(sql`select id from project`);
      await q(sql`insert into event (slug, kind, title, organiser, venue, capacity, audience, starts_on, ends_on)
                  values ('khoa', 'course', 'Khóa cũ', 'Sở KHCN', 'Hội trường', 40, 'public', '2021-06-15', '2021-06-16')`);
      const [e] = await q<{ id: string }>(sql`select id from event`);
      await q(sql`insert into event_session (event_id, position, day, start_time, end_time)
                  values (${e?.id}, 0, '2021-06-15', '08:00', '11:30'), (${e?.id}, 1, '2021-06-16', '08:00', '11:30')`);
      const seat = (name: string, phone: string, email: string, code: string, projectId: string | null) =>
        sql`insert into event_registration (event_id, project_id, status, name, phone, email, organisation_type, sex, ethnicity, birth_year, consent, code, token)
            values (${e?.id}, ${projectId}, 'confirmed', ${name}, ${phone}, ${email}, 'individual', 'female', 'tay', 1990, true, ${code}, ${`t-${code}`})`;
      await q(seat('Hoàng Thị Lan', '+84 912 345 678', '', 'A1', project?.id ?? null));
      await q(seat('Hoàng T. Lan', '0912345678', 'Lan@Vi-Du.vn', 'A2', null));
      await q(seat('Nông Văn Hùng', '', 'hung@vi-du.vn', 'A3', null));
      await q(sql`insert into event_attendance (registration_id, session_id, method)
                  select r.id, s.id, 'list' from event_registration r cross join event_session s where r.code <> 'A3' or s.position = 1`);
      const [a1] = await q<{ id: string }>(sql`select id from event_registration where code = 'A1'`);
      await q(sql`insert into support (project_id, kind, provider_kind, provider_name, title, started_on, status, source_module, source_id)
                  values (${project?.id}, 'training', 'organisation', 'Sở KHCN', 'Khóa cũ', '2021-06-15', 'done', 'events', ${a1?.id}),
                         (${project?.id}, 'platform_listing', 'officer', 'Cán bộ', 'Lên sàn', '2021-08-16', 'done', 'products', 'listing:abc'),
                         (${project?.id}, 'space', 'officer', 'Cán bộ', 'Hội trường', '2022-06-20', 'done', 'seed', 'space-1')`);
      await migrate(database);
      const people = await q<{ full_name: string; phone: string; email: string }>(
        sql`select full_name, phone, email from person order by full_name`,
      );
      expect(people).toEqual([
        { full_name: 'Hoàng Thị Lan', phone: '0912345678', email: 'lan@vi-du.vn' },
        { full_name: 'Nông Văn Hùng', phone: '', email: 'hung@vi-du.vn' },
      ]);
      const ledger = await q<{
        source_kind: string;
        source_id: string;
        person: boolean;
        started_on: string;
        ended_on: string | null;
      }>(
        sql`select source_kind, source_id, person_id is not null as person, started_on::text, ended_on::text from support order by source_kind, started_on`,
      );
      expect(ledger.map((r) => [r.source_kind, r.person, r.started_on, r.ended_on])).toEqual([
        ['event_seat', true, '2021-06-15', '2021-06-16'],
        ['event_seat', true, '2021-06-15', '2021-06-16'],
        ['event_seat', true, '2021-06-16', '2021-06-16'],
        ['import', false, '2022-06-20', null],
        ['listing', false, '2021-08-16', null],
      ]);
      expect(ledger.find((r) => r.source_kind === 'listing')?.source_id).toBe('abc');
      expect(ledger.find((r) => r.source_kind === 'import')?.source_id).toBe('demo:space-1');
    } finally {
      await database.close();
    }
  });
  it('one listing per platform: duplicates are merged to the newest, and the ledger keeps one entry for it', async () => {
    const database = await blankPglite();
    const q = async <T>(query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    try {
      await migrate(database, migrationsUntil('0010_people_and_ledger'));
      const [project] = await q<{ id: string }>(
        sql`insert into project (slug, name, summary, type, field, stage) values ('cu', 'Dự án cũ', 'Nhập tay', 'product', 'food', 'idea') returning id`,
      );
      const [p] = await q<{ id: string }>(
        sql`insert into product (project_id, slug, name, category) values (${project?.id}, 'thach', 'Thạch đen', 'food') returning id`,
      );
      const listing = async (platform: string, listedOn: string) =>
        (
          await q<{ id: string }>(
            sql`insert into product_listing (product_id, platform, listed_on, status) values (${p?.id}, ${platform}, ${listedOn}, 'live') returning id`,
          )
        )[0]?.id ?? '';
      const oldest = await listing('techfest247', '2021-08-16');
      const older = await listing('techfest247', '2021-09-01');
      const newest = await listing('techfest247', '2022-03-10');
      const other = await listing('postmart', '2021-10-01');
      const entry = (sourceId: string, startedOn: string) =>
        q(sql`insert into support (project_id, kind, provider_kind, provider_name, title, started_on, status, source_kind, source_id)
              values (${project?.id}, 'platform_listing', 'officer', 'Cán bộ', 'Đưa lên sàn', ${startedOn}, 'done', 'listing', ${sourceId})`);
      // The newest listing has no entry of its own: the newest older one moves to it.
      await entry(oldest, '2021-08-16');
      await entry(older, '2021-09-01');
      await entry(other, '2021-10-01');
      await migrate(database);
      const listings = await q<{ id: string }>(sql`select id from product_listing order by platform`);
      expect(listings.map((l) => l.id)).toEqual([other, newest]);
      const ledger = await q<{ source_id: string; started_on: string }>(
        sql`select source_id, started_on::text from support where source_kind = 'listing' order by source_id = ${other}`,
      );
      expect(ledger).toEqual([
        { source_id: newest, started_on: '2021-09-01' },
        { source_id: other, started_on: '2021-10-01' },
      ]);
      const twice = await database.db
        .execute(
          sql`insert into product_listing (product_id, platform, listed_on, status) values (${p?.id}, 'postmart', '2023-01-01', 'live')`,
        )
        .then(
          () => null,
          (error: Error) => error,
        );
      expect(String((twice as { cause?: Error } | null)?.cause?.message ?? twice?.message)).toContain(
        'product_listing_platform_unique',
      );
    } finally {
      await database.close();
    }
  });
});
