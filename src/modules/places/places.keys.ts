import { commune } from './places.sql.ts';

/**
 * The column other modules' tables point at to name a commune (by its slug) (a foreign key), given through the
 * face so no module imports this one's table file. For `references(() => communeKey())` only.
 */
export const communeKey = () => commune.slug;
