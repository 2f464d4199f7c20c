import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { partner } from '#modules/partners/index.ts';
import { project } from '#modules/projects/index.ts';
import { product } from './products.sql.ts';

const vnd = () => bigint({ mode: 'number' });

/** A sales connection (kết nối tiêu thụ): a project's product, or the project, and a partner who may buy, sell or fund it. */
export const salesConnection = pgTable(
  'sales_connection',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    productId: uuid().references(() => product.id, { onDelete: 'set null' }),
    partnerId: uuid()
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    stage: text().notNull().default('introduced'),
    startedOn: date().notNull(),
    /** When the connection reached its current stage. */
    stageOn: date().notNull(),
    notes: text().notNull().default(''),
    nextStep: text().notNull().default(''),
    nextStepOn: date(),
    /** The team lets the partner see the product's documents (certificates, self-declaration…). */
    shareDocuments: boolean().notNull().default(false),
    contractSignedOn: date(),
    contractValueVnd: vnd(),
    contractVolume: text().notNull().default(''),
    contractMonths: integer(),
    contractFileId: uuid().references(() => storedFile.id, { onDelete: 'set null' }),
    /** Sales over a period before and after the connection: the growth is computed from them. */
    salesPeriod: text().notNull().default(''),
    salesBeforeVnd: vnd(),
    salesAfterVnd: vnd(),
    inquiryId: uuid(),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.stage, t.stageOn), index().on(t.partnerId), index().on(t.projectId), index().on(t.productId)],
);

/** Each move of a connection: the stage, when, what was said and what comes next. */
export const connectionStep = pgTable(
  'connection_step',
  {
    id: uuid().primaryKey().defaultRandom(),
    connectionId: uuid()
      .notNull()
      .references(() => salesConnection.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    on: date().notNull(),
    note: text().notNull().default(''),
    nextStep: text().notNull().default(''),
    by: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.connectionId, t.on)],
);
