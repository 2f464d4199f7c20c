import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '#kernel/db/columns.ts';
import { user } from './auth.sql.ts';

export const apiTokenScopes = ['read', 'write'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/**
 * A personal API token for scripts: only the SHA-256 of the token is kept (the token is shown
 * once). It acts as its owner with the owner's role at the time of each call.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    scope: text().notNull(),
    /** Hex SHA-256 of the whole token. */
    tokenHash: text().notNull().unique(),
    /** The first characters of the token, to tell tokens apart on the account page. */
    prefix: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), oneOf('api_token_scope_known', t.scope, apiTokenScopes)],
);
