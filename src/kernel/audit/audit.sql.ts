import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
  },
  (t) => [index().on(t.at), index().on(t.entity, t.entityId), index().on(t.actorId)],
);
