import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { notNegative, oneOf, vnd } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { partnerKey } from '#modules/partners/index.ts';
import { projectKey } from '#modules/projects/index.ts';
import { product } from '../catalogue/products.sql.ts';
import { connectionStages } from '../products.taxonomy.ts';

/** A sales connection (kết nối tiêu thụ): a project's product, or the project, and a partner who may buy, sell or fund it. */
export const salesConnection = pgTable(
  'sales_connection',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    productId: uuid().references(() => product.id, { onDelete: 'set null' }),
    partnerId: uuid()
      .notNull()
      .references(() => partnerKey(), { onDelete: 'cascade' }),
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
  (t) => [
    index().on(t.stage, t.stageOn),
    index().on(t.partnerId),
    index().on(t.projectId),
    index().on(t.productId),
    oneOf('sales_connection_stage_known', t.stage, connectionStages),
    notNegative('sales_connection_contract_value', t.contractValueVnd),
    notNegative('sales_connection_sales_before', t.salesBeforeVnd),
    notNegative('sales_connection_sales_after', t.salesAfterVnd),
    check('sales_connection_contract_months', sql`${t.contractMonths} >= 1`),
  ],
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
  (t) => [index().on(t.connectionId, t.on), oneOf('connection_step_stage_known', t.stage, connectionStages)],
);
