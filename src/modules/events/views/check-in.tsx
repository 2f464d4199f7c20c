import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, type Option, PostForm, Select } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { type EventDetail, formatCode, type Session } from '../calendar/events.service.ts';
import type { Registration } from '../registrations/registrations.service.ts';
import { StatusBadge, sessionName } from './parts.tsx';
import { PersonFields, personLabels } from './registration-form.tsx';

export interface CheckInProps {
  ctx: PageContext;
  event: EventDetail;
  session: Session;
  /** Every session of the event, with how many people are in at each. */
  sessions: (Session & { present: number })[];
  /** Confirmed people (those matching the search, if any), with whether they are in for this session. */
  people: { id: string; name: string; code: string; present: boolean }[];
  presentCount: number;
  /** Everyone with a confirmed seat, whatever the search. */
  confirmedCount: number;
  /** Someone whose code was scanned or typed, waiting for the officer's confirmation. */
  found: (Pick<Registration, 'id' | 'name' | 'code' | 'status'> & { present: boolean }) | null;
  q: string;
  errors: Record<string, string>;
  walkInValues: FormValues;
  walkInErrors: Record<string, string>;
  communes: Option[];
}

const pathOf = (p: Pick<CheckInProps, 'event'>) => `/su-kien/${p.event.slug}/diem-danh`;

/** The person whose code was scanned or typed, and the button that checks them in. */
const FoundCard: FC<CheckInProps & { found: NonNullable<CheckInProps['found']> }> = (p) => {
  const { ctx, session, found } = p;
  const { t } = ctx;
  const path = pathOf(p);
  return (
    <section class="card found" aria-labelledby="found-heading">
      <h2 id="found-heading">{found.name}</h2>
      <p>
        {formatCode(found.code)} · <StatusBadge t={t} status={found.status} />
      </p>
      {found.present ? (
        <p class="flash flash-success">{t('events.checkIn.alreadyIn')}</p>
      ) : found.status === 'confirmed' ? (
        <PostForm action={path} csrfToken={ctx.csrfToken}>
          <input type="hidden" name="session" value={session.id} />
          <input type="hidden" name="code" value={found.code} />
          <Button>{t('events.checkIn.confirm')}</Button>
        </PostForm>
      ) : null}
    </section>
  );
};

/** Checking someone in by the code on their ticket. */
const ByCode: FC<CheckInProps> = (p) => {
  const { ctx, session } = p;
  const { t } = ctx;
  const path = pathOf(p);
  return (
    <section aria-labelledby="code-heading">
      <h2 id="code-heading">{t('events.checkIn.byCode')}</h2>
      <p class="hint">{t('events.checkIn.scanHint')}</p>
      <PostForm action={path} csrfToken={ctx.csrfToken} class="form inline-code">
        <input type="hidden" name="session" value={session.id} />
        <Input
          name="code"
          label={t('events.checkIn.code')}
          value=""
          error={p.errors.code}
          autocomplete="off"
          maxlength={20}
        />
        <div class="form-actions">
          <Button>{t('events.checkIn.submitCode')}</Button>
        </div>
      </PostForm>
    </section>
  );
};

/** One registered person on the list, ticked when they are in. */
const CheckInRow: FC<{ t: PageContext['t']; person: CheckInProps['people'][number] }> = ({ t, person: r }) => (
  <li class="check">
    <input type="checkbox" id={`p-${r.id}`} name="ids" value={r.id} checked={r.present} disabled={r.present} />
    <label for={`p-${r.id}`}>
      {r.name} <span class="muted">{formatCode(r.code)}</span>{' '}
      {r.present ? (
        <Badge tone="success">{t('events.checkIn.rowPresent')}</Badge>
      ) : (
        <Badge>{t('events.checkIn.rowAbsent')}</Badge>
      )}
    </label>
  </li>
);

/** Finding people by name and ticking them in. */
const ByList: FC<CheckInProps> = (p) => {
  const { ctx, session } = p;
  const { t } = ctx;
  const path = pathOf(p);
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">{t('events.checkIn.byList')}</h2>
      <form method="get" action={path} class="filters" role="search">
        <input type="hidden" name="buoi" value={session.id} />
        <Input name="q" type="search" label={t('events.checkIn.search')} value={p.q} maxlength={100} />
        <div class="filter-actions">
          <button type="submit" class="button button-secondary">
            {t('form.search')}
          </button>
        </div>
      </form>
      {p.presentCount < p.confirmedCount ? (
        <PostForm action={`${path}/tat-ca`} csrfToken={ctx.csrfToken} class="tick-all">
          <input type="hidden" name="session" value={session.id} />
          <p class="hint">{t('events.checkIn.allHint', { session: sessionName(t, p.event.sessions, session) })}</p>
          <Button kind="secondary">{t('events.checkIn.all', { total: p.confirmedCount })}</Button>
        </PostForm>
      ) : (
        p.confirmedCount > 0 && <p class="muted">{t('events.checkIn.allIn')}</p>
      )}
      <PostForm action={path} csrfToken={ctx.csrfToken}>
        <input type="hidden" name="session" value={session.id} />
        <ul class="check-list">
          {p.people.map((r) => (
            <CheckInRow t={t} person={r} />
          ))}
        </ul>
        {p.people.length === 0 && <p class="muted">{t('list.noResults')}</p>}
        {p.people.length > 0 && (
          <div class="form-actions">
            <Button>{t('events.checkIn.submitList')}</Button>
          </div>
        )}
      </PostForm>
    </section>
  );
};

/** The sessions to choose from, each with how many people are in: the page of an event not on today. */
const SessionChooser: FC<{ ctx: PageContext; path: string; sessions: CheckInProps['sessions']; confirmed: number }> = ({
  ctx,
  path,
  sessions,
  confirmed,
}) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('events.checkIn.pickTitle')}</h2>
      <ul class="session-choices">
        {sessions.map((s) => (
          <li>
            <a class="button button-secondary" href={`${path}?buoi=${s.id}`}>
              {sessionName(t, sessions, s, true)}
            </a>{' '}
            <span class="muted">{t('events.checkIn.sessionCount', { present: s.present, total: confirmed })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The session picker at the top of the page; with none chosen it starts on "choose". */
const SessionSelect: FC<{ ctx: PageContext; path: string; sessions: Session[]; current: Session | null }> = ({
  ctx,
  path,
  sessions,
  current,
}) => {
  const { t } = ctx;
  const options: Option[] = sessions.map((s) => ({ value: s.id, label: sessionName(t, sessions, s, true) }));
  return (
    <form method="get" action={path} class="filters">
      <Select
        name="buoi"
        label={t('events.checkIn.session')}
        value={current?.id ?? ''}
        options={options}
        placeholder={current ? undefined : t('events.checkIn.pickPlaceholder')}
        required
      />
      <div class="filter-actions">
        <button type="submit" class="button button-secondary">
          {t('events.checkIn.changeSession')}
        </button>
      </div>
    </form>
  );
};

/**
 * The check-in page of an event with no session today and none chosen: it asks which session,
 * rather than guessing (ticking people into the wrong session goes unnoticed).
 */
export const ChooseSessionPage: FC<Pick<CheckInProps, 'ctx' | 'event' | 'sessions' | 'confirmedCount' | 'errors'>> = (
  p,
) => {
  const { ctx, event: e } = p;
  const { t } = ctx;
  const path = pathOf(p);
  return (
    <Layout ctx={ctx} title={`${t('events.checkIn.title')} – ${e.title}`}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/su-kien/${e.slug}`}>{e.title}</a>
      </nav>
      <h1>{t('events.checkIn.title')}</h1>
      <p class="lead" role="status">
        {t('events.checkIn.pickLead')}
      </p>
      <ErrorSummary t={t} errors={p.errors} labels={{ session: t('events.checkIn.session') }} />
      <SessionSelect ctx={ctx} path={path} sessions={e.sessions} current={null} />
      <SessionChooser ctx={ctx} path={path} sessions={p.sessions} confirmed={p.confirmedCount} />
    </Layout>
  );
};

/** One light page an officer uses from a phone at the door: scan/type a code, tick a list, add a walk-in. */
export const CheckInPage: FC<CheckInProps> = (p) => {
  const { ctx, event: e, session } = p;
  const { t } = ctx;
  const path = pathOf(p);
  const name = sessionName(t, e.sessions, session);
  // No one registered: nothing to tick or scan; the walk-in form is the way in.
  const nobody = p.confirmedCount === 0;
  return (
    <Layout ctx={ctx} title={`${t('events.checkIn.titleFor', { session: name })} – ${e.title}`}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/su-kien/${e.slug}`}>{e.title}</a>
      </nav>
      <h1>{t('events.checkIn.titleFor', { session: name })}</h1>
      <SessionSelect ctx={ctx} path={path} sessions={e.sessions} current={session} />
      <p class="lead" role="status">
        {nobody
          ? t('events.checkIn.nobody')
          : t('events.checkIn.present', { present: p.presentCount, total: p.confirmedCount })}
      </p>
      <ErrorSummary
        t={t}
        errors={p.errors}
        labels={{ code: t('events.checkIn.code'), session: t('events.checkIn.session') }}
      />
      {p.found && <FoundCard {...p} found={p.found} />}
      {!nobody && (
        <>
          <ByCode {...p} />
          <ByList {...p} />
        </>
      )}
      <details class="card" open={nobody || Object.keys(p.walkInErrors).length > 0}>
        <summary>{t('events.checkIn.walkIn')}</summary>
        <ErrorSummary t={t} errors={p.walkInErrors} labels={personLabels(t)} />
        <PostForm action={`/su-kien/${e.slug}/khach-vang-lai`} csrfToken={ctx.csrfToken} class="form">
          <input type="hidden" name="session" value={session.id} />
          <PersonFields t={t} values={p.walkInValues} errors={p.walkInErrors} communes={p.communes} />
          <div class="form-actions">
            <Button>{t('events.checkIn.submitWalkIn')}</Button>
          </div>
        </PostForm>
      </details>
    </Layout>
  );
};
