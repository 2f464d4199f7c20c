import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { allOf, oneOf } from '#kernel/db/columns.ts';
import { personKey } from '#modules/people/index.ts';
import { communeKey } from '#modules/places/index.ts';
import { projectFields, projectStages, projectTypes, publishReviews, supportNeeds } from './projects.taxonomy.ts';

export interface Award {
  title: string;
  year: number;
}

export const project = pgTable(
  'project',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    summary: text().notNull(),
    description: text().notNull().default(''),
    type: text().notNull(),
    field: text().notNull(),
    stage: text().notNull(),
    communeSlug: text().references(() => communeKey()),
    needs: text().array().notNull().default(sql`'{}'::text[]`),
    awards: jsonb().$type<Award[]>().notNull().default([]),
    links: text().array().notNull().default(sql`'{}'::text[]`),
    isPublic: boolean().notNull().default(false),
    consentToPublish: boolean().notNull().default(false),
    /**
     * A founder's wish to publish waits for an officer: `pending` until reviewed, `returned` with the
     * officer's note when it needs changes; null when nothing waits (staff publish directly).
     */
    publishReview: text(),
    reviewNote: text().notNull().default(''),
    reviewedBy: text().references(() => user.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    caseOfficerId: text().references(() => user.id, { onDelete: 'set null' }),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Lower-case, accent-free name: what search results are ranked by. */
    nameSearch: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name))`),
    /** Lower-case, accent-free name and summary: what search matches against. */
    searchText: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name || ' ' || summary))`),
  },
  (t) => [
    index('project_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The directory's two orders: public projects newest first (everyone), all projects (staff).
    index('project_public_updated').on(t.isPublic, t.updatedAt.desc(), t.id),
    index('project_updated').on(t.updatedAt.desc(), t.id),
    index().on(t.field),
    index().on(t.stage),
    index().on(t.communeSlug),
    index().on(t.caseOfficerId),
    index('project_needs_gin').using('gin', t.needs),
    oneOf('project_type_known', t.type, projectTypes),
    oneOf('project_publish_review_known', t.publishReview, publishReviews),
    check('project_review_not_public', sql`${t.publishReview} IS NULL OR NOT ${t.isPublic}`),
    index('project_publish_review').on(t.publishReview, t.updatedAt).where(sql`${t.publishReview} IS NOT NULL`),
    oneOf('project_field_known', t.field, projectFields),
    oneOf('project_stage_known', t.stage, projectStages),
    allOf('project_needs_known', t.needs, supportNeeds),
  ],
);

export const projectMember = pgTable(
  'project_member',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    /** A member with an account can edit the project; a named member is shown only. */
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    name: text().notNull(),
    /** The member in the people registry, when known. */
    personId: uuid().references(() => personKey(), { onDelete: 'restrict' }),
    role: text({ enum: ['lead', 'member'] })
      .notNull()
      .default('member'),
    position: integer().notNull().default(0),
  },
  (t) => [index().on(t.projectId), index().on(t.userId), check('project_member_position', sql`${t.position} >= 0`)],
);
