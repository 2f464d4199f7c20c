import { project } from './projects.sql.ts';

/**
 * The column other modules' tables point at to name a project (a foreign key), given through the
 * face so no module imports this one's table file. For `references(() => projectKey())` only.
 */
export const projectKey = () => project.id;
