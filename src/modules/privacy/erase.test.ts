import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '#kernel/auth/auth.sql.ts';
import { rows } from '#kernel/db/rows.ts';
import { translator } from '#kernel/i18n/index.ts';
import { anonymise as accountsAnonymise } from '#modules/accounts/index.ts';
import { anonymise as eventsAnonymise } from '#modules/events/index.ts';
import { anonymise as peopleAnonymise } from '#modules/people/index.ts';
import { buildReport, Period } from '#modules/reports/index.ts';
import { createUser } from '#seed/factories.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { eraseAccount, erasedEmail } from './erase.ts';

const t = translator('vi');
const erasers = [accountsAnonymise, peopleAnonymise, eventsAnonymise];
const officer = { id: 'x', name: 'x', email: 'x', role: 'officer' as const };

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({ demo: true });
}, 600_000);
afterAll(() => rt?.close());

/** Every figure of the report: each indicator's value, record count and breakdowns, and the charts. */
async function figures(period: Period) {
  const report = await buildReport({ db: rt.db, actor: officer, period, t });
  return {
    lines: report.lines.map((l) => ({
      id: l.indicator.id,
      value: l.figure.value,
      records: l.figure.records,
      breakdowns: l.figure.breakdowns,
    })),
    byQuarter: report.byQuarter,
    byKind: report.byKind,
    byCommune: report.byCommune,
  };
}

const count = async (table: string) =>
  Number((await rows<{ n: number }>(rt.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n);

describe('deleting an account anonymises the person and changes no report figure', () => {
  it('computes every figure before and after deleting people who were trained and supported, and they are equal', async () => {
    const periods = [
      Period.parse({ from: '2021-01-01', to: '2022-07-31' }),
      Period.parse({ from: '2015-01-01', to: '2030-12-31' }),
    ];
    // People of the demo data who attended courses (the report counts them by sex, age, ethnicity,
    // commune) or received support in the ledger, with an e-mail to match an account.
    const trained = await rows<{ id: string; email: string }>(
      rt.db,
      sql`select distinct p.id, p.email from person p
          join event_registration r on r.person_id = p.id
          join event_attendance a on a.registration_id = r.id
          where p.email <> '' and p.merged_into is null order by p.email limit 3`,
    );
    const supported = await rows<{ id: string; email: string }>(
      rt.db,
      sql`select distinct p.id, p.email from person p join support s on s.person_id = p.id
          where p.email <> '' and p.merged_into is null order by p.email limit 2`,
    );
    const chosen = [...trained, ...supported];
    expect(trained.length).toBeGreaterThan(0);
    const before = await Promise.all(periods.map(figures));
    const counts = async () => ({
      support: await count('support'),
      attendance: await count('event_attendance'),
      registrations: await count('event_registration'),
      people: await count('person'),
    });
    const countsBefore = await counts();

    // Each holder gets an account (or has one), then deletes it.
    const founder = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, 'tacgia@ketnoi.demo'));
    const ids: string[] = founder.map((f) => f.id);
    for (const p of chosen) {
      const [existing] = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, p.email));
      ids.push(
        existing?.id ?? (await createUser(rt.deps, { name: 'Chủ dữ liệu', email: p.email, role: 'founder' })).id,
      );
    }
    for (const userId of new Set(ids))
      await rt.db.transaction((tx) =>
        eraseAccount(tx, { userId, by: { ...officer, id: userId, role: 'founder' }, erasers }),
      );

    // The people are anonymised: no name, phone or e-mail left; their rows are all still there.
    const after = await rows<{ full_name: string; email: string; phone: string }>(
      rt.db,
      sql`select full_name, email, phone from person where id in (${sql.join(
        chosen.map((p) => sql`${p.id}::uuid`),
        sql`, `,
      )})`,
    );
    expect(after.length).toBe(new Set(chosen.map((p) => p.id)).size);
    for (const p of after) expect(p).toEqual({ full_name: 'Người dùng đã xóa', email: '', phone: '' });
    const leftover = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from event_registration where email in (${sql.join(
        chosen.map((p) => sql`${p.email}`),
        sql`, `,
      )})`,
    );
    expect(Number(leftover[0]?.n)).toBe(0);
    for (const id of new Set(ids)) {
      const [u] = await rt.db.select({ email: user.email, name: user.name }).from(user).where(eq(user.id, id));
      expect(u).toEqual({ email: erasedEmail(id), name: 'Người dùng đã xóa' });
    }
    expect(await counts()).toEqual(countsBefore);

    // Not one figure, record count or breakdown changed.
    expect(await Promise.all(periods.map(figures))).toEqual(before);
  }, 300_000);
});
