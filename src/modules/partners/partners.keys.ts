import { partner } from './partners.sql.ts';

/**
 * The column other modules' tables point at to name a partner organisation (a foreign key), given through the
 * face so no module imports this one's table file. For `references(() => partnerKey())` only.
 */
export const partnerKey = () => partner.id;
