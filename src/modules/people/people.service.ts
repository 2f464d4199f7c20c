import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { referencesTo, unreferenced } from '#kernel/db/references.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { normalisePhone } from '#kernel/http/validation.ts';
import { matches } from '#kernel/search/search.ts';
import { person } from './people.sql.ts';
import { type PersonEthnicity, type PersonSex, personEthnicities, personSexes } from './people.taxonomy.ts';

export type Person = typeof person.$inferSelect;

/** What a module knows about someone it meets: any field may be missing. */
export interface PersonFacts {
  fullName: string;
  sex?: string | null;
  birthYear?: number | null;
  ethnicity?: string | null;
  communeSlug?: string | null;
  phone?: string | null;
  email?: string | null;
}

const known = <T extends string>(list: readonly T[], v: string | null | undefined): T | null =>
  v && (list as readonly string[]).includes(v) ? (v as T) : null;

/** E-mail kept one way: trimmed and lower-cased. */
export const normaliseEmail = (raw: string | null | undefined) => (raw ?? '').normalize('NFC').trim().toLowerCase();

/**
 * The person these facts describe: the one with the same phone, else the same e-mail (the
 * numbers and addresses compared normalised), else a new one. What the registry did not know yet
 * (sex, year of birth, ethnicity, commune, the other contact) is filled in; what it knew is kept.
 * Call it inside the command's transaction.
 * @example const p = await findOrCreatePerson(tx, { fullName: 'Vi Thị Hồng Nhung', phone: '+84 912 345 678' })
 */
export async function findOrCreatePerson(tx: Db, facts: PersonFacts): Promise<Person> {
  return (await findOrCreatePersonNoting(tx, facts)).person;
}

/** The registry's columns for what a module knows: contacts normalised, unknown values left out. */
function valuesOf(facts: PersonFacts) {
  return {
    fullName: facts.fullName.normalize('NFC').trim() || '—',
    sex: known<PersonSex>(personSexes, facts.sex),
    birthYear: facts.birthYear && facts.birthYear >= 1900 && facts.birthYear <= 2100 ? facts.birthYear : null,
    ethnicity: known<PersonEthnicity>(personEthnicities, facts.ethnicity),
    communeSlug: facts.communeSlug || null,
    phone: normalisePhone(facts.phone ?? ''),
    email: normaliseEmail(facts.email),
  };
}

/** As `findOrCreatePerson`, and says whether the person is new (an import keeps what it added). */
export async function findOrCreatePersonNoting(
  tx: Db,
  facts: PersonFacts,
): Promise<{ person: Person; created: boolean }> {
  const values = valuesOf(facts);
  const { phone, email } = values;
  for (let attempt = 0; attempt < 2; attempt++) {
    const keys: SQL[] = [];
    if (phone) keys.push(eq(person.phone, phone));
    if (email) keys.push(eq(person.email, email));
    if (keys.length) {
      const found = await tx
        .select()
        .from(person)
        .where(and(isNull(person.mergedInto), or(...keys)))
        .orderBy(sql`${person.phone} = ${phone} DESC`, asc(person.createdAt))
        .limit(1)
        .for('update');
      const p = found[0];
      if (p) return { person: await fillIn(tx, p, values), created: false };
    }
    const [created] = await tx.insert(person).values(values).onConflictDoNothing().returning();
    if (created) return { person: created, created: true };
  }
  throw new Error('findOrCreatePerson: no person after two attempts');
}

/** A Postgres array literal of texts, for `= ANY(…)` with one parameter however long the list. */
const textArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * As `findOrCreatePersonNoting` for each of a list, in order (a later row with the phone or
 * e-mail of an earlier one is that person), in a few statements: the people already there are
 * read at once, the new ones added at once. Gives each row's person id and whether it is new.
 * @example const found = await findOrCreatePeopleNoting(tx, rows.map((r) => ({ fullName: r.name, phone: r.phone })))
 */
export async function findOrCreatePeopleNoting(
  tx: Db,
  list: PersonFacts[],
): Promise<{ id: string; created: boolean }[]> {
  type Slot = {
    id: string;
    created: boolean;
    p: Pick<Person, 'fullName' | 'sex' | 'birthYear' | 'ethnicity' | 'communeSlug' | 'phone' | 'email'>;
    set: Partial<Person>;
  };
  const all = list.map(valuesOf);
  const phones = [...new Set(all.map((v) => v.phone).filter(Boolean))];
  const emails = [...new Set(all.map((v) => v.email).filter(Boolean))];
  const byPhone = new Map<string, Slot>();
  const byEmail = new Map<string, Slot>();
  const hold = (slot: Slot) => {
    if (slot.p.phone) byPhone.set(slot.p.phone, slot);
    if (slot.p.email) byEmail.set(slot.p.email, slot);
  };
  if (phones.length || emails.length) {
    const found = await tx
      .select()
      .from(person)
      .where(
        and(
          isNull(person.mergedInto),
          or(
            sql`${person.phone} = ANY(${textArray(phones)}::text[])`,
            sql`${person.email} = ANY(${textArray(emails)}::text[])`,
          ),
        ),
      )
      .for('update');
    for (const p of found) hold({ id: p.id, created: false, p, set: {} });
  }
  const slots: Slot[] = [];
  const fresh: Slot[] = [];
  for (const v of all) {
    const slot = (v.phone && byPhone.get(v.phone)) || (v.email && byEmail.get(v.email)) || undefined;
    if (!slot) {
      const made: Slot = { id: randomUUID(), created: true, p: { ...v }, set: {} };
      hold(made);
      fresh.push(made);
      slots.push(made);
      continue;
    }
    // Filled in as `fillIn` does: what the registry lacks, a contact nobody holds.
    const set: Partial<Person> = {};
    if (slot.p.sex === null && v.sex) set.sex = v.sex;
    if (slot.p.birthYear === null && v.birthYear) set.birthYear = v.birthYear;
    if (slot.p.ethnicity === null && v.ethnicity) set.ethnicity = v.ethnicity;
    if (slot.p.communeSlug === null && v.communeSlug) set.communeSlug = v.communeSlug;
    if (slot.p.phone === '' && v.phone && !byPhone.has(v.phone)) set.phone = v.phone;
    if (slot.p.email === '' && v.email && !byEmail.has(v.email)) set.email = v.email;
    Object.assign(slot.p, set);
    Object.assign(slot.set, set);
    hold(slot);
    slots.push(slot);
  }
  for (let i = 0; i < fresh.length; i += 3000) {
    const part = fresh.slice(i, i + 3000);
    const added = await tx
      .insert(person)
      .values(part.map((s) => ({ id: s.id, ...s.p })))
      .onConflictDoNothing()
      .returning({ id: person.id });
    const ok = new Set(added.map((a) => a.id));
    // Someone else added one of these meanwhile: that row goes the one-by-one way.
    for (const s of part.filter((x) => !ok.has(x.id))) {
      const r = await findOrCreatePersonNoting(tx, s.p);
      s.id = r.person.id;
      s.created = r.created;
    }
  }
  for (const s of new Set(slots))
    if (!s.created && Object.keys(s.set).length) await tx.update(person).set(s.set).where(eq(person.id, s.id));
  return slots.map((s) => ({ id: s.id, created: s.created }));
}

async function holder(tx: Db, column: typeof person.phone | typeof person.email, value: string) {
  const [row] = await tx
    .select({ id: person.id })
    .from(person)
    .where(and(eq(column, value), isNull(person.mergedInto)));
  return row?.id ?? null;
}

/** Fills the fields a person lacks; a contact already held by someone else is left out. */
async function fillIn(tx: Db, p: Person, v: Omit<Person, 'id' | 'mergedInto' | 'createdAt' | 'searchText'>) {
  const set: Partial<Person> = {};
  if (p.sex === null && v.sex) set.sex = v.sex;
  if (p.birthYear === null && v.birthYear) set.birthYear = v.birthYear;
  if (p.ethnicity === null && v.ethnicity) set.ethnicity = v.ethnicity;
  if (p.communeSlug === null && v.communeSlug) set.communeSlug = v.communeSlug;
  if (p.phone === '' && v.phone && !(await holder(tx, person.phone, v.phone))) set.phone = v.phone;
  if (p.email === '' && v.email && !(await holder(tx, person.email, v.email))) set.email = v.email;
  if (Object.keys(set).length === 0) return p;
  const [updated] = await tx.update(person).set(set).where(eq(person.id, p.id)).returning();
  return updated ?? p;
}

/** Every column of another table that points at a person (registrations, team members, the ledger…). */
const referencesToPerson = (tx: Db) => referencesTo(tx, 'person', { except: ['person'] });

/**
 * Two records of one person become one: everything that pointed at `goneId` (registrations,
 * team members, ledger entries) points at `keepId`, the fields `keepId` lacked are taken from
 * `goneId`, and `goneId` stays as a pointer (`mergedInto`) so old links still lead somewhere.
 */
export async function mergePeople(db: Db, actor: Actor, keepId: string, goneId: string): Promise<Person> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(keepId) || !isUuid(goneId)) throw new AppError('not_found', 'people.notFound');
  if (keepId === goneId) throw new AppError('validation', 'errors.validation', { keep: 'people.merge.same' });
  return db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(person)
      .where(or(eq(person.id, keepId), eq(person.id, goneId)))
      .for('update');
    const keep = found.find((p) => p.id === keepId);
    const gone = found.find((p) => p.id === goneId);
    if (!keep || !gone) throw new AppError('not_found', 'people.notFound');
    if (keep.mergedInto || gone.mergedInto) throw new AppError('conflict', 'people.merge.alreadyMerged');
    for (const { tbl, col } of await referencesToPerson(tx)) {
      await tx.execute(
        sql`update ${sql.identifier(tbl)} set ${sql.identifier(col)} = ${keepId} where ${sql.identifier(col)} = ${goneId}`,
      );
    }
    await tx.update(person).set({ mergedInto: keepId }).where(eq(person.mergedInto, goneId));
    await tx.update(person).set({ mergedInto: keepId }).where(eq(person.id, goneId));
    const merged = await fillIn(tx, keep, gone);
    await audit(tx, {
      actorId: actor.id,
      action: 'person.merge',
      entity: 'person',
      entityId: keepId,
      data: { goneId },
    });
    return merged;
  });
}

/**
 * Removes people an import added, when nothing points at them any more (no registration, team
 * member or ledger entry, no one merged into them); the others stay. Gives how many went.
 */
export async function forgetPeople(tx: Db, ids: string[]): Promise<number> {
  const list = [...new Set(ids)].filter(isUuid);
  if (list.length === 0) return 0;
  const refs = await referencesToPerson(tx);
  const gone = await tx
    .delete(person)
    .where(
      and(
        sql`${person.id} = ANY(${`{${list.join(',')}}`}::uuid[])`,
        sql`NOT EXISTS (SELECT 1 FROM person m WHERE m.merged_into = ${person.id})`,
        ...unreferenced(refs, person.id),
      ),
    )
    .returning({ id: person.id });
  return gone.length;
}

export interface PersonRow {
  id: string;
  fullName: string;
  phone: string;
  email: string;
  birthYear: number | null;
  sex: string | null;
}

/** The registry for staff: people not merged away, found by name, phone or e-mail. */
export async function listPeople({ db, actor, q, page }: { db: Db; actor: Actor; q?: string; page: Page }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const where: SQL[] = [isNull(person.mergedInto)];
  const query = (q ?? '').trim();
  if (query) {
    const digits = normalisePhone(query);
    const alternatives: SQL[] = [matches(person.searchText, query)];
    if (/^\d{3,}$/.test(digits)) alternatives.push(sql`${person.phone} LIKE ${`%${digits}%`}`);
    if (query.includes('@')) alternatives.push(eq(person.email, normaliseEmail(query)));
    where.push(or(...alternatives) as SQL);
  }
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(person).where(condition);
  const items: PersonRow[] = await db
    .select({
      id: person.id,
      fullName: person.fullName,
      phone: person.phone,
      email: person.email,
      birthYear: person.birthYear,
      sex: person.sex,
    })
    .from(person)
    .where(condition)
    .orderBy(asc(person.searchText), asc(person.createdAt))
    .limit(page.perPage)
    .offset(page.offset);
  return { items, total: total?.n ?? 0 };
}

/** One person for staff; a merged one answers with the person it was merged into. */
export async function getPerson({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<Person> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(id)) throw new AppError('not_found', 'people.notFound');
  const [p] = await db.select().from(person).where(eq(person.id, id));
  if (!p) throw new AppError('not_found', 'people.notFound');
  return p;
}

/**
 * Each person's sex, year of birth, ethnicity and commune, as a subquery another module may join
 * to add its rows up by them (a report's trainees), without reading the registry's table.
 * @example db.select({ sex: personLabels.sex }).from(registration).leftJoin(personLabels, eq(personLabels.id, registration.personId))
 */
export const personLabels = new QueryBuilder({ casing: 'snake_case' })
  .select({
    id: person.id,
    sex: person.sex,
    birthYear: person.birthYear,
    ethnicity: person.ethnicity,
    communeSlug: person.communeSlug,
  })
  .from(person)
  .as('person_label');

/** Facts of several people at once, for other modules' reports (names, sex, year of birth…). */
export async function peopleByIds(db: Db, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  // One array parameter (an array literal of checked ids), not one per id: a year's trainees are
  // thousands of people.
  const list = `{${[...new Set(ids)].filter(isUuid).join(',')}}`;
  const found = await db.select().from(person).where(sql`${person.id} = ANY(${list}::uuid[])`);
  return new Map(found.map((p) => [p.id, p]));
}
