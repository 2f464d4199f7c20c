import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { fromRoot } from '#kernel/paths.ts';
import { slugify } from '#kernel/search/fold.ts';
import { matches, rank } from '#kernel/search/search.ts';
import { commune, formerDistrict } from './places.sql.ts';

/** How many units are loaded, every province together: 0 when the list is still to be loaded. */
export async function communeCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(commune);
  return row?.n ?? 0;
}

/** Provinces whose unit lists ship with the code (src/modules/places/data/<slug>.csv). */
export const provinceNames: Record<string, string> = { 'lang-son': 'Lạng Sơn' };

export interface Commune {
  slug: string;
  name: string;
  kind: 'commune' | 'ward';
  formerDistrictSlug: string | null;
  formerDistrictName: string | null;
}

export interface CommuneRow {
  slug: string;
  name: string;
  kind: 'xã' | 'phường';
  former_district: string;
}

export function provinceName(province: string): string {
  return provinceNames[province] ?? province;
}

/** Reads a units file: `slug,name,kind,former_district` with kind `xã` or `phường`. */
export function readCommuneFile(path: string): CommuneRow[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as CommuneRow[];
  for (const [i, r] of rows.entries()) {
    if (!r.slug || !r.name || !['xã', 'phường'].includes(r.kind)) {
      throw new Error(`Line ${i + 2}: expected slug, name and kind "xã" or "phường"`);
    }
  }
  return rows;
}

export const bundledCommuneFile = (province: string) => fromRoot('src/modules/places/data', `${province}.csv`);

/**
 * Loads (or updates) a province's units and its former districts; safe to run again.
 * @example await loadCommunes(db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')))
 */
export async function loadCommunes(db: Db, province: string, rows: CommuneRow[]): Promise<number> {
  cache.get(db)?.delete(province);
  cache.get(db)?.delete(everyProvince);
  const districts = new Map<string, string>();
  for (const r of rows) if (r.former_district) districts.set(slugify(r.former_district), r.former_district);
  await db.transaction(async (tx) => {
    if (districts.size > 0) {
      await tx
        .insert(formerDistrict)
        .values([...districts].map(([slug, name]) => ({ province, slug, name })))
        .onConflictDoUpdate({
          target: [formerDistrict.province, formerDistrict.slug],
          set: { name: sql`excluded.name` },
        });
    }
    await tx
      .insert(commune)
      .values(
        rows.map((r) => ({
          slug: r.slug,
          province,
          name: r.name,
          kind: r.kind === 'phường' ? ('ward' as const) : ('commune' as const),
          formerDistrictSlug: r.former_district ? slugify(r.former_district) : null,
        })),
      )
      .onConflictDoUpdate({
        target: commune.slug,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          formerDistrictSlug: sql`excluded.former_district_slug`,
          province,
        },
      });
  });
  return rows.length;
}

const communeColumns = {
  slug: commune.slug,
  name: commune.name,
  kind: commune.kind,
  formerDistrictSlug: commune.formerDistrictSlug,
  formerDistrictName: formerDistrict.name,
};

const withDistrict = and(
  eq(formerDistrict.province, commune.province),
  eq(formerDistrict.slug, commune.formerDistrictSlug),
);

// The unit list changes only when an administrator loads a new file, yet every form and filter
// shows it: keep it in memory for a few minutes. Loading a list here clears it at once; another
// process sees the change within CACHE_MS.
const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<Db, Map<string, { at: number; rows: Promise<Commune[]> }>>();

/** All units of the province, by name, each with the former district it mainly lies in. */
export function listCommunes(db: Db, province: string): Promise<Commune[]> {
  let byProvince = cache.get(db);
  if (!byProvince) {
    byProvince = new Map();
    cache.set(db, byProvince);
  }
  const hit = byProvince.get(province);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
  const rows = db
    .select(communeColumns)
    .from(commune)
    .leftJoin(formerDistrict, withDistrict)
    .where(eq(commune.province, province))
    .orderBy(asc(commune.name))
    .then((r) => r as Commune[]);
  const entries = byProvince;
  rows.catch(() => entries.delete(province));
  byProvince.set(province, { at: Date.now(), rows });
  return rows;
}

export async function searchCommunes(db: Db, province: string, q: string, limit = 10): Promise<Commune[]> {
  return db
    .select(communeColumns)
    .from(commune)
    .leftJoin(formerDistrict, withDistrict)
    .where(and(eq(commune.province, province), matches(commune.searchText, q)))
    .orderBy(...rank(commune.name, commune.searchText, q))
    .limit(limit);
}

/**
 * Where a record that names only a former district ("Đình Lập") lands: the unit of the same
 * name if there is one, else the first unit that mainly lies in that district.
 */
export async function communeForFormerDistrict(db: Db, province: string, districtName: string): Promise<string | null> {
  const slug = slugify(districtName);
  const rows = await db
    .select({ slug: commune.slug })
    .from(commune)
    .where(and(eq(commune.province, province), eq(commune.formerDistrictSlug, slug)))
    .orderBy(sql`${commune.slug} = ${slug} DESC`, asc(commune.slug))
    .limit(1);
  return rows[0]?.slug ?? null;
}

const everyProvince = '*';

/** Every unit loaded (whatever the province), by slug, from the same few-minutes cache. */
function communesBySlug(db: Db): Promise<Map<string, Commune>> {
  let byProvince = cache.get(db);
  if (!byProvince) {
    byProvince = new Map();
    cache.set(db, byProvince);
  }
  const hit = byProvince.get(everyProvince);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows.then(toMap);
  const rows = db
    .select(communeColumns)
    .from(commune)
    .leftJoin(formerDistrict, withDistrict)
    .orderBy(asc(commune.name))
    .then((r) => r as Commune[]);
  const entries = byProvince;
  rows.catch(() => entries.delete(everyProvince));
  byProvince.set(everyProvince, { at: Date.now(), rows });
  return rows.then(toMap);
}

const maps = new WeakMap<Commune[], Map<string, Commune>>();
function toMap(rows: Commune[]): Map<string, Commune> {
  let map = maps.get(rows);
  if (!map) {
    map = new Map(rows.map((r) => [r.slug, r]));
    maps.set(rows, map);
  }
  return map;
}

/**
 * The units these slugs name (unknown slugs are left out): what a list needs to show a commune's
 * name and former district without joining the places tables.
 * @example const communes = await communesOf(db, items.map((i) => i.communeSlug))
 */
export async function communesOf(db: Db, slugs: readonly (string | null | undefined)[]): Promise<Map<string, Commune>> {
  const all = await communesBySlug(db);
  const found = new Map<string, Commune>();
  for (const slug of slugs) {
    const c = slug ? all.get(slug) : undefined;
    if (c) found.set(c.slug, c);
  }
  return found;
}

/** One unit by slug, or null. */
export async function communeBySlug(db: Db, slug: string | null | undefined): Promise<Commune | null> {
  return slug ? ((await communesBySlug(db)).get(slug) ?? null) : null;
}

/**
 * Refuses a unit that is not loaded: a form's field error ("choose one from the list"). Empty
 * values are allowed; whether a commune is required is the schema's business.
 * @example await assertCommunes(db, input.communes, 'communes')
 */
export async function assertCommunes(
  db: Db,
  slugs: string | null | undefined | readonly (string | null | undefined)[],
  field = 'commune',
): Promise<void> {
  const list = (Array.isArray(slugs) ? slugs : [slugs]).filter((s): s is string => !!s);
  if (list.length === 0) return;
  const all = await communesBySlug(db);
  if (list.some((s) => !all.has(s))) throw new AppError('validation', 'errors.validation', { [field]: 'v.choose' });
}
