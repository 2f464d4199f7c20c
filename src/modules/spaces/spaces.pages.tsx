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
import { bookingsFeed } from './calendar-ics.ts';
import { calendarOf, feedOfPerson, feedOfRoom, feedOwner, feedToken, occupancyOf } from './calendar-service.ts';
import {
  BookingInput,
  CalendarQuery,
  CancelForm,
  DecisionForm,
  MonthQuery,
  RoomInput,
  TimesInput,
} from './spaces.schemas.ts';
import {
  cancelBooking,
  createBooking,
  decideBooking,
  getBooking,
  getRoom,
  listBookings,
  listRooms,
  type Room,
  rescheduleBooking,
  saveRoom,
  vnDay,
} from './spaces.service.ts';
import { CalendarViewPage, OccupancyPage } from './views/calendar-pages.tsx';
import {
  BookingFormPage,
  BookingListPage,
  BookingPage,
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

spacesPages.get('/khong-gian/lich', (c) => calendarPage(c));

spacesPages.get('/khong-gian/cong-suat', allow('officer', 'admin'), async (c) => {
  const { thang } = MonthQuery.parse(c.req.query());
  const month = thang ?? todayInVietnam().slice(0, 7);
  const rows = await occupancyOf(c.var.deps.db, month);
  return render(c, <OccupancyPage ctx={pageContext(c)} month={month} rows={rows} />);
});

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

/** A calendar of one room or of the whole space: ?xem=ngay&ngay=…, ?tuan=… (default), ?xem=thang&thang=yyyy-MM. */
async function calendarPage(c: Context<AppEnv>, room?: Room) {
  const { db } = c.var.deps;
  const q = CalendarQuery.parse(c.req.query());
  const today = todayInVietnam();
  const view = q.xem === 'ngay' ? 'day' : q.xem === 'thang' ? 'month' : 'week';
  const day = (view === 'day' ? q.ngay : view === 'month' ? (q.thang ? `${q.thang}-01` : undefined) : q.tuan) ?? today;
  const rooms = room ? [room] : await listRooms(db);
  const { first, end, days } = await calendarOf({ db, actor: c.var.actor, rooms, view, day });
  return render(
    c,
    <CalendarViewPage
      ctx={pageContext(c)}
      room={room}
      view={view}
      day={day}
      first={first}
      end={end}
      days={days}
      today={today}
    />,
  );
}

spacesPages.get('/khong-gian/:slug/lich', async (c) =>
  calendarPage(c, await getRoom(c.var.deps.db, c.var.actor, c.req.param('slug'))),
);

/** A room's .ics feed: when it is held (by whom only in the booker's own feed). */
spacesPages.get('/khong-gian/:slug/lich.ics', async (c) => {
  const { db, config } = c.var.deps;
  const room = await getRoom(db, c.var.actor, c.req.param('slug'));
  const held = await feedOfRoom(db, room);
  const t = pageContext(c).t;
  const body = bookingsFeed(
    room.name,
    held.map((h) => ({
      id: h.id,
      title: t('spaces.ics.held', { room: room.name }),
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      status: h.status,
      url: `${config.BASE_URL}/khong-gian/${room.slug}/lich?xem=ngay&ngay=${vnDay(h.startsAt)}`,
    })),
  );
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${room.slug}.ics"`,
  });
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
      if (created.occurrences > 1)
        return redirectWithFlash(c, '/dat-cho', 'spaces.booking.createdSeries', { n: created.occurrences });
      return redirectWithFlash(
        c,
        `/dat-cho/${created.id}`,
        created.status === 'approved' ? 'spaces.booking.createdApproved' : 'spaces.booking.created',
      );
    },
  );
});

spacesPages.get('/dat-cho', allow(), async (c) => {
  const actor = requireActor(c);
  const bookings = await listBookings({ db: c.var.deps.db, actor });
  const feed = `${c.var.deps.config.BASE_URL}/dat-cho/lich/${feedToken(c.var.deps.cookieSecret, actor.id)}.ics`;
  return render(c, <BookingListPage ctx={pageContext(c)} bookings={bookings} feed={feed} />);
});

/** A person's .ics feed of their bookings, at a private address (calendar apps send no cookie). */
spacesPages.get('/dat-cho/lich/:token', async (c) => {
  const { db, config, cookieSecret } = c.var.deps;
  const token = c.req.param('token').replace(/\.ics$/, '');
  const owner = feedOwner(cookieSecret, token);
  if (!owner) throw new AppError('not_found', 'spaces.bookingNotFound');
  const t = pageContext(c).t;
  const rows = await feedOfPerson(db, owner);
  const body = bookingsFeed(
    t('spaces.bookings.title'),
    rows.map((b) => ({
      id: b.id,
      title: `${b.roomName}: ${b.purpose}`,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      url: `${config.BASE_URL}/dat-cho/${b.id}`,
    })),
  );
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, no-store',
  });
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
