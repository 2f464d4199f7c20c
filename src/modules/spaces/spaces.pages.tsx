import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import type { FormValues } from '#kernel/http/forms.ts';
import { submitForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { projectsOf } from '#modules/projects/index.ts';
import { BookingInput, CancelForm, DecisionForm, RoomInput, TimesInput, WeekQuery } from './spaces.schemas.ts';
import {
  addDays,
  cancelBooking,
  createBooking,
  decideBooking,
  getBooking,
  getRoom,
  listBookings,
  listRooms,
  type Room,
  rescheduleBooking,
  roomWeek,
  saveRoom,
} from './spaces.service.ts';
import {
  BookingFormPage,
  BookingListPage,
  BookingPage,
  CalendarPage,
  RoomFormPage,
  RoomListPage,
  RoomPage,
} from './views/spaces.tsx';

export const spacesPages = new Hono<AppEnv>();

spacesPages.get('/khong-gian', async (c) => {
  const rooms = await listRooms(c.var.deps.db, { all: isStaff(c.var.actor) });
  return render(c, <RoomListPage ctx={pageContext(c)} rooms={rooms} />);
});

spacesPages.get('/khong-gian/moi', allow('officer', 'admin'), (c) => render(c, <RoomFormPage ctx={pageContext(c)} />));

spacesPages.post('/khong-gian/moi', allow('officer', 'admin'), (c) =>
  submitForm(
    c,
    RoomInput,
    (values, errors, status) =>
      render(c, <RoomFormPage ctx={pageContext(c)} values={values} errors={errors} />, status),
    async (input) => {
      const saved = await saveRoom({ db: c.var.deps.db, actor: requireActor(c), input });
      return redirectWithFlash(c, `/khong-gian/${saved.slug}`, 'spaces.room.created');
    },
  ),
);

spacesPages.get('/khong-gian/:slug', async (c) => {
  const room = await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'));
  return render(c, <RoomPage ctx={pageContext(c)} room={room} />);
});

spacesPages.get('/khong-gian/:slug/sua', allow('officer', 'admin'), async (c) => {
  const room = await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'));
  return render(c, <RoomFormPage ctx={pageContext(c)} room={room} />);
});

spacesPages.post('/khong-gian/:slug/sua', allow('officer', 'admin'), async (c) => {
  const room = await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'));
  return submitForm(
    c,
    RoomInput,
    (values, errors, status) =>
      render(c, <RoomFormPage ctx={pageContext(c)} room={room} values={values} errors={errors} />, status),
    async (input) => {
      const saved = await saveRoom({ db: c.var.deps.db, actor: requireActor(c), slug: room.slug, input });
      return redirectWithFlash(c, `/khong-gian/${saved.slug}`, 'spaces.room.updated');
    },
  );
});

spacesPages.get('/khong-gian/:slug/lich', async (c) => {
  const { db } = c.var.deps;
  const room = await getRoom(db, c.var.actor, c.req.param('slug'));
  const { tuan } = WeekQuery.parse(c.req.query());
  const { monday, days } = await roomWeek({ db, actor: c.var.actor, room, day: tuan ?? todayInVietnam() });
  return render(
    c,
    <CalendarPage
      ctx={pageContext(c)}
      room={room}
      monday={monday}
      days={days}
      prev={addDays(monday, -7)}
      next={addDays(monday, 7)}
    />,
  );
});

/** The projects a founder may book for; staff type the project (null). */
async function bookableProjects(c: Context<AppEnv>) {
  const actor = requireActor(c);
  return isStaff(actor) ? null : projectsOf(c.var.deps.db, actor.id);
}

async function bookingForm(
  c: Context<AppEnv>,
  room: Room,
  values?: FormValues,
  errors?: Record<string, string>,
  status: 200 | 409 | 422 = 200,
) {
  const projects = await bookableProjects(c);
  return render(
    c,
    <BookingFormPage ctx={pageContext(c)} room={room} projects={projects} values={values} errors={errors} />,
    status,
  );
}

spacesPages.get('/khong-gian/:slug/dat-cho', allow(), async (c) => {
  const room = await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'));
  return bookingForm(c, room);
});

spacesPages.post('/khong-gian/:slug/dat-cho', allow(), async (c) => {
  const room = await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'));
  return submitForm(
    c,
    BookingInput,
    (values, errors, status) => bookingForm(c, room, values, errors, status),
    async (input) => {
      const created = await createBooking({
        db: c.var.deps.db,
        actor: requireActor(c),
        roomSlug: room.slug,
        input,
        baseUrl: c.var.deps.config.BASE_URL,
      });
      return redirectWithFlash(
        c,
        `/dat-cho/${created.id}`,
        created.status === 'approved' ? 'spaces.booking.createdApproved' : 'spaces.booking.created',
      );
    },
  );
});

spacesPages.get('/dat-cho', allow(), async (c) => {
  const bookings = await listBookings({ db: c.var.deps.db, actor: requireActor(c) });
  return render(c, <BookingListPage ctx={pageContext(c)} bookings={bookings} />);
});

async function bookingPage(
  c: Context<AppEnv>,
  failed?: { form: 'decide' | 'cancel' | 'times'; values: FormValues; errors: Record<string, string> },
  status: 200 | 409 | 422 = 200,
) {
  const b = await getBooking({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') ?? '' });
  return render(c, <BookingPage ctx={pageContext(c)} b={b} failed={failed} />, status);
}

spacesPages.get('/dat-cho/:id', allow(), (c) => bookingPage(c));

/** A form posted from the booking page: strangers get 404 before anything is read. */
async function onBookingPage<S extends z.ZodType>(
  c: Context<AppEnv>,
  form: 'decide' | 'cancel' | 'times',
  parties: readonly string[],
  schema: S,
  act: (data: z.output<S>) => Promise<Response>,
) {
  const { party } = await getBooking({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') ?? '' });
  if (!parties.includes(party)) throw new AppError('forbidden');
  return submitForm(c, schema, (values, errors, status) => bookingPage(c, { form, values, errors }, status), act, {
    conflicts: 'form',
  });
}

spacesPages.post('/dat-cho/:id/duyet', allow(), (c) =>
  onBookingPage(c, 'decide', ['staff'], DecisionForm, async (data) => {
    const id = c.req.param('id');
    const approve = data.decision === 'approve';
    await decideBooking({
      db: c.var.deps.db,
      actor: requireActor(c),
      id,
      approve,
      reason: data.reason,
      baseUrl: c.var.deps.config.BASE_URL,
    });
    return redirectWithFlash(c, `/dat-cho/${id}`, approve ? 'spaces.booking.approved' : 'spaces.booking.refused');
  }),
);

spacesPages.post('/dat-cho/:id/huy', allow(), (c) =>
  onBookingPage(c, 'cancel', ['staff', 'booker'], CancelForm, async (data) => {
    const id = c.req.param('id');
    await cancelBooking({
      db: c.var.deps.db,
      actor: requireActor(c),
      id,
      reason: data.reason,
      baseUrl: c.var.deps.config.BASE_URL,
    });
    return redirectWithFlash(c, `/dat-cho/${id}`, 'spaces.booking.cancelled');
  }),
);

spacesPages.post('/dat-cho/:id/doi-gio', allow(), (c) =>
  onBookingPage(c, 'times', ['staff', 'booker'], TimesInput, async (input) => {
    const id = c.req.param('id');
    await rescheduleBooking({
      db: c.var.deps.db,
      actor: requireActor(c),
      id,
      input,
      baseUrl: c.var.deps.config.BASE_URL,
    });
    return redirectWithFlash(c, `/dat-cho/${id}`, 'spaces.booking.rescheduled');
  }),
);
