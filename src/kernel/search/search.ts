import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { fold } from './fold.ts';

/** Escapes LIKE wildcards so a user's `%` or `_` is matched literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Normalises a query the way the search columns are normalised; empty means "no search".
 * Punctuation separates words (unaccent maps "–" or "…" differently from a plain fold).
 */
export function searchTerm(q: string | undefined): string {
  return fold((q ?? '').normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 100);
}

/**
 * Accent-insensitive match on a `lower(f_unaccent(…))` column with a trigram index.
 * Every word must appear, in any order: "den thach" finds "Thạch đen".
 */
export function matches(searchColumn: AnyColumn | SQL, q: string): SQL {
  const words = searchTerm(q).split(' ').filter(Boolean);
  if (words.length === 0) return sql`true`;
  return sql.join(
    words.map((w) => sql`${searchColumn} LIKE ${`%${likeEscape(w)}%`}`),
    sql` AND `,
  );
}

/**
 * Ranking for matched rows: the name written exactly as typed (with its diacritics) first,
 * then names that start with the query, then the closest names by trigram word similarity.
 * `foldedName` is `lower(f_unaccent(name))`; ranking on the short name, not the summary, keeps
 * it cheap over thousands of matches.
 */
export function rank(nameColumn: AnyColumn | SQL, foldedName: AnyColumn | SQL, q: string): SQL[] {
  const typed = q.normalize('NFC').trim().toLowerCase();
  const term = searchTerm(q);
  return [
    sql`(lower(${nameColumn}) LIKE ${`%${likeEscape(typed)}%`}) DESC`,
    sql`(${foldedName} LIKE ${`${likeEscape(term)}%`}) DESC`,
    sql`word_similarity(${term}, ${foldedName}) DESC`,
  ];
}
