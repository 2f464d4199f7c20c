/**
 * Fills a database at scale for the benchmarks.
 *
 *   tsx bench/generate.ts                         # full scale into PGlite at bench/.data/full
 *   tsx bench/generate.ts --scale small           # 5k projects, 20k people, 100k support
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/kn_bench tsx bench/generate.ts --reset
 *   tsx bench/generate.ts --data-dir /tmp/kn --projects 20000 --people 80000 --support 400000
 *
 * The rows are made inside the database with `INSERT … SELECT generate_series` and a hash of the
 * row number (`hashint8`), so the same numbers give the same data on PGlite and PostgreSQL.
 * `--data-dir` is the app's DATA_DIR: PGlite lives in `<dir>/pglite`, as `serve` expects.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, openDatabase } from '#kernel/db/client.ts';
import { lockDataDir } from '#kernel/db/lock.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { rows } from '#kernel/db/rows.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { projectStages, supportNeeds } from '#modules/projects/index.ts';
import { supportKinds } from '#modules/support/index.ts';
import {
  awardTitles,
  brandNames,
  descriptionParagraphs,
  familyNames,
  femaleGivenNames,
  femaleMiddleNames,
  maleGivenNames,
  maleMiddleNames,
  organisations,
  outcomes,
  partners,
  products,
  summaryTemplates,
  supportTitles,
} from './names.ts';

export interface Scale {
  projects: number;
  people: number;
  support: number;
  users: number;
  /** Courses, workshops… (a third upcoming, the rest past with attendance), two sessions each. */
  events: number;
  /** Seats, spread evenly over the events. */
  registrations: number;
  /** Products, one per project in turn (a public project's products are public). */
  products: number;
}

export const scales = {
  full: {
    projects: 50_000,
    people: 200_000,
    support: 1_000_000,
    users: 2_000,
    events: 2_000,
    registrations: 200_000,
    products: 50_000,
  },
  small: {
    projects: 5_000,
    people: 20_000,
    support: 100_000,
    users: 2_000,
    events: 200,
    registrations: 20_000,
    products: 5_000,
  },
} satisfies Record<string, Scale>;

/** An officer account with a password, so that the benchmark can open staff pages (the check-in page). */
export const benchOfficer = {
  id: 'bench-u-officer',
  email: 'bench.officer@ket-noi.test',
  password: 'BenchOfficer@2026',
} as const;

export type ScaleName = keyof typeof scales;

/** Officers (the first 5 of them admins); the other users are founders who lead a project. */
const OFFICERS = 100;
const PROVINCE = 'lang-son';

export const benchDir = fileURLToPath(new URL('.', import.meta.url));
export const defaultDataDir = (label: string) => join(benchDir, '.data', label);
export const metaFile = (dataDir: string) => join(dataDir, 'bench-meta.json');

export interface GenerateOptions {
  scale: Scale;
  /** postgres://… ; otherwise PGlite in `<dataDir>/pglite`. */
  url?: string;
  dataDir?: string;
  /** Replace earlier benchmark rows instead of refusing to touch a non-empty database. */
  reset?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  kind: 'pglite' | 'postgres';
  scale: Scale;
  seconds: number;
  phases: Record<string, number>;
  counts: Record<string, number>;
  generatedAt: string;
}

// ---------------------------------------------------------------- SQL building blocks

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (list: readonly string[]) => `ARRAY[${list.map(lit).join(',')}]::text[]`;

/** A deterministic number in [0, n) for row key `key` and salt `salt`. */
const h = (key: string, salt: number, n: number) =>
  `((hashint8((${key})::bigint * 1009 + ${salt})::bigint + 2147483648) % ${n})`;
/** One element of a list, chosen by hash. */
const pick = (list: readonly string[], key: string, salt: number) =>
  `(${arr(list)})[(1 + ${h(key, salt, list.length)})::int]`;

/** A full Vietnamese name (family, middle, given) for a numeric key; the same key, the same name. */
function personName(key: string): string {
  const male = `${pick(familyNames, key, 71)} || ' ' || ${pick(maleMiddleNames, key, 72)} || ' ' || ${pick(maleGivenNames, key, 73)}`;
  const female = `${pick(familyNames, key, 71)} || ' ' || ${pick(femaleMiddleNames, key, 74)} || ' ' || ${pick(femaleGivenNames, key, 75)}`;
  return `(CASE WHEN ${h(key, 70, 2)} = 0 THEN ${male} ELSE ${female} END)`;
}

/** Key spaces, so that people, users and experts do not share names by construction. */
const USER_KEY = 50_000_000;
const EXPERT_KEY = 90_000_000;
const REGISTRATION_KEY = 120_000_000;
const userId = (n: string) => `('bench-u-' || (${n}))`;
const projectId = (n: string) => `md5('kn-bench-p' || (${n}))::uuid`;

function weighted(entries: [string, number][]): string[] {
  return entries.flatMap(([v, w]) => Array.from({ length: w }, () => v));
}

const daysSince2021 = () => Math.floor((Date.now() - Date.UTC(2021, 0, 1)) / 86_400_000);

// ---------------------------------------------------------------- statements

function usersSql(scale: Scale): string {
  const u = 'u';
  return `INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
SELECT ${userId(u)}, ${personName(`${USER_KEY} + ${u}`)}, 'bench.u' || ${u} || '@ket-noi.test', true,
  CASE WHEN ${u} <= 5 THEN 'admin' WHEN ${u} <= ${OFFICERS} THEN 'officer' ELSE 'founder' END,
  timestamptz '2021-01-04 08:00+07' + (${h(u, 1, 1500)})::int * interval '1 day',
  timestamptz '2021-01-04 08:00+07' + (${h(u, 1, 1500)})::int * interval '1 day'
FROM generate_series(1, ${scale.users}) ${u}`;
}

function projectsSql(scale: Scale, communes: { slug: string; name: string }[], from: number, to: number): string {
  const g = 'g';
  const founders = scale.users - OFFICERS;
  const productNames = products.map((p) => p.name);
  const productLower = products.map((p) => p.name.charAt(0).toLocaleLowerCase('vi') + p.name.slice(1));
  const stages = weighted([
    [projectStages[0], 5],
    [projectStages[1], 6],
    [projectStages[2], 6],
    [projectStages[3], 3],
  ]);
  const days = daysSince2021();
  const description = [0, 1, 2].map((i) => pick(descriptionParagraphs, g, 40 + i)).join(` || ' ' || `);
  const summary = summaryTemplates
    .map((t, i) => {
      const parts = t.split(/(\{p\}|\{c\})/).map((part) => (part === '{p}' ? 'pl' : part === '{c}' ? 'cn' : lit(part)));
      return `WHEN ${i} THEN ${parts.filter((p) => p !== "''").join(' || ')}`;
    })
    .join(' ');
  return `INSERT INTO project (id, slug, name, summary, description, type, field, stage, commune_slug, needs, awards,
  is_public, consent_to_publish, case_officer_id, created_by, created_at, updated_at)
SELECT ${projectId(g)}, regexp_replace(lower(f_unaccent(name)), '[^a-z0-9]+', '-', 'g') || '-' || g,
  name, summary, description, type, field, stage, commune_slug, needs, awards,
  is_public, is_public OR ${h(g, 20, 5)} = 0, case_officer_id, created_by, created_at,
  LEAST(created_at + (${h(g, 21, 400)})::int * interval '1 day', now())
FROM (
  SELECT g, pn || ' ' || CASE WHEN ${h(g, 3, 5)} < 3 THEN cn ELSE ${pick(brandNames, g, 4)} END AS name,
    CASE ${h(g, 5, summaryTemplates.length)} ${summary} END AS summary,
    ${description} AS description,
    type, field, ${pick(stages, g, 6)} AS stage,
    CASE WHEN ${h(g, 7, 100)} < 97 THEN cs END AS commune_slug,
    CASE WHEN ${h(g, 8, 10)} < 3 THEN '{}'::text[]
         WHEN ${h(g, 8, 10)} < 7 THEN ARRAY[${pick(supportNeeds, g, 9)}]
         ELSE ARRAY[${pick(supportNeeds, g, 9)}, ${pick(supportNeeds, g, 10)}] END AS needs,
    CASE WHEN ${h(g, 11, 10)} = 0
         THEN jsonb_build_array(jsonb_build_object('title', ${pick(awardTitles, g, 12)}, 'year', 2021 + ${h(g, 13, 5)}))
         ELSE '[]'::jsonb END AS awards,
    ${h(g, 14, 100)} < 70 AS is_public,
    CASE WHEN ${h(g, 15, 10)} < 6 THEN ${userId(`1 + ${h(g, 16, OFFICERS)}`)} END AS case_officer_id,
    CASE WHEN g <= ${founders} THEN ${userId(`${OFFICERS} + g`)} END AS created_by,
    timestamptz '2021-01-01 08:00+07' + (${h(g, 17, days)})::int * interval '1 day' + (${h(g, 18, 36_000)})::int * interval '1 second' AS created_at
  FROM (
    SELECT g, (${arr(productNames)})[pi] AS pn, (${arr(productLower)})[pi] AS pl,
      (${arr(products.map((p) => p.type))})[pi] AS type, (${arr(products.map((p) => p.field))})[pi] AS field,
      (${arr(communes.map((c) => c.slug))})[ci] AS cs, (${arr(communes.map((c) => c.name))})[ci] AS cn
    FROM (SELECT g, (1 + ${h(g, 1, products.length)})::int AS pi, (1 + ${h(g, 2, communes.length)})::int AS ci
          FROM generate_series(${from}, ${to}) g) s0
  ) s1
) s2`;
}

/** How a project's field names its products' category. */
const categoryOfField = `CASE pr.field WHEN 'food' THEN 'food' WHEN 'agriculture' THEN 'agricultural' WHEN 'herbal' THEN 'herbal'
  WHEN 'handicraft' THEN 'handicraft' WHEN 'tourism' THEN 'tourism_service' WHEN 'education' THEN 'education_service'
  WHEN 'technology' THEN 'technology' ELSE 'other' END`;

/** Product n belongs to project 1 + (n-1) mod P: its name is the project's with a pack; a quarter are ready for market. */
function productsSql(scale: Scale, from: number, to: number): string {
  const g = 'g';
  const units = ['hộp 500 g', 'túi 1 kg', 'chai 500 ml', 'gói 200 g', 'kg'];
  return `INSERT INTO product (id, project_id, slug, name, category, description, unit, price_min_vnd, price_max_vnd,
  ocop_stars, ocop_certificate_no, is_public, ready_until, created_at, updated_at)
SELECT md5('kn-bench-pr' || g)::uuid, pr.id, 'sp-' || pr.slug || '-' || g, pr.name || ' ' || u, ${categoryOfField}, pr.description, u,
  20000 + ${h(g, 60, 50)} * 1000, 80000 + ${h(g, 61, 50)} * 1000,
  CASE WHEN ${h(g, 62, 10)} = 0 THEN 3 + ${h(g, 63, 3)} END, CASE WHEN ${h(g, 62, 10)} = 0 THEN 'OCOP-' || g ELSE '' END,
  pr.is_public, CASE WHEN ${h(g, 64, 4)} = 0 THEN date '2099-12-31' END, pr.created_at, pr.updated_at
FROM (SELECT g, (${arr(units)})[1 + ${h(g, 65, units.length)}] AS u FROM generate_series(${from}, ${to}) g) s
JOIN project pr ON pr.id = ${projectId(`1 + (g - 1) % ${scale.projects}`)}`;
}

/** Every product gets one of a few drawn pictures (the picture's bytes are shared, as on a real site they would not be). */
function productImagesSql(
  pictures: { full: string; thumb: string; width: number; height: number }[],
  from: number,
  to: number,
): string {
  const g = 'g';
  return `INSERT INTO product_image (product_id, file_id, thumb_id, width, height, position)
SELECT md5('kn-bench-pr' || g)::uuid, (ARRAY[${pictures.map((p) => `'${p.full}'::uuid`).join(',')}])[k], (ARRAY[${pictures.map((p) => `'${p.thumb}'::uuid`).join(',')}])[k],
  ${pictures[0]?.width ?? 0}, ${pictures[0]?.height ?? 0}, 0
FROM (SELECT g, 1 + ${h(g, 66, pictures.length)} AS k FROM generate_series(${from}, ${to}) g) s`;
}

/** A few product pictures, stored once. */
async function benchPictures(db: Database['db']) {
  const { imageVariant, saveFile } = await import('#kernel/files/files.ts');
  const sharp = (await import('sharp')).default;
  const out: { full: string; thumb: string; width: number; height: number }[] = [];
  for (const [i, colour] of [
    '#2d2a26',
    '#d9a400',
    '#6b8e23',
    '#7a3b12',
    '#a0522d',
    '#8e1b3a',
    '#2e5e3a',
    '#f39c12',
  ].entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="${colour}"/><circle cx="600" cy="400" r="260" fill="#fff" fill-opacity="0.2"/></svg>`;
    const bytes = new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
    const full = { bytes, mime: 'image/jpeg', name: `bench-${i}.jpg`, width: 1200, height: 900 };
    const thumb = await imageVariant(full, 480);
    out.push({
      full: (await saveFile(db, full, 'bench')).id,
      thumb: (await saveFile(db, thumb, 'bench')).id,
      width: 1200,
      height: 900,
    });
  }
  return out;
}

/** Team members: project n gets people n, n+P, n+2P, …; the first is the lead (a founder's account for the first projects). */
function membersSql(scale: Scale, from: number, to: number): string {
  const g = 'g';
  const founders = scale.users - OFFICERS;
  return `INSERT INTO project_member (project_id, user_id, name, role, position)
SELECT ${projectId('p')}, CASE WHEN pos = 0 AND p <= ${founders} THEN ${userId(`${OFFICERS} + p`)} END,
  CASE WHEN pos = 0 AND p <= ${founders} THEN ${personName(`${USER_KEY} + ${OFFICERS} + p`)} ELSE ${personName(g)} END,
  CASE WHEN pos = 0 THEN 'lead' ELSE 'member' END, pos
FROM (SELECT g, 1 + (g - 1) % ${scale.projects} AS p, ((g - 1) / ${scale.projects})::int AS pos
      FROM generate_series(${from}, ${to}) g) s`;
}

function supportSql(scale: Scale, from: number, to: number): string {
  const g = 'g';
  const kinds = weighted([
    ['consulting', 30],
    ['training', 25],
    ['connection', 10],
    ['market_connection', 10],
    ['event_introduction', 8],
    ['platform_listing', 7],
    ['space', 5],
    ['funding', 3],
    ['other', 2],
  ]);
  for (const k of kinds)
    if (!(supportKinds as readonly string[]).includes(k)) throw new Error(`unknown support kind ${k}`);
  const titleCases = Object.entries(supportTitles)
    .map(([kind, titles]) => `WHEN ${lit(kind)} THEN ${pick(titles, g, 30)}`)
    .join(' ');
  const officer = `(1 + ${h(g, 5, OFFICERS)})`;
  return `INSERT INTO support (project_id, kind, provider_kind, provider_user_id, provider_name, title, started_on, ended_on,
  status, outcome, figures, recorded_by, created_at, updated_at)
SELECT ${projectId('p')}, kind, provider_kind,
  CASE WHEN provider_kind = 'officer' THEN ${userId(officer)} END,
  CASE provider_kind WHEN 'officer' THEN ${personName(`${USER_KEY} + ${officer}`)}
    WHEN 'expert' THEN (CASE WHEN ${h(g, 6, 2)} = 0 THEN 'TS. ' ELSE 'ThS. ' END) || ${personName(`${EXPERT_KEY} + ${h(g, 7, 500)}`)}
    WHEN 'partner' THEN ${pick(partners, g, 8)}
    ELSE ${pick(organisations, g, 9)} END,
  CASE kind ${titleCases} END,
  started_on, ended_on, status,
  CASE WHEN status = 'done' THEN ${pick(outcomes, g, 10)} ELSE '' END,
  CASE kind
    WHEN 'training' THEN jsonb_build_object('participants', 10 + ${h(g, 11, 60)}, 'hours', 4 + ${h(g, 12, 20)})
    WHEN 'consulting' THEN jsonb_build_object('hours', 2 + ${h(g, 12, 40)})
    WHEN 'market_connection' THEN jsonb_build_object('contractValueVnd', (10 + ${h(g, 13, 500)}) * 1000000)
    WHEN 'funding' THEN jsonb_build_object('contractValueVnd', (5 + ${h(g, 13, 100)}) * 1000000)
    WHEN 'space' THEN jsonb_build_object('days', 1 + ${h(g, 14, 30)})
    ELSE '{}'::jsonb END,
  ${userId(`1 + ${h(g, 15, OFFICERS)}`)},
  started_on + time '09:00', started_on + time '09:00'
FROM (
  SELECT g, p, kind, provider_kind, started_on, ended_on,
    CASE WHEN started_on > current_date THEN 'planned'
         WHEN ended_on IS NULL OR ended_on >= current_date THEN 'in_progress'
         WHEN ${h(g, 16, 100)} < 4 THEN 'cancelled'
         ELSE 'done' END AS status
  FROM (
    SELECT g, 1 + ${h(g, 1, scale.projects)} AS p, ${pick(kinds, g, 2)} AS kind,
      ${pick(
        weighted([
          ['officer', 8],
          ['expert', 6],
          ['partner', 3],
          ['organisation', 3],
        ]),
        g,
        3,
      )} AS provider_kind,
      date '2021-01-01' + (${h(g, 4, 2191)})::int AS started_on,
      CASE WHEN ${h(g, 17, 10)} > 0 THEN date '2021-01-01' + (${h(g, 4, 2191)})::int + (1 + ${h(g, 18, 120)})::int END AS ended_on
    FROM generate_series(${from}, ${to}) g
  ) s0
) s1`;
}

const eventId = (n: string) => `md5('kn-bench-e' || (${n}))::uuid`;

/** A third of the events are upcoming (published, public, open); the rest happened since 2021. */
function eventsSql(scale: Scale): string {
  const g = 'g';
  const titles = supportTitles.training ?? ['Tập huấn khởi nghiệp đổi mới sáng tạo'];
  const perEvent = Math.ceil(scale.registrations / scale.events);
  return `INSERT INTO event (id, slug, kind, title, description, organiser, venue, capacity, audience, published, starts_on, ends_on, created_at, updated_at)
SELECT ${eventId(g)}, 'su-kien-bench-' || g, ${pick(['course', 'course', 'workshop', 'fair', 'pitching', 'contest'], g, 80)},
  ${pick(titles, g, 81)} || ' (đợt ' || g || ')', ${pick(descriptionParagraphs, g, 82)}, ${pick(organisations, g, 83)},
  'Hội trường khu làm việc chung KNĐMST', ${perEvent + 20}, 'public', true, d, d + 1, now(), now()
FROM (SELECT g, CASE WHEN g % 3 = 0 THEN current_date + (1 + ${h(g, 84, 120)})::int
                     ELSE date '2021-01-04' + (${h(g, 85, Math.max(1, daysSince2021() - 10))})::int END AS d
      FROM generate_series(1, ${scale.events}) g) s`;
}

function sessionsSql(scale: Scale): string {
  return `INSERT INTO event_session (event_id, position, day, start_time, end_time)
SELECT e.id, p, e.starts_on + p, CASE WHEN p = 0 THEN '08:00' ELSE '13:30' END, CASE WHEN p = 0 THEN '11:30' ELSE '17:00' END
FROM event e CROSS JOIN generate_series(0, 1) p
WHERE e.id IN (SELECT ${eventId('g')} FROM generate_series(1, ${scale.events}) g)`;
}

function registrationsSql(scale: Scale, communes: { slug: string }[], from: number, to: number): string {
  const g = 'g';
  return `INSERT INTO event_registration (event_id, status, name, phone, email, commune_slug, organisation, organisation_type, sex, ethnicity, birth_year, consent, code, token, created_at)
SELECT ${eventId(`1 + (g - 1) % ${scale.events}`)}, 'confirmed', ${personName(`${REGISTRATION_KEY} + g`)},
  '09' || lpad(((${h(g, 90, 100_000_000)}))::text, 8, '0'), '',
  ${pick(
    communes.map((c) => c.slug),
    g,
    91,
  )}, ${pick(organisations, g, 92)},
  ${pick(['individual', 'household', 'cooperative', 'business', 'school', 'agency'], g, 93)},
  ${pick(['female', 'male'], g, 94)}, ${pick(
    weighted([
      ['nung', 4],
      ['tay', 4],
      ['kinh', 2],
      ['dao', 1],
    ]),
    g,
    95,
  )},
  1960 + (${h(g, 96, 45)})::int, true, 'B' || lpad(g::text, 7, '0'), md5('kn-bench-t' || g), now()
FROM generate_series(${from}, ${to}) g`;
}

/**
 * The people registry: one person per phone number of the registrations (a few numbers drawn
 * twice are one person, as the registry would have it), each registration pointing at its person.
 */
function peopleSql(from: number, to: number): string {
  return `INSERT INTO person (full_name, sex, birth_year, ethnicity, commune_slug, phone, email)
SELECT DISTINCT ON (phone) name, sex, birth_year, ethnicity, commune_slug, phone, ''
FROM event_registration WHERE number BETWEEN ${from} AND ${to} ORDER BY phone, number
ON CONFLICT DO NOTHING`;
}

function linkPeopleSql(from: number, to: number): string {
  return `UPDATE event_registration r SET person_id = p.id
FROM person p
WHERE p.phone = r.phone AND p.phone <> '' AND p.merged_into IS NULL AND r.number BETWEEN ${from} AND ${to}`;
}

/** Everyone at a past event came to both sessions. */
function attendanceSql(from: number, to: number): string {
  return `INSERT INTO event_attendance (registration_id, session_id, method, checked_in_at)
SELECT r.id, s.id, 'list', s.day + time '08:00'
FROM event_registration r JOIN event e ON e.id = r.event_id JOIN event_session s ON s.event_id = e.id
WHERE e.ends_on < current_date AND r.number BETWEEN ${from} AND ${to}`;
}

async function benchOfficerSql(): Promise<SQL> {
  const { hashPassword } = await import('better-auth/crypto');
  const hash = await hashPassword(benchOfficer.password);
  return sql`WITH u AS (
    INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
    VALUES (${benchOfficer.id}, 'Cán bộ đo hiệu năng', ${benchOfficer.email}, true, 'officer', now(), now()) RETURNING id)
  INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at)
  SELECT 'bench-a-officer', id, 'credential', id, ${hash}, now(), now() FROM u`;
}

// ---------------------------------------------------------------- the coworking space: rooms and a year of bookings

/** The busy room of the benchmark: its month calendar is a scenario, and so is booking it. */
export const benchRoom = { slug: 'hoi-truong-bench', month: '2026-06' };
/** Bookings a day in each of the three rooms over 2026 (hall, workroom, meeting room). */
const SLOTS = [
  ['07:00', '08:30'],
  ['08:30', '10:00'],
  ['10:00', '11:30'],
  ['13:00', '14:30'],
  ['14:30', '16:00'],
  ['16:00', '17:30'],
  ['18:00', '20:00'],
] as const;

/** Three rooms open every day 07:00–21:00 (kept across --reset: bookings go with their projects). */
function roomsSql(): string {
  const hours = `'${JSON.stringify(Array.from({ length: 7 }, () => ({ from: '07:00', to: '21:00' })))}'::jsonb`;
  const rooms = [
    [benchRoom.slug, 'Hội trường (đo hiệu năng)', 'hall', 120],
    ['phong-lam-viec-bench', 'Phòng làm việc chung (đo hiệu năng)', 'workroom', 20],
    ['phong-hop-bench', 'Phòng họp (đo hiệu năng)', 'meeting_room', 12],
  ] as const;
  return `INSERT INTO room (slug, name, kind, capacity, needs_approval, max_days, weekly_hours, closed_on_holidays)
VALUES ${rooms.map(([slug, name, kind, cap]) => `(${lit(slug)}, ${lit(name)}, ${lit(kind)}, ${cap}, true, 14, ${hours}, false)`).join(', ')}
ON CONFLICT (slug) DO NOTHING`;
}

/** A year of bookings (2026): each room, each day, each slot; 90 % approved, for projects by hash. */
function bookingsSql(scale: Scale): string {
  const starts = arr(SLOTS.map(([a]) => a));
  const ends = arr(SLOTS.map(([, b]) => b));
  const g = '(d * 100 + r.n * 10 + s)';
  return `INSERT INTO booking (room_id, project_id, purpose, starts_at, ends_at, status, decided_at, created_at, updated_at)
SELECT r.id, ${projectId(`1 + ${h(g, 41, scale.projects)}`)}, 'Họp nhóm, làm việc với đối tác',
  (date '2026-01-01' + d + (${starts})[s]::time) AT TIME ZONE 'Asia/Ho_Chi_Minh',
  (date '2026-01-01' + d + (${ends})[s]::time) AT TIME ZONE 'Asia/Ho_Chi_Minh',
  CASE WHEN ${h(g, 42, 10)} = 0 THEN 'requested' ELSE 'approved' END,
  CASE WHEN ${h(g, 42, 10)} = 0 THEN NULL ELSE now() END, now(), now()
FROM generate_series(0, 364) AS d, generate_series(1, ${SLOTS.length}) AS s,
  (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM room
    WHERE slug IN (${lit(benchRoom.slug)}, 'phong-lam-viec-bench', 'phong-hop-bench')) AS r`;
}

// ---------------------------------------------------------------- connecting: experts, partners, requests, engagements

/** How many of each, from the scale: one expert per 50 projects, a partner per 25, two requests and half an engagement per project. */
export const connectingCounts = (scale: Scale) => ({
  experts: Math.max(20, Math.round(scale.projects / 50)),
  partners: Math.max(20, Math.round(scale.projects / 25)),
  requests: scale.projects * 2,
  engagements: Math.round(scale.projects / 2),
});

const expertId = (n: string) => `('bench-e-' || (${n}))`;

function connectingSql(scale: Scale, communes: { slug: string }[]): string[] {
  const n = connectingCounts(scale);
  const e = 'e';
  const specialtyList = [
    'production',
    'product_development',
    'trademark_ip',
    'standards_labels',
    'food_safety',
    'marketing_sales',
    'finance_investment',
    'digital',
    'legal',
    'education',
    'tourism',
    'technology',
  ];
  const fieldList = products.map((p) => p.field);
  const slugs = communes.map((c) => c.slug);
  const kinds = [
    'business',
    'supermarket',
    'distributor',
    'investor',
    'club',
    'school',
    'incubator',
    'agency',
    'programme',
  ];
  const statuses = weighted([
    ['new', 5],
    ['accepted', 10],
    ['in_progress', 15],
    ['resolved', 60],
    ['declined', 10],
  ]);
  const days = daysSince2021();
  return [
    `INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
SELECT ${expertId(e)}, ${personName(`${EXPERT_KEY} + ${e}`)}, 'bench.e' || ${e} || '@ket-noi.test', true, 'expert', now(), now()
FROM generate_series(1, ${n.experts}) ${e}`,
    `INSERT INTO expert_profile (user_id, slug, name, headline, bio, organisation, specialties, fields, communes, anywhere, is_public)
SELECT ${expertId(e)}, 'bench-expert-' || ${e}, (CASE WHEN ${h(e, 6, 2)} = 0 THEN 'TS. ' ELSE 'ThS. ' END) || ${personName(`${EXPERT_KEY} + ${e}`)},
  'Tư vấn ' || ${pick(outcomes, e, 31)}, ${pick(descriptionParagraphs, e, 32)}, ${pick(organisations, e, 33)},
  ARRAY[${pick(specialtyList, e, 34)}, ${pick(specialtyList, e, 35)}], ARRAY[${pick(fieldList, e, 36)}],
  CASE WHEN ${h(e, 37, 3)} = 0 THEN '{}'::text[] ELSE ARRAY[${pick(slugs, e, 38)}] END, ${h(e, 37, 3)} = 0, ${h(e, 39, 10)} < 8
FROM generate_series(1, ${n.experts}) ${e}`,
    `INSERT INTO partner (slug, name, kind, summary, description, offers, fields, communes, anywhere, is_public)
SELECT 'bench-partner-' || ${e}, ${pick(partners, e, 41)} || ' ' || ${e}, ${pick(kinds, e, 42)}, ${pick(
      summaryTemplates.map((t) => t.replace(/\{[pc]\}/g, '')),
      e,
      43,
    )},
  ${pick(descriptionParagraphs, e, 44)}, ARRAY[${pick(supportNeeds, e, 45)}, ${pick(supportNeeds, e, 46)}], ARRAY[${pick(fieldList, e, 47)}, ${pick(fieldList, e, 48)}],
  CASE WHEN ${h(e, 49, 2)} = 0 THEN '{}'::text[] ELSE ARRAY[${pick(slugs, e, 50)}] END, ${h(e, 49, 2)} = 0, true
FROM generate_series(1, ${n.partners}) ${e}`,
  ].concat(
    // requests and engagements in batches of 50,000, like the other big tables
    Array.from({ length: Math.ceil(n.requests / 50_000) }, (_, i) => {
      const from = i * 50_000 + 1;
      const to = Math.min(n.requests, (i + 1) * 50_000);
      return `INSERT INTO support_request (project_id, contact_name, commune_slug, kind, needs, body, urgency, status, assignee_id, due_on, outcome, decline_reason, created_at, updated_at)
SELECT ${projectId(`1 + ${h(e, 51, scale.projects)}`)}, '', ${pick(slugs, e, 52)}, ${pick(supportNeeds, e, 53)}, ARRAY[${pick(supportNeeds, e, 53)}], ${pick(descriptionParagraphs, e, 54)},
  CASE WHEN ${h(e, 55, 10)} = 0 THEN 'urgent' ELSE 'normal' END, status,
  CASE WHEN status <> 'new' THEN ${userId(`1 + ${h(e, 56, OFFICERS)}`)} END,
  CASE WHEN status <> 'new' THEN (created_at + interval '10 days')::date END,
  CASE WHEN status = 'resolved' THEN ${pick(outcomes, e, 57)} ELSE '' END,
  CASE WHEN status = 'declined' THEN 'Nội dung không thuộc phạm vi hỗ trợ của Sở.' ELSE '' END, created_at, created_at
FROM (SELECT ${e}, ${pick(statuses, e, 58)} AS status,
        timestamptz '2021-01-01 08:00+07' + (${h(e, 59, days)})::int * interval '1 day' AS created_at
      FROM generate_series(${from}, ${to}) ${e}) s`;
    }),
    // The move to "resolved" in each resolved request's history, 1 to 60 days after it was filed.
    `INSERT INTO request_event (request_id, type, from_status, to_status, created_at)
SELECT id, 'status', 'in_progress', 'resolved', created_at + (1 + ${h('number', 60, 60)})::int * interval '1 day'
FROM support_request WHERE status = 'resolved'`,
    `INSERT INTO engagement (expert_id, project_id, topic, brief, status, outcome, created_at, accepted_at, closed_at)
SELECT ${expertId(`1 + ${h(e, 61, n.experts)}`)}, ${projectId(`1 + ${h(e, 62, scale.projects)}`)}, 'Tư vấn ' || ${pick(outcomes, e, 63)}, '', status,
  CASE WHEN status = 'closed' THEN ${pick(outcomes, e, 64)} ELSE '' END, created_at,
  CASE WHEN status IN ('active', 'closed') THEN created_at + interval '2 days' END,
  CASE WHEN status IN ('closed', 'declined') THEN created_at + interval '60 days' END
FROM (SELECT ${e}, ${pick(
      weighted([
        ['closed', 14],
        ['active', 3],
        ['proposed', 1],
        ['declined', 2],
      ]),
      e,
      65,
    )} AS status,
        timestamptz '2021-01-01 08:00+07' + (${h(e, 66, days)})::int * interval '1 day' AS created_at
      FROM generate_series(1, ${n.engagements}) ${e}) s`,
  );
}

// ---------------------------------------------------------------- running

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

async function count(db: Database['db'], table: string): Promise<number> {
  const [row] = await rows<{ n: string | number }>(db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
  return Number(row?.n ?? 0);
}

/** Runs `make(from, to)` over 1..total in batches, yielding to the event loop between them. */
async function batched(
  database: Database,
  label: string,
  total: number,
  batch: number,
  make: (from: number, to: number) => string,
  log: (line: string) => void,
) {
  const started = performance.now();
  let lastLog = started;
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await database.db.execute(sql.raw(make(from, to)));
    await yieldToLoop();
    const now = performance.now();
    if (now - lastLog > 5_000 || to === total) {
      lastLog = now;
      const rate = Math.round(to / ((now - started) / 1000));
      log(`  ${label}: ${to.toLocaleString('en')}/${total.toLocaleString('en')} (${rate.toLocaleString('en')} rows/s)`);
    }
  }
  return (performance.now() - started) / 1000;
}

/**
 * Migrates, loads the communes and fills the database.
 * @example await generate({ scale: scales.small, dataDir: '/tmp/kn' })
 */
export async function generate({
  scale,
  url,
  dataDir,
  reset = false,
  log = console.log,
}: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let unlock = () => {};
  if (!url) {
    if (!dataDir) throw new Error('a PGlite run needs a data folder');
    mkdirSync(resolve(dataDir), { recursive: true });
    unlock = lockDataDir(resolve(dataDir));
  }
  const mark = (name: string, since: number) => {
    phases[name] = Math.round((performance.now() - since) / 10) / 100;
  };
  let t = performance.now();
  const database = await openDatabase({
    url,
    dataDir: url ? undefined : join(resolve(dataDir as string), 'pglite'),
    poolSize: 2,
  });
  const { db } = database;
  mark('open', t);
  let closed = false;
  try {
    t = performance.now();
    await migrate(database);
    const communeCount = await loadCommunes(db, PROVINCE, readCommuneFile(bundledCommuneFile(PROVINCE)));
    mark('migrate+communes', t);
    log(`${database.kind}: migrated, ${communeCount} communes loaded (${phases['migrate+communes']} s)`);

    const existing = await count(db, 'project');
    if (existing > 0) {
      if (!reset) {
        throw new Error(
          `The database already has ${existing} projects. Pass --reset to replace them with benchmark data.`,
        );
      }
      t = performance.now();
      await db.execute(
        sql.raw(
          'TRUNCATE support, project_member, project, event, external_event, support_request, engagement, partner, expert_profile, product, person CASCADE',
        ),
      );
      await db.execute(sql.raw(`DELETE FROM stored_file WHERE created_by = 'bench'`));
      await db.execute(sql.raw(`DELETE FROM "user" WHERE id LIKE 'bench-u-%' OR id LIKE 'bench-e-%'`));
      mark('reset', t);
      log(`  emptied the earlier data (${phases.reset} s)`);
    }

    const communes = await rows<{ slug: string; name: string }>(
      db,
      sql`SELECT slug, name FROM commune WHERE province = ${PROVINCE} ORDER BY slug`,
    );
    if (communes.length === 0) throw new Error('no communes loaded');

    // PGlite runs queries on this thread: smaller statements let the event loop breathe.
    const big = database.kind === 'postgres';
    t = performance.now();
    await db.execute(sql.raw(usersSql(scale)));
    mark('users', t);
    log(`  users: ${scale.users.toLocaleString('en')} (${phases.users} s)`);
    const round = (s: number) => Math.round(s * 100) / 100;
    phases.projects = round(
      await batched(
        database,
        'projects',
        scale.projects,
        big ? 10_000 : 5_000,
        (a, b) => projectsSql(scale, communes, a, b),
        log,
      ),
    );
    phases.members = round(
      await batched(database, 'people', scale.people, big ? 50_000 : 10_000, (a, b) => membersSql(scale, a, b), log),
    );
    phases.support = round(
      await batched(database, 'support', scale.support, big ? 50_000 : 10_000, (a, b) => supportSql(scale, a, b), log),
    );
    phases.products = round(
      await batched(
        database,
        'products',
        scale.products,
        big ? 10_000 : 5_000,
        (a, b) => productsSql(scale, a, b),
        log,
      ),
    );
    const pictures = await benchPictures(db);
    phases.images = round(
      await batched(
        database,
        'product images',
        scale.products,
        big ? 50_000 : 10_000,
        (a, b) => productImagesSql(pictures, a, b),
        log,
      ),
    );

    t = performance.now();
    await db.execute(await benchOfficerSql());
    await db.execute(sql.raw(eventsSql(scale)));
    await db.execute(sql.raw(sessionsSql(scale)));
    mark('events', t);
    log(`  events: ${scale.events.toLocaleString('en')} with 2 sessions each (${phases.events} s)`);
    phases.registrations = round(
      await batched(
        database,
        'registrations',
        scale.registrations,
        big ? 50_000 : 10_000,
        (a, b) => registrationsSql(scale, communes, a, b),
        log,
      ),
    );
    // Registration numbers start where the identity is: read them rather than assume 1.
    const [span] = await rows<{ lo: string | number; hi: string | number }>(
      db,
      sql.raw('SELECT min(number) AS lo, max(number) AS hi FROM event_registration'),
    );
    const lo = Number(span?.lo ?? 1);
    const hi = Number(span?.hi ?? 0);
    phases.people = round(
      await batched(
        database,
        'people (by registration)',
        Math.max(0, hi - lo + 1),
        big ? 50_000 : 10_000,
        (a, b) => peopleSql(lo + a - 1, lo + b - 1),
        log,
      ),
    );
    phases.linkPeople = round(
      await batched(
        database,
        'registrations to their people',
        Math.max(0, hi - lo + 1),
        big ? 50_000 : 10_000,
        (a, b) => linkPeopleSql(lo + a - 1, lo + b - 1),
        log,
      ),
    );
    phases.attendance = round(
      await batched(
        database,
        'attendance (by registration)',
        Math.max(0, hi - lo + 1),
        big ? 50_000 : 10_000,
        (a, b) => attendanceSql(lo + a - 1, lo + b - 1),
        log,
      ),
    );

    t = performance.now();
    for (const statement of connectingSql(scale, communes)) {
      await db.execute(sql.raw(statement));
      await yieldToLoop();
    }
    mark('connecting', t);
    log(
      `  experts, partners, requests, engagements: ${JSON.stringify(connectingCounts(scale))} (${phases.connecting} s)`,
    );

    t = performance.now();
    await db.execute(sql.raw(roomsSql()));
    await db.execute(sql.raw(bookingsSql(scale)));
    mark('spaces', t);
    log(`  rooms and a year of bookings: 3 × 365 × ${SLOTS.length} (${phases.spaces} s)`);

    t = performance.now();
    for (const table of [
      '"user"',
      'project',
      'project_member',
      'support',
      'event',
      'event_session',
      'event_registration',
      'event_attendance',
      'person',
      'support_request',
      'request_event',
      'engagement',
      'partner',
      'expert_profile',
      'product',
      'product_image',
      'room',
      'booking',
    ]) {
      await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));
      await yieldToLoop();
    }
    mark('vacuum+analyze', t);
    log(`  vacuum analyze (${phases['vacuum+analyze']} s)`);

    const counts: Record<string, number> = {};
    for (const table of [
      '"user"',
      'project',
      'project_member',
      'support',
      'commune',
      'event',
      'event_registration',
      'event_attendance',
      'person',
      'support_request',
      'engagement',
      'partner',
      'expert_profile',
      'product',
      'product_image',
      'booking',
    ])
      counts[table.replace(/"/g, '')] = await count(db, table);
    const [publicRow] = await rows<{ n: string | number }>(
      db,
      sql.raw('SELECT count(*) AS n FROM project WHERE is_public'),
    );
    counts.public_projects = Number(publicRow?.n ?? 0);

    // PGlite writes its files on close: part of the time it takes.
    t = performance.now();
    closed = true;
    await database.close();
    mark('close', t);
    const result: GenerateResult = {
      kind: database.kind,
      scale,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      phases,
      counts,
      generatedAt: new Date().toISOString(),
    };
    if (!url && dataDir) writeFileSync(metaFile(dataDir), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    if (!closed) await database.close();
    unlock();
  }
}

/** The meta file the generator leaves in a PGlite data folder, or null. */
export function readMeta(dataDir: string): GenerateResult | null {
  const file = metaFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GenerateResult;
  } catch {
    return null;
  }
}

export const sameScale = (a: Scale, b: Scale) =>
  a.projects === b.projects &&
  a.people === b.people &&
  a.support === b.support &&
  a.users === b.users &&
  a.events === b.events &&
  a.registrations === b.registrations &&
  a.products === b.products;

export function scaleLabel(scale: Scale): string {
  for (const [name, s] of Object.entries(scales)) if (sameScale(s, scale)) return name;
  return `p${scale.projects}-m${scale.people}-s${scale.support}-e${scale.events}-r${scale.registrations}-sp${scale.products}`;
}

// ---------------------------------------------------------------- command line

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      projects: { type: 'string' },
      people: { type: 'string' },
      support: { type: 'string' },
      'products-count': { type: 'string' },
      users: { type: 'string' },
      events: { type: 'string' },
      registrations: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      reset: { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`tsx bench/generate.ts [--scale full|small] [--projects N] [--people N] [--support N] [--users N] [--events N] [--registrations N]
                    [--database-url URL | --data-dir DIR] [--reset] [--json FILE]
Environment: DATABASE_URL (PostgreSQL target), DATA_DIR, BENCH_SCALE, BENCH_PROJECTS, BENCH_PEOPLE, BENCH_SUPPORT, BENCH_EVENTS, BENCH_REGISTRATIONS.
Without a URL the target is PGlite in <data-dir>/pglite (default bench/.data/<scale>).`);
    return;
  }
  const env = process.env;
  const scaleName = (values.scale ?? env.BENCH_SCALE ?? 'full') as string;
  if (!(scaleName in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  const base = scales[scaleName as ScaleName];
  const scale: Scale = {
    projects: positiveInt('--projects', values.projects ?? env.BENCH_PROJECTS) ?? base.projects,
    people: positiveInt('--people', values.people ?? env.BENCH_PEOPLE) ?? base.people,
    support: positiveInt('--support', values.support ?? env.BENCH_SUPPORT) ?? base.support,
    users: positiveInt('--users', values.users) ?? base.users,
    events: positiveInt('--events', values.events ?? env.BENCH_EVENTS) ?? base.events,
    registrations:
      positiveInt('--registrations', values.registrations ?? env.BENCH_REGISTRATIONS) ?? base.registrations,
    products: positiveInt('--products-count', values['products-count'] ?? env.BENCH_PRODUCTS_COUNT) ?? base.products,
  };
  if (scale.users <= OFFICERS) throw new Error(`--users must be more than ${OFFICERS}`);
  const url = values['database-url'] ?? env.DATABASE_URL;
  const dataDir = url ? undefined : resolve(values['data-dir'] ?? env.DATA_DIR ?? defaultDataDir(scaleLabel(scale)));
  console.log(
    `Generating ${scale.projects.toLocaleString('en')} projects, ${scale.people.toLocaleString('en')} people, ` +
      `${scale.support.toLocaleString('en')} support entries, ${scale.users.toLocaleString('en')} users, ` +
      `${scale.events.toLocaleString('en')} events with ${scale.registrations.toLocaleString('en')} registrations into ` +
      `${url ? url.replace(/\/\/[^@]*@/, '//…@') : `PGlite at ${dataDir}`}`,
  );
  const result = await generate({ scale, url, dataDir, reset: values.reset ?? false });
  console.log(`Done in ${result.seconds} s  ${JSON.stringify(result.phases)}`);
  console.log(`Rows: ${JSON.stringify(result.counts)}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && !/already has|must be/.test(error.message)) console.error(error.stack);
    process.exit(1);
  });
}
