import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { takeAttempt } from '#kernel/auth/limits.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { toXlsx, xlsxType } from '#kernel/http/xlsx.ts';
import { formatDate, timeInVietnam, todayInVietnam } from '#kernel/i18n/index.ts';
import { communeOptions } from '#kernel/ui/communes.ts';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { listCommunes } from '#modules/places/index.ts';
import { projectsOf, supportNeeds } from '#modules/projects/index.ts';
import { requestRef, urgencies, WalkInInput } from '#modules/requests/index.ts';
import { addDays } from './spaces.service.ts';
import {
  CheckInPage,
  DeskFormPage,
  DeskPage,
  type DeskPeriod,
  PosterPage,
  ThanksPage,
  VisitRequestPage,
} from './views/visits.tsx';
import { CheckInInput, DeskVisitInput, VisitsQuery, WalkInCheckIn } from './visits.schemas.ts';
import {
  checkIn,
  fileRequestFromVisit,
  getVisit,
  listVisits,
  monthEnd,
  recordVisit,
  removeVisit,
  type VisitView,
  visitsByDay,
} from './visits.service.ts';

export const visitsPages = new Hono<AppEnv>();

const staffOnly = allow('officer', 'admin');

/** Self check-ins that may be recorded from one address (a Department's wifi is shared) or account in 15 minutes. */
const CHECK_INS_PER_ADDRESS = 30;
const CHECK_INS_PER_ACCOUNT = 5;

async function communeChoices(c: Context<AppEnv>) {
  return communeOptions(c.var.t, await listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE), {
    formerDistrict: true,
  });
}

async function checkInForm(c: Context<AppEnv>, values?: FormValues, errors?: Record<string, string>, status = 200) {
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <CheckInPage ctx={pageContext(c)} communes={await communeChoices(c)} values={values} errors={errors} />,
    status as 200 | 422,
  );
}

// ——— The visitor, from the QR poster at the door ———

visitsPages.get('/den-lam-viec', (c) => checkInForm(c));

visitsPages.post('/den-lam-viec', (c) =>
  submitForm(
    c,
    c.var.actor ? CheckInInput : WalkInCheckIn,
    (values, errors, status) => checkInForm(c, values, errors, status),
    async (input) => {
      const { db } = c.var.deps;
      const actor = c.var.actor;
      // Only a check-in that would be recorded counts towards the limit: a mistyped form costs nothing.
      const allowed = await takeAttempt(db, {
        key: actor ? `visit:u:${actor.id}` : `visit:ip:${clientIp(c)}`,
        limit: actor ? CHECK_INS_PER_ACCOUNT : CHECK_INS_PER_ADDRESS,
        windowMinutes: 15,
      });
      if (!allowed) throw new AppError('too_many_requests');
      await checkIn({ db, actor, input });
      // A founder with a project writes the request themselves; anyone else is met at the desk.
      if (input.purpose === 'support' && actor?.role === 'founder' && (await projectsOf(db, actor.id)).length > 0) {
        const query = new URLSearchParams({ noi_dung: input.note });
        return redirectWithFlash(c, `/yeu-cau/moi?${query}`, 'visits.flash.checkedInRequest');
      }
      return redirectWithFlash(
        c,
        input.purpose === 'support' ? '/den-lam-viec/cam-on?ho-tro=1' : '/den-lam-viec/cam-on',
        'visits.flash.checkedIn',
      );
    },
  ),
);

visitsPages.get('/den-lam-viec/cam-on', (c) =>
  render(c, <ThanksPage ctx={pageContext(c)} support={c.req.query('ho-tro') === '1'} />),
);

// ——— The officer's desk ———

/** The period the desk shows: `?thang=yyyy-MM` a month, else `?ngay=` a day (today by default). */
function periodOf(c: Context<AppEnv>): DeskPeriod {
  const q = VisitsQuery.parse(c.req.query());
  if (q.thang && !q.ngay) {
    const [y, m] = q.thang.split('-').map(Number) as [number, number];
    const shift = (n: number) => new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
    return {
      kind: 'month',
      value: q.thang,
      prev: shift(-1),
      next: shift(1),
      from: `${q.thang}-01`,
      to: monthEnd(q.thang),
    };
  }
  const day = q.ngay ?? todayInVietnam();
  return { kind: 'day', value: day, prev: addDays(day, -1), next: addDays(day, 1), from: day, to: day };
}

visitsPages.get('/quan-ly/luot-den', staffOnly, async (c) => {
  const period = periodOf(c);
  const { db } = c.var.deps;
  const visits = await listVisits({ db, actor: requireActor(c), from: period.from, to: period.to });
  const byDay = period.kind === 'month' ? await visitsByDay(db, period.from, period.to) : [];
  return render(c, <DeskPage ctx={pageContext(c)} period={period} visits={visits} byDay={byDay} />);
});

/** The visits of the period as rows of a spreadsheet (personal data: staff only, never cached). */
function exportRows(c: Context<AppEnv>, visits: VisitView[]) {
  const t = c.var.t;
  return {
    header: [
      t('visits.field.day'),
      t('visits.col.when'),
      t('visits.col.visitor'),
      t('visits.col.phone'),
      t('visits.col.commune'),
      t('visits.col.purpose'),
      t('visits.col.note'),
      t('visits.col.request'),
      t('visits.col.channel'),
    ],
    rows: visits.map((v) => [
      formatDate(v.visitedOn),
      timeInVietnam(v.arrivedAt),
      v.fullName,
      v.phone,
      v.communeName,
      labelOf(t, 'visits.purpose', v.purpose),
      v.note,
      v.requestNumber !== null ? requestRef(v.requestNumber) : '',
      labelOf(t, 'visits.channel', v.channel),
    ]),
  };
}

visitsPages.get('/quan-ly/luot-den/tai-ve', staffOnly, async (c) => {
  const period = periodOf(c);
  const visits = await listVisits({ db: c.var.deps.db, actor: requireActor(c), from: period.from, to: period.to });
  const { header, rows } = exportRows(c, visits);
  c.header('Cache-Control', 'no-store');
  if (c.req.query('dang') === 'xlsx') {
    const body = await toXlsx([{ name: c.var.t('visits.export.sheet'), header, rows }]);
    c.header('Content-Type', xlsxType);
    c.header('Content-Disposition', `attachment; filename="luot-den-${period.value}.xlsx"`);
    return c.body(body as Uint8Array<ArrayBuffer>);
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="luot-den-${period.value}.csv"`);
  return c.body(toCsv(header, rows));
});

visitsPages.get('/quan-ly/luot-den/ap-phich', staffOnly, async (c) => {
  const link = `${c.var.deps.config.BASE_URL}/den-lam-viec`;
  const qrSvg = await (await import('qrcode')).toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return render(c, <PosterPage ctx={pageContext(c)} qrSvg={qrSvg} link={link} />);
});

async function deskForm(c: Context<AppEnv>, values?: FormValues, errors?: Record<string, string>, status = 200) {
  return render(
    c,
    <DeskFormPage ctx={pageContext(c)} communes={await communeChoices(c)} values={values} errors={errors} />,
    status as 200 | 422,
  );
}

visitsPages.get('/quan-ly/luot-den/moi', staffOnly, (c) => deskForm(c));

visitsPages.post('/quan-ly/luot-den/moi', staffOnly, (c) =>
  submitForm(
    c,
    DeskVisitInput,
    (values, errors, status) => deskForm(c, values, errors, status),
    async (input) => {
      const saved = await recordVisit({ db: c.var.deps.db, actor: requireActor(c), input });
      return redirectWithFlash(c, `/quan-ly/luot-den?ngay=${saved.visitedOn}`, 'visits.flash.recorded');
    },
  ),
);

async function requestForm(c: Context<AppEnv>, values?: FormValues, errors?: Record<string, string>, status = 200) {
  const vis = await getVisit({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') ?? '' });
  const t = c.var.t;
  return render(
    c,
    <VisitRequestPage
      ctx={pageContext(c)}
      visit={vis}
      communes={await communeChoices(c)}
      needs={optionsOf(t, 'project.need', supportNeeds)}
      urgencies={optionsOf(t, 'requests.urgency', urgencies)}
      values={
        values ?? {
          contactName: vis.fullName,
          contactPhone: vis.phone,
          contactEmail: vis.email,
          commune: vis.communeSlug ?? '',
          body: vis.note,
          urgency: 'normal',
        }
      }
      errors={errors}
    />,
    status as 200 | 409 | 422,
  );
}

visitsPages.get('/quan-ly/luot-den/:id/yeu-cau', staffOnly, async (c) => {
  const vis = await getVisit({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') });
  if (vis.requestNumber !== null) return c.redirect(`/yeu-cau/${vis.requestNumber}`, 303);
  return requestForm(c);
});

visitsPages.post('/quan-ly/luot-den/:id/yeu-cau', staffOnly, (c) =>
  submitForm(
    c,
    WalkInInput,
    (values, errors, status) => requestForm(c, values, errors, status),
    async (input) => {
      const { db, mailer, config } = c.var.deps;
      const { number } = await fileRequestFromVisit({
        db,
        actor: requireActor(c),
        mailer,
        baseUrl: config.BASE_URL,
        id: c.req.param('id'),
        input,
      });
      return redirectWithFlash(c, `/yeu-cau/${number}`, 'visits.request.filed', { ref: requestRef(number) });
    },
    { conflicts: 'form' },
  ),
);

visitsPages.post('/quan-ly/luot-den/:id/xoa', staffOnly, async (c) => {
  const vis = await getVisit({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') });
  await removeVisit({ db: c.var.deps.db, actor: requireActor(c), id: vis.id });
  return redirectWithFlash(c, `/quan-ly/luot-den?ngay=${vis.visitedOn}`, 'visits.flash.removed');
});
