import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { isStaff } from '#kernel/auth/roles.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { getRoom, listRooms, type Room, roomWeek } from './spaces.service.ts';
import { bookingStatuses, roomKinds } from './spaces.taxonomy.ts';

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
