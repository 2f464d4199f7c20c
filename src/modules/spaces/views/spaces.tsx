import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate, formatNumber, type Translator, timeInVietnam, todayInVietnam } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, KeyFacts, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { BookingParty, BookingView, Room } from '../spaces.service.ts';
import { roomKinds } from '../spaces.taxonomy.ts';
import { OpeningFacts, OpeningFields, RepeatFields } from './bookings-fields.tsx';

type Errors = Record<string, string>;
const tone: Record<string, Tone> = {
  requested: 'warning',
  approved: 'success',
  refused: 'danger',
  cancelled: 'neutral',
};

export const BookingStatus: FC<{ t: Translator; status: string }> = ({ t, status }) => (
  <Badge tone={tone[status] ?? 'neutral'}>{labelOf(t, 'spaces.status', status)}</Badge>
);

/** "08:00 20/06/2022 – 00:00 30/06/2022", or whole days "20/06/2022 – 29/06/2022". */
export function bookingWhen(b: Pick<BookingView, 'startsAt' | 'endsAt' | 'wholeDays'>): string {
  if (b.wholeDays) {
    const first = formatDate(b.startsAt);
    const last = formatDate(new Date(b.endsAt.getTime() - 1));
    return first === last ? first : `${first} – ${last}`;
  }
  return `${formatDate(b.startsAt)}, ${timeInVietnam(b.startsAt)} – ${timeInVietnam(b.endsAt) === '00:00' ? '24:00' : timeInVietnam(b.endsAt)}`;
}

const staff = (ctx: PageContext) => ctx.actor?.role === 'officer' || ctx.actor?.role === 'admin';

export const RoomListPage: FC<{ ctx: PageContext; rooms: Room[] }> = ({ ctx, rooms }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('spaces.title')}>
      <h1>{t('spaces.title')}</h1>
      <p class="lead list-lead">{t('spaces.lead')}</p>
      {staff(ctx) && (
        <p>
          <a href="/khong-gian/moi">{t('spaces.room.new')}</a> · <a href="/dat-cho">{t('spaces.bookings.title')}</a> ·{' '}
          <a href="/khong-gian/cong-suat">{t('spaces.occupancy.link')}</a>
        </p>
      )}
      <p>
        <a href="/khong-gian/lich">{t('spaces.cal.whole')}</a>
      </p>
      {rooms.length === 0 ? (
        <EmptyState title={t('spaces.empty')} />
      ) : (
        <ul class="cards">
          {rooms.map((r) => (
            <li class="card">
              <h2>
                <a href={`/khong-gian/${r.slug}`}>{r.name}</a>
              </h2>
              <p>
                {labelOf(t, 'spaces.kind', r.kind)} · {t('spaces.capacity', { n: formatNumber(r.capacity, lang) })}
                {!r.active && <> · {t('spaces.inactive')}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

export const RoomPage: FC<{ ctx: PageContext; room: Room }> = ({ ctx, room: r }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={r.name}>
      <p>
        <a href="/khong-gian">{t('spaces.title')}</a>
      </p>
      <h1>{r.name}</h1>
      <KeyFacts
        label={r.name}
        facts={[
          { label: t('spaces.field.kind'), value: labelOf(t, 'spaces.kind', r.kind) },
          { label: t('spaces.field.capacity'), value: formatNumber(r.capacity, lang) },
          { label: t('spaces.field.maxDays'), value: t('spaces.maxDays', { n: r.maxDays }) },
          {
            label: t('spaces.field.needsApproval'),
            value: r.needsApproval ? t('spaces.needsApproval') : t('spaces.noApproval'),
          },
          !r.active && { label: t('spaces.field.active'), value: t('spaces.inactive') },
        ]}
      >
        {r.active && (
          <a class="button button-primary" href={`/khong-gian/${r.slug}/dat-cho`}>
            {t('spaces.book')}
          </a>
        )}{' '}
        <a href={`/khong-gian/${r.slug}/lich`}>{t('spaces.calendar')}</a> ·{' '}
        <a href={`/khong-gian/${r.slug}/lich?xem=thang`}>{t('spaces.cal.month')}</a>
        {staff(ctx) && (
          <>
            {' '}
            · <a href={`/khong-gian/${r.slug}/sua`}>{t('spaces.room.edit')}</a>
          </>
        )}
      </KeyFacts>
      {r.description && <p class="pre">{r.description}</p>}
      <OpeningFacts ctx={ctx} room={r} today={todayInVietnam()} />
    </Layout>
  );
};

export const BookingFormPage: FC<{
  ctx: PageContext;
  room: Room;
  projects: { id: string; name: string }[] | null;
  values?: FormValues;
  errors?: Errors;
}> = ({ ctx, room: r, projects, values = {}, errors = {} }) => {
  const { t } = ctx;
  const title = t('spaces.book.title', { room: r.name });
  const labels = {
    project: t('spaces.field.project'),
    mode: t('spaces.field.mode'),
    date: t('spaces.field.date'),
    endDate: t('spaces.field.endDate'),
    startTime: t('spaces.field.startTime'),
    endTime: t('spaces.field.endTime'),
    purpose: t('spaces.field.purpose'),
    repeatUntil: t('spaces.field.repeatUntil'),
    skip: t('spaces.field.skip'),
  };
  const v = (name: string) => formValue(values, name);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/khong-gian/${r.slug}`}>{r.name}</a> ·{' '}
        <a href={`/khong-gian/${r.slug}/lich`}>{t('spaces.calendar')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('spaces.maxDays', { n: r.maxDays })} · {r.needsApproval ? t('spaces.needsApproval') : t('spaces.noApproval')}
      </p>
      {r.rules && (
        <details>
          <summary>{t('spaces.rules')}</summary>
          <p class="pre">{r.rules}</p>
        </details>
      )}
      {projects && projects.length === 0 ? (
        <p>{t('spaces.book.noProject')}</p>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <PostForm action={`/khong-gian/${r.slug}/dat-cho`} csrfToken={ctx.csrfToken} class="form">
            {projects ? (
              <Select
                name="project"
                label={labels.project}
                value={v('project')}
                options={projects.map((p) => ({ value: p.id, label: p.name }))}
                error={errors.project}
                required
              />
            ) : (
              <Input
                name="project"
                label={labels.project}
                hint={t('spaces.field.projectHint')}
                value={v('project')}
                error={errors.project}
                required
              />
            )}
            <Select
              name="mode"
              label={labels.mode}
              value={v('mode') || 'hours'}
              options={[
                { value: 'hours', label: t('spaces.mode.hours') },
                { value: 'days', label: t('spaces.mode.days') },
              ]}
              error={errors.mode}
              required
            />
            <Input name="date" type="date" label={labels.date} value={v('date')} error={errors.date} required />
            <Input
              name="endDate"
              type="date"
              label={labels.endDate}
              hint={t('spaces.field.endDateHint')}
              value={v('endDate')}
              error={errors.endDate}
            />
            <Input
              name="startTime"
              type="time"
              label={labels.startTime}
              hint={t('spaces.field.timeHint')}
              value={v('startTime')}
              error={errors.startTime}
            />
            <Input name="endTime" type="time" label={labels.endTime} value={v('endTime')} error={errors.endTime} />
            <RepeatFields t={t} values={values} errors={errors} />
            <TextArea
              name="purpose"
              label={labels.purpose}
              value={v('purpose')}
              error={errors.purpose}
              rows={3}
              maxlength={500}
              required
            />
            <Button>{t('spaces.book')}</Button>
          </PostForm>
        </>
      )}
    </Layout>
  );
};

export const RoomFormPage: FC<{ ctx: PageContext; room?: Room; values?: FormValues; errors?: Errors }> = ({
  ctx,
  room: r,
  values,
  errors = {},
}) => {
  const { t } = ctx;
  const title = r ? t('spaces.room.edit') : t('spaces.room.new');
  const v = (name: string, fallback: string) => (values ? formValue(values, name) : fallback);
  const checked = (name: string, fallback: boolean) => (values ? formValue(values, name) === 'on' : fallback);
  const labels = {
    name: t('spaces.field.name'),
    kind: t('spaces.field.kind'),
    capacity: t('spaces.field.capacity'),
    description: t('spaces.field.description'),
    maxDays: t('spaces.field.maxDays'),
    rules: t('spaces.field.rules'),
    bufferMinutes: t('spaces.field.bufferMinutes'),
    bookers: t('spaces.field.bookers'),
    closedDays: t('spaces.field.closedDays'),
    ...Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].flatMap((i) => [
        [`from${i}`, `${t(`spaces.weekday.${i as 0}`)}: ${t('spaces.field.from')}`],
        [`to${i}`, `${t(`spaces.weekday.${i as 0}`)}: ${t('spaces.field.to')}`],
      ]),
    ),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={r ? `/khong-gian/${r.slug}` : '/khong-gian'}>{r ? r.name : t('spaces.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={r ? `/khong-gian/${r.slug}/sua` : '/khong-gian/moi'} csrfToken={ctx.csrfToken} class="form">
        <Input name="name" label={labels.name} value={v('name', r?.name ?? '')} error={errors.name} required />
        <Select
          name="kind"
          label={labels.kind}
          value={v('kind', r?.kind ?? '')}
          options={optionsOf(t, 'spaces.kind', roomKinds)}
          error={errors.kind}
          required
        />
        <Input
          name="capacity"
          label={labels.capacity}
          inputmode="numeric"
          value={v('capacity', r ? String(r.capacity) : '')}
          error={errors.capacity}
          required
        />
        <Input
          name="maxDays"
          label={labels.maxDays}
          inputmode="numeric"
          value={v('maxDays', r ? String(r.maxDays) : '1')}
          error={errors.maxDays}
          required
        />
        <TextArea
          name="description"
          label={labels.description}
          value={v('description', r?.description ?? '')}
          error={errors.description}
          rows={5}
          maxlength={3000}
        />
        <OpeningFields ctx={ctx} room={r} values={values} errors={errors} />
        <Checkbox
          name="needsApproval"
          label={t('spaces.field.needsApproval')}
          checked={checked('needsApproval', r?.needsApproval ?? true)}
        />
        <Checkbox name="active" label={t('spaces.field.active')} checked={checked('active', r?.active ?? true)} />
        <Button>{t('spaces.room.save')}</Button>
      </PostForm>
    </Layout>
  );
};

export const BookingListPage: FC<{ ctx: PageContext; bookings: BookingView[]; feed: string }> = ({
  ctx,
  bookings,
  feed,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('spaces.bookings.title')}>
      <h1>{t('spaces.bookings.title')}</h1>
      <p>
        <a href="/khong-gian/lich">{t('spaces.cal.whole')}</a>
        {staff(ctx) && (
          <>
            {' '}
            · <a href="/khong-gian/cong-suat">{t('spaces.occupancy.link')}</a>
          </>
        )}
      </p>
      <details>
        <summary>{t('spaces.ics.mine')}</summary>
        <p>{t('spaces.ics.mineHint')}</p>
        <p class="break-all">
          <a href={feed}>{feed}</a>
        </p>
      </details>
      {bookings.length === 0 ? (
        <EmptyState title={t('spaces.bookings.empty')} />
      ) : (
        <ul class="cards">
          {bookings.map((b) => (
            <li class="card">
              <h2>
                <a href={`/dat-cho/${b.id}`}>{b.roomName}</a>
              </h2>
              <p>
                {bookingWhen(b)} · <BookingStatus t={t} status={b.status} />
              </p>
              <p>{b.projectName}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

export const BookingPage: FC<{
  ctx: PageContext;
  b: BookingView & { party: BookingParty };
  failed?: { form: 'decide' | 'cancel' | 'times'; values: FormValues; errors: Errors };
}> = ({ ctx, b, failed }) => {
  const { t } = ctx;
  const title = t('spaces.booking.title', { room: b.roomName });
  const errorsOf = (f: 'decide' | 'cancel' | 'times') => (failed?.form === f ? failed.errors : {});
  const valuesOf = (f: 'decide' | 'cancel' | 'times') => (failed?.form === f ? failed.values : {});
  const holding = b.status === 'requested' || b.status === 'approved';
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/khong-gian/${b.roomSlug}`}>{b.roomName}</a> · <a href="/dat-cho">{t('spaces.bookings.title')}</a>
      </p>
      <h1>{title}</h1>
      <KeyFacts
        label={title}
        facts={[
          { label: t('spaces.booking.status'), value: <BookingStatus t={t} status={b.status} /> },
          { label: t('spaces.booking.when'), value: bookingWhen(b) },
          { label: t('spaces.booking.project'), value: b.projectName },
          { label: t('spaces.booking.booker'), value: b.bookerName },
          { label: t('spaces.field.purpose'), value: b.purpose, wide: true },
          b.reason && { label: t('spaces.booking.reason'), value: b.reason, wide: true },
        ]}
      />
      {b.party === 'staff' && b.status === 'requested' && (
        <section class="panel" id="duyet">
          <h2>{t('spaces.booking.decide')}</h2>
          <ErrorSummary t={t} errors={errorsOf('decide')} labels={{ reason: t('spaces.field.reason') }} />
          <PostForm action={`/dat-cho/${b.id}/duyet`} csrfToken={ctx.csrfToken} class="form">
            <Select
              name="decision"
              label={t('spaces.field.decision')}
              value={formValue(valuesOf('decide'), 'decision') || 'approve'}
              options={[
                { value: 'approve', label: t('spaces.decision.approve') },
                { value: 'refuse', label: t('spaces.decision.refuse') },
              ]}
              required
            />
            <TextArea
              name="reason"
              label={t('spaces.field.reason')}
              value={formValue(valuesOf('decide'), 'reason')}
              error={errorsOf('decide').reason}
              rows={2}
              maxlength={1000}
            />
            <Button>{t('spaces.field.decision')}</Button>
          </PostForm>
        </section>
      )}
      {(b.party === 'staff' || (b.party === 'booker' && b.status === 'requested')) && holding && (
        <TimesPanel ctx={ctx} b={b} errors={errorsOf('times')} values={valuesOf('times')} />
      )}
      {(b.party === 'staff' || b.party === 'booker') && holding && (
        <section class="panel" id="huy">
          <h2>{t('spaces.booking.cancel')}</h2>
          <ErrorSummary t={t} errors={errorsOf('cancel')} labels={{ reason: t('spaces.field.reason') }} scope="huy" />
          <PostForm action={`/dat-cho/${b.id}/huy`} csrfToken={ctx.csrfToken} class="form">
            <TextArea
              scope="huy"
              name="reason"
              label={t('spaces.field.reason')}
              value={formValue(valuesOf('cancel'), 'reason')}
              error={errorsOf('cancel').reason}
              rows={2}
              maxlength={1000}
            />
            <Button kind="warning">{t('spaces.booking.cancel')}</Button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
};

/** The times of a booking as its form shows them. */
function timesOf(b: BookingView): FormValues {
  if (b.wholeDays)
    return {
      mode: 'days',
      date: todayInVietnam(b.startsAt),
      endDate: todayInVietnam(new Date(b.endsAt.getTime() - 1)),
    };
  const end = timeInVietnam(b.endsAt);
  return {
    mode: 'hours',
    date: todayInVietnam(b.startsAt),
    startTime: timeInVietnam(b.startsAt),
    endTime: end === '00:00' ? '24:00' : end,
  };
}

/** New times for the booking (the same fields as the booking form). */
const TimesPanel: FC<{ ctx: PageContext; b: BookingView; errors: Errors; values: FormValues }> = ({
  ctx,
  b,
  errors,
  values,
}) => {
  const { t } = ctx;
  const shown = Object.keys(values).length ? values : timesOf(b);
  const v = (name: string) => formValue(shown, name);
  const labels = {
    mode: t('spaces.field.mode'),
    date: t('spaces.field.date'),
    endDate: t('spaces.field.endDate'),
    startTime: t('spaces.field.startTime'),
    endTime: t('spaces.field.endTime'),
  };
  return (
    <section class="panel" id="doi-gio">
      <h2>{t('spaces.booking.reschedule')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/dat-cho/${b.id}/doi-gio`} csrfToken={ctx.csrfToken} class="form">
        <Select
          name="mode"
          label={labels.mode}
          value={v('mode')}
          options={[
            { value: 'hours', label: t('spaces.mode.hours') },
            { value: 'days', label: t('spaces.mode.days') },
          ]}
          error={errors.mode}
          required
        />
        <Input name="date" type="date" label={labels.date} value={v('date')} error={errors.date} required />
        <Input name="endDate" type="date" label={labels.endDate} value={v('endDate')} error={errors.endDate} />
        <Input name="startTime" type="time" label={labels.startTime} value={v('startTime')} error={errors.startTime} />
        <Input name="endTime" type="time" label={labels.endTime} value={v('endTime')} error={errors.endTime} />
        <Button kind="secondary">{t('spaces.booking.reschedule')}</Button>
      </PostForm>
    </section>
  );
};
