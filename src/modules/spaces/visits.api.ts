import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { isoDate } from '#kernel/http/validation.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { addDays } from './spaces.service.ts';
import { DeskVisitInput } from './visits.schemas.ts';
import { listVisits, recordVisit, type VisitView } from './visits.service.ts';
import { visitChannels, visitPurposes } from './visits.taxonomy.ts';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const VisitSchema = z
  .object({
    id: z.uuid(),
    visitedOn: z.string().meta({ format: 'date' }),
    arrivedAt: z.string().meta({ format: 'date-time' }),
    purpose: z.enum(visitPurposes),
    note: z.string(),
    channel: z.enum(visitChannels),
    requestNumber: z.number().int().nullable(),
    person: z.object({
      id: z.uuid(),
      fullName: z.string(),
      phone: z.string(),
      commune: z.string().openapi({ description: 'The commune or ward, as named today; empty when unknown' }),
    }),
  })
  .openapi('Visit');

const visitOf = (v: VisitView) => ({
  id: v.id,
  visitedOn: v.visitedOn,
  arrivedAt: v.arrivedAt.toISOString(),
  purpose: v.purpose as (typeof visitPurposes)[number],
  note: v.note,
  channel: v.channel as (typeof visitChannels)[number],
  requestNumber: v.requestNumber,
  person: { id: v.personId, fullName: v.fullName, phone: v.phone, commune: v.communeName },
});

/** From one day to another, at most a year apart. */
const PeriodQuery = z
  .object({ from: isoDate().optional(), to: isoDate().optional() })
  .refine((q) => !q.from || !q.to || (q.from <= q.to && q.to <= addDays(q.from, 366)), {
    path: ['to'],
    error: 'v.invalid',
  });

export const visitsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

// Visitors' names and phones are personal data: staff only, before anything is read.
visitsApi.use('/visits', allow('officer', 'admin'));

visitsApi.openapi(
  createRoute({
    method: 'get',
    path: '/visits',
    tags: ['spaces'],
    summary: 'Visits to the coworking space in a period (staff only)',
    description: 'From `from` to `to` (both included, at most 366 days apart); today when left out.',
    request: { query: PeriodQuery },
    responses: {
      200: json(z.object({ items: z.array(VisitSchema) }), 'The visits, in the order people came'),
      401: json(ErrorResponse, 'Not signed in'),
      403: json(ErrorResponse, 'Staff only'),
      422: json(ErrorResponse, 'Invalid period'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const from = q.from ?? q.to ?? todayInVietnam();
    const to = q.to ?? from;
    const visits = await listVisits({ db: c.var.deps.db, actor: requireActor(c), from, to });
    return c.json({ items: visits.map(visitOf) }, 200);
  },
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits',
    tags: ['spaces'],
    summary: 'Record a visit, as at the desk (staff only; send the CSRF token in X-CSRF-Token)',
    description: 'The visit is one person-level entry of the support ledger.',
    request: { body: { content: { 'application/json': { schema: DeskVisitInput } }, required: true } },
    responses: {
      201: json(z.object({ id: z.uuid(), visitedOn: z.string() }), 'Recorded'),
      400: json(ErrorResponse, 'The body is not JSON'),
      401: json(ErrorResponse, 'Not signed in'),
      403: json(ErrorResponse, 'Staff only'),
      422: json(ErrorResponse, 'Invalid input'),
    },
  }),
  async (c) => {
    const saved = await recordVisit({ db: c.var.deps.db, actor: requireActor(c), input: c.req.valid('json') });
    return c.json({ id: saved.id, visitedOn: saved.visitedOn }, 201);
  },
);
