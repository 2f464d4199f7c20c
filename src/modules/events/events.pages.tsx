import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { filePolicy } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, readForm, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { Option } from '#kernel/ui/form.tsx';
import { listCommunes } from '#modules/places/index.ts';
import {
  checkIn,
  checkInEveryone,
  checkInSheet,
  checkInWalkIn,
  eventResults,
  issueCertificates,
  reissueCertificate,
  submitFeedback,
  ticketCertificate,
  verifyCertificate,
} from './attendance/attendance.service.ts';
import {
  createEvent,
  type EventDetail,
  eventWithTitle,
  getEvent,
  listEvents,
  registrationState,
  updateEvent,
} from './calendar/events.service.ts';
import { eventCalendar } from './documents/calendar-ics.ts';
import { certificatePdf } from './documents/certificate-pdf.ts';
import { registrationsWorkbook } from './documents/export-xlsx.ts';
import {
  CalendarFilters,
  CheckInAllInput,
  CheckInInput,
  EventInput,
  FeedbackInput,
  PastRegistrationInput,
  RegistrationInput,
  WalkInInput,
} from './events.schemas.ts';
import { externalPages } from './nominations/external.pages.tsx';
import { recordPastRegistration } from './registrations/past-registration.ts';
import {
  cancelRegistration,
  getTicket,
  listRegistrations,
  myRegistrations,
  projectsOf,
  register,
  type Ticket,
  tellPromoted,
} from './registrations/registrations.service.ts';
import { CalendarPage } from './views/calendar.tsx';
import { CheckInPage, ChooseSessionPage } from './views/check-in.tsx';
import type { Duplicate } from './views/duplicate.tsx';
import { EventPage } from './views/event-detail.tsx';
import { EventFormPage } from './views/event-form.tsx';
import { MyRegistrationsPage } from './views/my-registrations.tsx';
import { sessionName } from './views/parts.tsx';
import { PastRegistrationPage } from './views/past-registration.tsx';
import { RegistrationFormPage } from './views/registration-form.tsx';
import { RegistrationsPage } from './views/registrations.tsx';
import { ResultsPage } from './views/results.tsx';
import { TicketPage } from './views/ticket.tsx';
import { VerifyPage } from './views/verify.tsx';

export const eventsPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');

/** The province's communes as options: "Xã Thất Khê". */
async function communeOptions(c: Context<AppEnv>): Promise<Option[]> {
  const { t } = c.var;
  const rows = await listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE);
  return rows.map((r) => ({ value: r.slug, label: `${t(`commune.kind.${r.kind}`)} ${r.name}` }));
}

const deps = (c: Context<AppEnv>) => c.var.deps;
const slugOf = (c: Context<AppEnv>) => c.req.param('slug') ?? '';

// ------------------------------------------------------------------ calendar and event pages

eventsPages.get('/su-kien', async (c) => {
  const query = c.req.query();
  const filters = CalendarFilters.parse(query);
  const page = pageFrom(query.page, 30);
  const { items, total } = await listEvents({
    db: deps(c).db,
    actor: c.var.actor,
    filters,
    limit: page.perPage,
    offset: page.offset,
  });
  return render(
    c,
    <CalendarPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      query={query}
      filters={filters}
      isStaff={isStaff(c.var.actor)}
    />,
  );
});

eventsPages.get('/su-kien/cua-toi', allow(), async (c) => {
  return render(
    c,
    <MyRegistrationsPage ctx={pageContext(c)} items={await myRegistrations(deps(c).db, requireActor(c))} />,
  );
});

/** What the edit form shows for a saved event. */
function formValuesOf(e: EventDetail): FormValues {
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    organiser: e.organiser,
    partners: e.partners.join('\n'),
    trainers: e.trainers.map((x) => x.name).join('\n'),
    venue: e.venue,
    sessions: e.sessions.map((s) => `${day(s.day)} ${s.startTime}-${s.endTime}`).join('\n'),
    capacity: String(e.capacity),
    audience: e.audience,
    registrationOpensOn: e.registrationOpensOn ?? '',
    registrationClosesOn: e.registrationClosesOn ?? '',
    questions: e.questions.join('\n'),
    certificatePercent: String(e.certificatePercent),
    published: e.published ? 'on' : '',
  };
}

interface FormTarget {
  title: string;
  action: string;
  cancelHref: string;
  /** An event of the same title and year: the new one is created only when the officer confirms. */
  duplicate?: Duplicate;
}

function eventForm(
  c: Context<AppEnv>,
  target: FormTarget,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(c, <EventFormPage ctx={pageContext(c)} {...target} values={values} errors={errors} />, status);
}

async function submitEventForm(c: Context<AppEnv>, target: FormTarget, save: (input: EventInput) => Promise<Response>) {
  return submitForm(
    c,
    EventInput,
    (values, errors) => eventForm(c, target, values, errors, 422),
    (input) => save(input),
  );
}

const newTarget = (c: Context<AppEnv>): FormTarget => ({
  title: c.var.t('events.new'),
  action: '/su-kien/moi',
  cancelHref: '/su-kien',
});

eventsPages.get('/su-kien/moi', staffOnly, (c) =>
  eventForm(c, newTarget(c), {
    organiser: c.var.t('site.department', { province: deps(c).provinceName }),
    audience: 'public',
    certificatePercent: '80',
    capacity: '30',
  }),
);

eventsPages.post('/su-kien/moi', staffOnly, (c) =>
  submitEventForm(c, newTarget(c), async (input) => {
    const { db } = deps(c);
    const form = await readForm(c, EventInput);
    if (form.values.confirmDuplicate !== 'on') {
      const same = await eventWithTitle(db, input.title, input.sessions[0]?.day ?? '');
      if (same) {
        const duplicate = { ...same, href: `/su-kien/${same.slug}` };
        const errors = { title: c.var.t('events.duplicate.field', { year: same.startsOn.slice(0, 4) }) };
        return eventForm(c, { ...newTarget(c), duplicate }, form.values, errors, 422);
      }
    }
    const created = await createEvent({ db, actor: requireActor(c), input });
    return redirectWithFlash(c, `/su-kien/${created.slug}`, 'events.created', { title: created.title });
  }),
);

eventsPages.get('/su-kien/:slug', async (c) => {
  const { db } = deps(c);
  const actor = c.var.actor;
  const e = await getEvent({ db, actor, slug: slugOf(c) });
  const mine =
    actor && !isStaff(actor)
      ? (await myRegistrations(db, actor)).find((r) => r.eventSlug === e.slug && r.status !== 'cancelled')
      : undefined;
  return render(
    c,
    <EventPage
      ctx={pageContext(c)}
      event={e}
      state={registrationState(actor, e)}
      isStaff={isStaff(actor)}
      myTicket={mine?.token ?? null}
    />,
  );
});

eventsPages.get('/su-kien/:slug/lich.ics', async (c) => {
  const e = await getEvent({ db: deps(c).db, actor: c.var.actor, slug: slugOf(c) });
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${e.slug}.ics"`);
  return c.body(eventCalendar(e, deps(c).config.BASE_URL));
});

// ------------------------------------------------------------------ registration

async function registrationForm(
  c: Context<AppEnv>,
  e: EventDetail,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const actor = c.var.actor;
  const projects = actor?.role === 'founder' ? await projectsOf(deps(c).db, actor.id) : [];
  return render(
    c,
    <RegistrationFormPage
      ctx={pageContext(c)}
      event={e}
      values={values}
      errors={errors}
      communes={await communeOptions(c)}
      projects={projects}
      full={e.confirmed >= e.capacity}
      onBehalf={isStaff(actor)}
    />,
    status,
  );
}

/** The event, if this person may register now; otherwise the event page says why. */
async function openEvent(c: Context<AppEnv>): Promise<EventDetail | Response> {
  const actor = c.var.actor;
  const e = await getEvent({ db: deps(c).db, actor, slug: slugOf(c) });
  const state = registrationState(actor, e);
  if (state === 'signInFirst') throw new AppError('unauthenticated');
  // Staff still record who came once an event is over, on the form made for it.
  if (state === 'ended' && isStaff(actor)) return c.redirect(`/su-kien/${e.slug}/ghi-nhan`, 303);
  if (state !== 'open') return redirectWithFlash(c, `/su-kien/${e.slug}`, `events.state.${state}`, undefined, 'error');
  return e;
}

eventsPages.get('/su-kien/:slug/dang-ky', async (c) => {
  const e = await openEvent(c);
  if (e instanceof Response) return e;
  const actor = c.var.actor;
  const mine =
    actor && !isStaff(actor)
      ? (await myRegistrations(deps(c).db, actor)).find((r) => r.eventSlug === e.slug && r.status !== 'cancelled')
      : undefined;
  if (mine) return c.redirect(`/ve/${mine.token}`, 303);
  const prefill: FormValues =
    actor && !isStaff(actor)
      ? { name: actor.name, email: actor.email, organisationType: 'individual' }
      : { organisationType: 'individual' };
  return registrationForm(c, e, prefill);
});

eventsPages.post('/su-kien/:slug/dang-ky', async (c) => {
  const e = await openEvent(c);
  if (e instanceof Response) return e;
  return submitForm(
    c,
    RegistrationInput,
    (values, errors) => registrationForm(c, e, values, errors, 422),
    async (input) => {
      const { registration: r } = await register({ deps: deps(c), actor: c.var.actor, slug: e.slug, input });
      return redirectWithFlash(
        c,
        `/ve/${r.token}`,
        r.status === 'confirmed' ? 'events.registered' : 'events.waitlisted',
        { title: e.title },
      );
    },
  );
});

// ------------------------------------------------------------------ staff: people who came to an ended event

async function pastRegistrationForm(
  c: Context<AppEnv>,
  e: EventDetail,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <PastRegistrationPage
      ctx={pageContext(c)}
      event={e}
      values={values}
      errors={errors}
      communes={await communeOptions(c)}
    />,
    status,
  );
}

/** The event, if it has ended; before that, people register on the ordinary form. */
async function endedEvent(c: Context<AppEnv>): Promise<EventDetail | Response> {
  const e = await getEvent({ db: deps(c).db, actor: c.var.actor, slug: slugOf(c) });
  if (e.endsOn >= todayInVietnam())
    return redirectWithFlash(c, `/su-kien/${e.slug}/dang-ky`, 'events.past.notEnded', undefined, 'info');
  return e;
}

eventsPages.get('/su-kien/:slug/ghi-nhan', staffOnly, async (c) => {
  const e = await endedEvent(c);
  if (e instanceof Response) return e;
  return pastRegistrationForm(c, e, { organisationType: 'individual' });
});

eventsPages.post('/su-kien/:slug/ghi-nhan', staffOnly, async (c) => {
  const e = await endedEvent(c);
  if (e instanceof Response) return e;
  return submitForm(
    c,
    PastRegistrationInput,
    (values, errors) => pastRegistrationForm(c, e, values, errors, 422),
    async (input) => {
      const done = await recordPastRegistration({ db: deps(c).db, actor: requireActor(c), slug: e.slug, input });
      return redirectWithFlash(c, `/su-kien/${e.slug}/nguoi-dang-ky`, 'events.past.done', {
        name: done.registration.name,
        sessions: done.sessions.length
          ? done.sessions.map((s) => sessionName(c.var.t, e.sessions, s)).join(', ')
          : c.var.t('events.past.noSessions'),
      });
    },
  );
});

// ------------------------------------------------------------------ a person's own page

async function ticketPage(
  c: Context<AppEnv>,
  ticket: Ticket,
  feedbackValues: Record<string, string> = {},
  feedbackErrors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const QRCode = await import('qrcode');
  const r = ticket.registration;
  const e = ticket.event;
  const today = todayInVietnam();
  const qrSvg = await QRCode.toString(`${deps(c).config.BASE_URL}/su-kien/${e.slug}/diem-danh?ma=${r.code}`, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  return render(
    c,
    <TicketPage
      ctx={pageContext(c)}
      ticket={ticket}
      qrSvg={qrSvg}
      canCancel={r.status !== 'cancelled' && e.endsOn >= today}
      canGiveFeedback={r.status === 'confirmed' && e.startsOn <= today && ticket.attendedSessionIds.length > 0}
      feedbackValues={{
        rating: ticket.feedback ? String(ticket.feedback.rating) : '',
        comments: ticket.feedback?.comments ?? '',
        ...feedbackValues,
      }}
      feedbackErrors={feedbackErrors}
      waitlistPosition={ticket.waitlistPosition}
    />,
    status,
  );
}

const tokenOf = (c: Context<AppEnv>) => c.req.param('token') ?? '';

eventsPages.get('/ve/:token', async (c) => {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return ticketPage(c, await getTicket(deps(c).db, tokenOf(c)));
});

eventsPages.post('/ve/:token/huy', async (c) => {
  const { registration: r } = await cancelRegistration({ deps: deps(c), actor: c.var.actor, token: tokenOf(c) });
  return redirectWithFlash(c, `/ve/${r.token}`, 'events.cancelled');
});

eventsPages.get('/ve/:token/chung-nhan.pdf', async (c) => {
  const cert = await ticketCertificate({ db: deps(c).db, actor: c.var.actor, token: tokenOf(c) });
  const pdf = await certificatePdf(cert, deps(c).config.BASE_URL);
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="chung-nhan-${cert.code}.pdf"`);
  c.header('Content-Security-Policy', filePolicy);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(pdf));
});

eventsPages.post('/ve/:token/gop-y', async (c) => {
  const { db } = deps(c);
  const ticket = await getTicket(db, tokenOf(c));
  const form = await readForm(c, FeedbackInput);
  if (!form.ok) return ticketPage(c, ticket, form.values as Record<string, string>, form.errors, 422);
  await submitFeedback({ db, token: ticket.registration.token, input: form.data });
  return redirectWithFlash(c, `/ve/${ticket.registration.token}`, 'events.feedback.saved');
});

// ------------------------------------------------------------------ certificates, public

eventsPages.get('/chung-nhan', async (c) => {
  const code = (c.req.query('ma') ?? '').slice(0, 40);
  const certificate = code ? await verifyCertificate(deps(c).db, code) : null;
  return render(
    c,
    <VerifyPage ctx={pageContext(c)} code={code} certificate={certificate} />,
    code && !certificate ? 404 : 200,
  );
});

eventsPages.get('/chung-nhan/:code', async (c) => {
  const code = (c.req.param('code') ?? '').slice(0, 40);
  const certificate = await verifyCertificate(deps(c).db, code);
  return render(c, <VerifyPage ctx={pageContext(c)} code={code} certificate={certificate} />, certificate ? 200 : 404);
});

// ------------------------------------------------------------------ staff: edit, people, check-in, results

const editTarget = (c: Context<AppEnv>, e: EventDetail): FormTarget => ({
  title: c.var.t('events.editTitle', { title: e.title }),
  action: `/su-kien/${e.slug}/sua`,
  cancelHref: `/su-kien/${e.slug}`,
});

eventsPages.get('/su-kien/:slug/sua', staffOnly, async (c) => {
  const e = await getEvent({ db: deps(c).db, actor: c.var.actor, slug: slugOf(c) });
  return eventForm(c, editTarget(c, e), formValuesOf(e));
});

eventsPages.post('/su-kien/:slug/sua', staffOnly, async (c) => {
  const e = await getEvent({ db: deps(c).db, actor: c.var.actor, slug: slugOf(c) });
  return submitEventForm(c, editTarget(c, e), async (input) => {
    const updated = await updateEvent({
      db: deps(c).db,
      actor: requireActor(c),
      slug: e.slug,
      input,
      onPromoted: (tx, eventId, promoted) => tellPromoted(tx, deps(c).config.BASE_URL, eventId, promoted),
    });
    deps(c).mailer.wake();
    return redirectWithFlash(c, `/su-kien/${updated.slug}`, 'events.updated');
  });
});

eventsPages.get('/su-kien/:slug/nguoi-dang-ky', staffOnly, async (c) => {
  const { db } = deps(c);
  const actor = requireActor(c);
  const e = await getEvent({ db, actor, slug: slugOf(c) });
  return render(
    c,
    <RegistrationsPage ctx={pageContext(c)} event={e} rows={await listRegistrations({ db, actor, eventId: e.id })} />,
  );
});

eventsPages.get('/su-kien/:slug/nguoi-dang-ky.xlsx', staffOnly, async (c) => {
  const { db } = deps(c);
  const actor = requireActor(c);
  const results = await eventResults({ db, actor, slug: slugOf(c) });
  const people = await listRegistrations({ db, actor, eventId: results.event.id });
  const book = await registrationsWorkbook(c.var.t, results, people);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="dang-ky-${results.event.slug}.xlsx"`);
  return c.body(new Uint8Array(book));
});

async function checkInPage(
  c: Context<AppEnv>,
  options: {
    sessionId?: string;
    code?: string;
    errors?: Record<string, string>;
    walkInValues?: FormValues;
    walkInErrors?: Record<string, string>;
    status?: 200 | 422;
  } = {},
) {
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const sheet = await checkInSheet({
    db: deps(c).db,
    actor: requireActor(c),
    slug: slugOf(c),
    sessionId: options.sessionId ?? c.req.query('buoi'),
    code: options.code ?? c.req.query('ma'),
    q,
  });
  const errors = { ...(options.errors ?? {}), ...(options.walkInErrors && !sheet.session ? options.walkInErrors : {}) };
  if (!sheet.session)
    return render(
      c,
      <ChooseSessionPage
        ctx={pageContext(c)}
        event={sheet.event}
        sessions={sheet.sessions}
        confirmedCount={sheet.confirmedCount}
        errors={errors}
      />,
      options.status ?? 200,
    );
  if (sheet.unknownCode && !errors.code) errors.code = c.var.t('events.v.codeUnknown');
  return render(
    c,
    <CheckInPage
      ctx={pageContext(c)}
      event={sheet.event}
      session={sheet.session}
      sessions={sheet.sessions}
      people={sheet.people}
      presentCount={sheet.presentCount}
      confirmedCount={sheet.confirmedCount}
      found={options.errors ? null : sheet.found}
      q={q}
      errors={errors}
      walkInValues={options.walkInValues ?? {}}
      walkInErrors={options.walkInErrors ?? {}}
      communes={await communeOptions(c)}
    />,
    options.status ?? 200,
  );
}

/** Where the check-in page of a session is, and its name for the flash: "Buổi 2 (11/07/2026)". */
function backToSession(c: Context<AppEnv>, e: Pick<EventDetail, 'sessions'>, session: EventDetail['sessions'][number]) {
  return {
    back: `/su-kien/${slugOf(c)}/diem-danh?buoi=${session.id}`,
    session: sessionName(c.var.t, e.sessions, session),
  };
}

eventsPages.get('/su-kien/:slug/diem-danh', staffOnly, (c) => checkInPage(c));

eventsPages.post('/su-kien/:slug/diem-danh', staffOnly, async (c) => {
  const sessionOf = (values: FormValues) => (typeof values.session === 'string' ? values.session : undefined);
  return submitForm(
    c,
    CheckInInput,
    (values, errors) => checkInPage(c, { sessionId: sessionOf(values), errors, status: 422 }),
    async (input) => {
      const done = await checkIn({ db: deps(c).db, actor: requireActor(c), slug: slugOf(c), input });
      const { back, session } = backToSession(c, done.event, done.session);
      if (done.checkedIn.length === 0)
        return redirectWithFlash(
          c,
          back,
          'events.checkIn.nothingNew',
          { names: done.already.join(', '), session },
          'info',
        );
      return redirectWithFlash(c, back, 'events.checkIn.done', {
        count: done.checkedIn.length,
        names: done.checkedIn.join(', '),
        session,
      });
    },
  );
});

eventsPages.post('/su-kien/:slug/diem-danh/tat-ca', staffOnly, async (c) =>
  submitForm(
    c,
    CheckInAllInput,
    (values, errors) =>
      checkInPage(c, {
        sessionId: typeof values.session === 'string' ? values.session : undefined,
        errors,
        status: 422,
      }),
    async (input) => {
      const done = await checkInEveryone({ db: deps(c).db, actor: requireActor(c), slug: slugOf(c), input });
      const { back, session } = backToSession(c, done.event, done.session);
      return redirectWithFlash(c, back, 'events.checkIn.allDone', { count: done.added, total: done.total, session });
    },
  ),
);

eventsPages.post('/su-kien/:slug/khach-vang-lai', staffOnly, (c) =>
  submitForm(
    c,
    WalkInInput,
    (values, errors) =>
      checkInPage(c, {
        sessionId: typeof values.session === 'string' ? values.session : undefined,
        walkInValues: values,
        walkInErrors: errors,
        status: 422,
      }),
    async (input) => {
      const done = await checkInWalkIn({ db: deps(c).db, actor: requireActor(c), slug: slugOf(c), input });
      const { back, session } = backToSession(c, done.event, done.session);
      return redirectWithFlash(c, back, 'events.checkIn.walkInDone', { name: done.registration.name, session });
    },
  ),
);

eventsPages.get('/su-kien/:slug/ket-qua', staffOnly, async (c) => {
  const { db } = deps(c);
  const actor = requireActor(c);
  const results = await eventResults({ db, actor, slug: slugOf(c) });
  const people = await listRegistrations({ db, actor, eventId: results.event.id });
  return render(
    c,
    <ResultsPage ctx={pageContext(c)} results={results} holders={people.filter((p) => p.certificateCode)} />,
  );
});

eventsPages.post('/su-kien/:slug/chung-nhan', staffOnly, async (c) => {
  const n = await issueCertificates({ db: deps(c).db, actor: requireActor(c), slug: slugOf(c) });
  return redirectWithFlash(c, `/su-kien/${slugOf(c)}/ket-qua`, n ? 'events.results.issued' : 'events.results.noneDue', {
    count: n,
  });
});

eventsPages.post('/su-kien/:slug/chung-nhan/:id/cap-lai', staffOnly, async (c) => {
  const done = await reissueCertificate({
    db: deps(c).db,
    actor: requireActor(c),
    slug: slugOf(c),
    registrationId: c.req.param('id') ?? '',
  });
  return redirectWithFlash(c, `/su-kien/${slugOf(c)}/ket-qua`, 'events.results.reissued', { name: done.name });
});

eventsPages.route('/', externalPages);
