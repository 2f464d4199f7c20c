import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { occupancyOf } from './calendar-service.ts';
import { BookingInput, MonthQuery } from './spaces.schemas.ts';
import { createBooking, getRoom, listRooms, type Room, roomWeek, vnDay } from './spaces.service.ts';
import { bookerRoles, bookingStatuses, roomKinds } from './spaces.taxonomy.ts';

const day = z.string().meta({ format: 'date' });

const RoomSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(roomKinds),
    capacity: z.number().int(),
    description: z.string(),
    needsApproval: z.boolean(),
    maxDays: z.number().int(),
    active: z.boolean(),
    rules: z.string(),
    bufferMinutes: z.number().int(),
    bookers: z.array(z.enum(bookerRoles)).openapi({ description: 'Who may book besides staff' }),
    weeklyHours: z
      .array(z.object({ from: z.string(), to: z.string() }).nullable())
      .openapi({ description: 'Monday first; null when closed that weekday' }),
    closedDays: z.array(z.object({ day, note: z.string() })),
    closedOnHolidays: z.boolean(),
    url: z.string(),
  })
  .openapi('Room');

const roomOf = (r: Room) => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind as (typeof roomKinds)[number],
  capacity: r.capacity,
  description: r.description,
  needsApproval: r.needsApproval,
  maxDays: r.maxDays,
  active: r.active,
  rules: r.rules,
  bufferMinutes: r.bufferMinutes,
  bookers: r.bookers as (typeof bookerRoles)[number][],
  weeklyHours: r.weeklyHours,
  closedDays: r.closedDays,
  closedOnHolidays: r.closedOnHolidays,
  url: `/khong-gian/${r.slug}`,
});

const WeekSchema = z
  .object({
    room: z.string(),
    monday: day,
    days: z.array(
      z.object({
        day,
        bookings: z.array(
          z.object({
            from: z.string().openapi({ example: '08:00' }),
            to: z.string().openapi({ example: '24:00' }),
            status: z.enum(bookingStatuses),
            project: z.string().openapi({ description: 'Only for staff and the booker; empty otherwise' }),
          }),
        ),
      }),
    ),
  })
  .openapi('RoomWeek');

export const spacesApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

spacesApi.openapi(
  createRoute({
    method: 'get',
    path: '/rooms',
    tags: ['spaces'],
    summary: 'The rooms of the coworking space',
    description: 'Everyone sees the rooms in use; staff also see rooms out of use.',
    responses: {
      200: {
        description: 'The rooms',
        content: { 'application/json': { schema: z.object({ items: z.array(RoomSchema) }) } },
      },
    },
  }),
  async (c) => {
    const rooms = await listRooms(c.var.deps.db, { all: isStaff(c.var.actor) });
    return c.json({ items: rooms.map(roomOf) }, 200);
  },
);

spacesApi.openapi(
  createRoute({
    method: 'get',
    path: '/rooms/{slug}/week',
    tags: ['spaces'],
    summary: "A room's week (Monday to Sunday, Vietnam time): when it is held",
    request: {
      params: z.object({ slug: z.string().max(200) }),
      query: z.object({ day: day.regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    },
    responses: {
      200: { description: 'The week', content: { 'application/json': { schema: WeekSchema } } },
      404: { description: 'No such room', content: { 'application/json': { schema: ErrorResponse } } },
      422: { description: 'Invalid query', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const room = await getRoom(db, c.var.actor, c.req.valid('param').slug);
    const asked = c.req.valid('query').day;
    const valid =
      asked &&
      !Number.isNaN(Date.parse(`${asked}T00:00:00Z`)) &&
      new Date(`${asked}T00:00:00Z`).toISOString().startsWith(asked);
    const { monday, days } = await roomWeek({ db, actor: c.var.actor, room, day: valid ? asked : todayInVietnam() });
    return c.json(
      {
        room: room.slug,
        monday,
        days: days.map((d) => ({
          day: d.day,
          bookings: d.bookings.map((b) => ({
            from: b.from,
            to: b.to,
            status: b.status as (typeof bookingStatuses)[number],
            project: b.projectName,
          })),
        })),
      },
      200,
    );
  },
);

const BookingCreated = z
  .object({
    id: z.uuid(),
    status: z.enum(bookingStatuses),
    startsAt: z.string().meta({ format: 'date-time' }),
    endsAt: z.string().meta({ format: 'date-time' }),
    firstDay: day,
    occurrences: z.number().int().openapi({ description: 'Bookings made: more than 1 for a weekly series' }),
    url: z.string(),
  })
  .openapi('BookingCreated');

const text = (max: number) => z.string().max(max).optional();

spacesApi.openapi(
  createRoute({
    method: 'post',
    path: '/rooms/{slug}/bookings',
    middleware: [allow()] as const,
    tags: ['spaces'],
    summary: 'Book a room for a project (the same rules as the form). Send the X-CSRF-Token header.',
    description:
      'By the hour (`mode: hours`, one day from `startTime` to `endTime`) or by whole days (`mode: days`, `date` to `endDate`); `repeatUntil` repeats it weekly (each occurrence a booking), less the days in `skip`. A time that meets another booking, a closed day or a time outside opening hours is refused with 422 and a message naming the free times or the days.',
    request: {
      params: z.object({ slug: z.string().max(200) }),
      body: {
        content: {
          'application/json': {
            schema: z.object({
              project: z.string().max(200).openapi({ description: "The project's id or address" }),
              mode: z.enum(['hours', 'days']),
              date: day,
              endDate: day.optional(),
              startTime: text(5).openapi({ example: '08:00' }),
              endTime: text(5).openapi({ example: '10:00' }),
              purpose: z.string().max(500),
              repeatUntil: day.optional(),
              skip: text(2000).openapi({ description: 'Days to skip, comma-separated' }),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Booked', content: { 'application/json': { schema: BookingCreated } } },
      401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
      404: { description: 'No such room', content: { 'application/json': { schema: ErrorResponse } } },
      422: { description: 'Refused', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const parsed = BookingInput.safeParse(c.req.valid('json'));
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const created = await createBooking({
      db: c.var.deps.db,
      actor,
      roomSlug: c.req.valid('param').slug,
      input: parsed.data,
      baseUrl: c.var.deps.config.BASE_URL,
    });
    return c.json(
      {
        id: created.id,
        status: created.status as (typeof bookingStatuses)[number],
        startsAt: created.startsAt.toISOString(),
        endsAt: created.endsAt.toISOString(),
        firstDay: vnDay(created.startsAt),
        occurrences: created.occurrences,
        url: `/dat-cho/${created.id}`,
      },
      201,
    );
  },
);

const OccupancySchema = z
  .object({
    month: z.string().openapi({ example: '2022-06' }),
    rooms: z.array(
      z.object({
        room: z.string(),
        name: z.string(),
        hoursBooked: z.number(),
        hoursOpen: z.number(),
        rate: z.number().openapi({ description: 'hoursBooked ÷ hoursOpen, 0 to 1' }),
      }),
    ),
  })
  .openapi('Occupancy');

spacesApi.openapi(
  createRoute({
    method: 'get',
    path: '/occupancy',
    middleware: [allow('officer', 'admin')] as const,
    tags: ['spaces'],
    summary: "Each room's occupancy in a month (staff): hours of approved bookings ÷ hours open",
    request: { query: z.object({ month: z.string().max(7).optional() }) },
    responses: {
      200: { description: 'The rooms', content: { 'application/json': { schema: OccupancySchema } } },
      401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
      403: { description: 'Not staff', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const month = MonthQuery.parse({ thang: c.req.valid('query').month }).thang ?? todayInVietnam().slice(0, 7);
    const rows = await occupancyOf(c.var.deps.db, month);
    return c.json(
      {
        month,
        rooms: rows.map((o) => ({
          room: o.room.slug,
          name: o.room.name,
          hoursBooked: o.booked,
          hoursOpen: o.open,
          rate: Math.round(o.rate * 1000) / 1000,
        })),
      },
      200,
    );
  },
);
