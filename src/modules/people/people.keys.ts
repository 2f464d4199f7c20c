import { person } from './people.sql.ts';

/**
 * The column other modules' tables point at to name a person (a foreign key), given through the
 * face so no module imports this one's table file. For `references(() => personKey())` only.
 */
export const personKey = () => person.id;
