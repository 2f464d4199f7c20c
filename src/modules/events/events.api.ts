import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import {
  type CalendarItem,
  type EventDetail,
  getEventById,
  listEvents,
  type Session,
} from './calendar/events.service.ts';
import { audiences, eventKinds, nominationStatuses, registrationStatuses } from './events.taxonomy.ts';
import { listNominations } from './nominations/nominations.service.ts';
import { myRegistrations } from './registrations/registrations.service.ts';

const day = z.string().meta({ format: 'date' });

const EventSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(eventKinds),
    title: z.string(),
    venue: z.string(),
    organiser: z.string(),
    audience: z.enum(audiences),
    startsOn: day,
    endsOn: day,
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    url: z.string(),
  })
  .openapi('EventSummary');

const SessionSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    day,
    startTime: z.string().openapi({ example: '08:00' }),
    endTime: z.string().openapi({ example: '11:30' }),
  })
  .openapi('EventSession');

const EventDetailSchema = EventSummary.extend({
  description: z.string(),
  partners: z.array(z.string()),
  trainers: z.array(z.string()),
  waitlisted: z.number().int(),
  hours: z.number(),
  registrationOpensOn: day.nullable(),
  registrationClosesOn: day.nullable(),
  sessions: z.array(SessionSchema),
  ics: z.string().openapi({ description: 'Calendar file of the sessions' }),
}).openapi('EventDetail');

const summaryOf = (
  e: Pick<
    CalendarItem,
    | 'id'
    | 'slug'
    | 'kind'
    | 'title'
    | 'venue'
    | 'organiser'
    | 'audience'
    | 'startsOn'
    | 'endsOn'
    | 'capacity'
    | 'confirmed'
  >,
) => ({
  id: e.id,
  slug: e.slug,
  kind: e.kind as (typeof eventKinds)[number],
  title: e.title,
  venue: e.venue,
  organiser: e.organiser,
  audience: e.audience as (typeof audiences)[number],
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  capacity: e.capacity,
  seatsTaken: e.confirmed,
  url: `/su-kien/${e.slug}`,
});

const sessionOf = (s: Session) => ({
  id: s.id,
  position: s.position,
  day: s.day,
  startTime: s.startTime,
  endTime: s.endTime,
});

const detailOf = (e: EventDetail) => ({
  ...summaryOf(e),
  description: e.description,
  partners: e.partners,
  trainers: e.trainers.map((x) => x.name),
  waitlisted: e.waitlisted,
  hours: e.hours,
  registrationOpensOn: e.registrationOpensOn,
  registrationClosesOn: e.registrationClosesOn,
  sessions: e.sessions.map(sessionOf),
  ics: `/su-kien/${e.slug}/lich.ics`,
});

const IdParam = z.object({ id: z.string().openapi({ description: 'Event id (uuid)' }) });
const notFound = {
  description: 'No such event, or not visible to you',
  content: { 'application/json': { schema: ErrorResponse } },
};
const PER_PAGE = 30;

export const eventsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

eventsApi.openapi(
  createRoute({
    method: 'get',
    path: '/events',
    tags: ['events'],
    summary: 'The calendar: upcoming events (soonest first) or past ones (latest first)',
    description:
      'Anonymous callers see published events open to the public or to founders; staff also see drafts and events by invitation.',
    request: {
      query: z.object({
        when: z.enum(['upcoming', 'past']).optional(),
        kind: z.enum(eventKinds).optional(),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
    },
    responses: {
      200: {
        description: 'One page of events',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(EventSummary),
              total: z.number().int(),
              page: z.number().int(),
              perPage: z.number().int(),
            }),
          },
        },
      },
      422: { description: 'Invalid query', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = pageFrom(String(q.page ?? 1), PER_PAGE);
    const { items, total } = await listEvents({
      db: c.var.deps.db,
      actor: c.var.actor,
      filters: { when: q.when, kind: q.kind },
      limit: PER_PAGE,
      offset: page.offset,
    });
    return c.json({ items: items.map(summaryOf), total, page: page.page, perPage: PER_PAGE }, 200);
  },
);

eventsApi.openapi(
  createRoute({
    method: 'get',
    path: '/events/{id}',
    tags: ['events'],
    summary: 'One event with its sessions',
    request: { params: IdParam },
    responses: {
      200: { description: 'The event', content: { 'application/json': { schema: EventDetailSchema } } },
      404: notFound,
    },
  }),
  async (c) =>
    c.json(detailOf(await getEventById({ db: c.var.deps.db, actor: c.var.actor, id: c.req.valid('param').id })), 200),
);

eventsApi.openapi(
  createRoute({
    method: 'get',
    path: '/events/{id}/sessions',
    tags: ['events'],
    summary: 'The sessions of an event (day, start and end, Vietnam time)',
    request: { params: IdParam },
    responses: {
      200: {
        description: 'Sessions in order',
        content: { 'application/json': { schema: z.object({ items: z.array(SessionSchema) }) } },
      },
      404: notFound,
    },
  }),
  async (c) => {
    const e = await getEventById({ db: c.var.deps.db, actor: c.var.actor, id: c.req.valid('param').id });
    return c.json({ items: e.sessions.map(sessionOf) }, 200);
  },
);

const MyRegistration = z
  .object({
    status: z.enum(registrationStatuses),
    code: z.string(),
    event: z.object({
      slug: z.string(),
      title: z.string(),
      kind: z.enum(eventKinds),
      venue: z.string(),
      startsOn: day,
      endsOn: day,
    }),
    url: z.string().openapi({ description: "The person's own page: ticket, QR code, certificate" }),
  })
  .openapi('MyRegistration');

eventsApi.openapi(
  createRoute({
    method: 'get',
    path: '/registrations',
    tags: ['events'],
    summary: "The signed-in person's own registrations (nobody else's)",
    responses: {
      200: {
        description: 'Own registrations, latest event first',
        content: { 'application/json': { schema: z.object({ items: z.array(MyRegistration) }) } },
      },
      401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const items = await myRegistrations(c.var.deps.db, requireActor(c));
    return c.json(
      {
        items: items.map((r) => ({
          status: r.status as (typeof registrationStatuses)[number],
          code: r.code,
          event: {
            slug: r.eventSlug,
            title: r.eventTitle,
            kind: r.eventKind as (typeof eventKinds)[number],
            venue: r.venue,
            startsOn: r.startsOn,
            endsOn: r.endsOn,
          },
          url: `/ve/${r.token}`,
        })),
      },
      200,
    );
  },
);

const NominationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(nominationStatuses),
    project: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    event: z.object({ slug: z.string(), title: z.string(), startsOn: day }),
    award: z.string(),
    contract: z.string(),
    contacts: z.number().int().nullable(),
    notes: z.string(),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .openapi('Nomination');

eventsApi.openapi(
  createRoute({
    method: 'get',
    path: '/nominations',
    tags: ['events'],
    summary: 'Projects nominated to programmes and events run by others (staff)',
    request: {
      query: z.object({ project: z.string().max(40).optional().openapi({ description: 'Only this project (uuid)' }) }),
    },
    responses: {
      200: {
        description: 'Nominations, latest event first',
        content: { 'application/json': { schema: z.object({ items: z.array(NominationSchema) }) } },
      },
      401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
      403: { description: 'Not staff', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const items = await listNominations({
      db: c.var.deps.db,
      actor: requireActor(c),
      projectId: c.req.valid('query').project,
    });
    return c.json(
      {
        items: items.map((n) => ({
          id: n.id,
          status: n.status as (typeof nominationStatuses)[number],
          project: { id: n.projectId, slug: n.projectSlug, name: n.projectName },
          event: { slug: n.eventSlug, title: n.eventTitle, startsOn: n.eventStartsOn },
          award: n.award,
          contract: n.contract,
          contacts: n.contacts,
          notes: n.notes,
          updatedAt: n.updatedAt.toISOString(),
        })),
      },
      200,
    );
  },
);
