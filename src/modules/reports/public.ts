import type { Db } from '#kernel/db/client.ts';
import type { MessageKey, Translator } from '#kernel/i18n/index.ts';
import { indicators } from './indicators.ts';
import type { Period } from './period.ts';

/** The figures the public page shows: the article's set, counts only (no evidence, no breakdowns). */
export const publicIndicatorIds = [
  'khoa-dao-tao',
  'nguoi-duoc-dao-tao',
  'du-an-duoc-tu-van',
  'san-pham-len-nen-tang-so',
  'san-pham-ky-hop-dong',
  'du-an-duoc-ho-tro-khong-gian',
  'du-an-duoc-de-cu',
] as const;

export interface PublicFigure {
  id: string;
  name: MessageKey;
  definition: MessageKey;
  unit: MessageKey;
  value: number;
}

/** How long a period's public figures are kept before they are computed again. */
export const publicFiguresTtlMs = 5 * 60_000;

type Kept = Map<string, { at: number; figures: Promise<PublicFigure[]> }>;
/** Per database (tests run several side by side), per period. */
const caches = new WeakMap<Db, Kept>();

async function compute(db: Db, asked: Period, t: Translator): Promise<PublicFigure[]> {
  const period: Period = { ...asked }; // its own period object: the shared reads are kept per object
  const out: PublicFigure[] = [];
  for (const id of publicIndicatorIds) {
    const indicator = indicators.find((i) => i.id === id);
    if (!indicator) continue;
    const { value } = await indicator.compute(db, period, t);
    out.push({ id, name: indicator.name, definition: indicator.definition, unit: indicator.unit, value });
  }
  return out;
}

/**
 * The headline figures of a period for anyone, kept in memory for a few minutes per period (and
 * database), so a crowd of visitors does not compute the report again and again. Visitors asking at
 * the same moment share one computation. Only counts leave this function: nothing personal.
 */
export function publicFigures(db: Db, period: Period, t: Translator, now = Date.now()): Promise<PublicFigure[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${period.from}|${period.to}`;
  const seen = cache.get(key);
  if (seen && now - seen.at < publicFiguresTtlMs) return seen.figures;
  const figures = compute(db, period, t);
  cache.set(key, { at: now, figures });
  // A failed computation is not kept: the next visitor tries again.
  figures.catch(() => {
    if (cache?.get(key)?.figures === figures) cache.delete(key);
  });
  if (cache.size > 100) {
    for (const [k, v] of cache) if (now - v.at >= publicFiguresTtlMs) cache.delete(k);
  }
  return figures;
}

/** Forgets the kept figures of a database. */
export function forgetPublicFigures(db: Db): void {
  caches.delete(db);
}
