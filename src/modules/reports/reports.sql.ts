import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { projectKey } from '#modules/projects/index.ts';

/**
 * A success story on the public figures page (`/so-lieu`): a project an officer chose, with an
 * optional headline and a short text the officer wrote. The rest of the story is the project's own
 * timeline (the support ledger). One story per project; deleting the project removes its story.
 */
export const projectStory = pgTable('project_story', {
  projectId: uuid()
    .primaryKey()
    .references(() => projectKey(), { onDelete: 'cascade' }),
  headline: text().notNull().default(''),
  body: text().notNull().default(''),
  chosenBy: text().references(() => user.id, { onDelete: 'set null' }),
  chosenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
