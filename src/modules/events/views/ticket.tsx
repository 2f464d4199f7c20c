import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, type Option, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { formatCode } from '../calendar/events.service.ts';
import type { Ticket } from '../registrations/registrations.service.ts';
import { datesText, QrCode, SessionList, StatusBadge } from './parts.tsx';

export interface TicketPageProps {
  ctx: PageContext;
  ticket: Ticket;
  qrSvg: string;
  canCancel: boolean;
  canGiveFeedback: boolean;
  feedbackValues: Record<string, string>;
  feedbackErrors: Record<string, string>;
  /** A waitlisted person's place in the queue (1 = next). */
  waitlistPosition: number | null;
}

/** The code and its QR for a confirmed place; otherwise the waiting list or the cancellation. */
const TicketCode: FC<TicketPageProps> = ({ ctx, ticket, qrSvg }) => {
  const { t } = ctx;
  const r = ticket.registration;
  return (
    <section class="card ticket" aria-label={t('events.ticket.code')}>
      {r.status === 'confirmed' ? (
        <>
          <h2>{t('events.ticket.code')}</h2>
          <p class="ticket-code">{formatCode(r.code)}</p>
          <QrCode svg={qrSvg} label={t('events.ticket.qrLabel', { code: formatCode(r.code) })} />
          <p class="hint">{t('events.ticket.show')}</p>
        </>
      ) : r.status === 'waitlisted' ? (
        <p>{t('events.ticket.waitlisted')}</p>
      ) : (
        <p>{t('events.ticket.cancelled', { date: r.cancelledAt ? formatDate(r.cancelledAt) : '' })}</p>
      )}
    </section>
  );
};

/** After the event: a rating and comments. */
const FeedbackForm: FC<TicketPageProps> = ({ ctx, ticket, feedbackValues, feedbackErrors }) => {
  const { t } = ctx;
  const base = `/ve/${ticket.registration.token}`;
  const ratings: Option[] = [5, 4, 3, 2, 1].map((n) => ({
    value: String(n),
    label: t(`events.feedback.rating.${n as 1 | 2 | 3 | 4 | 5}`),
  }));
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('events.feedback.title')}</h2>
      {ticket.feedback && <p class="muted">{t('events.feedback.thanks')}</p>}
      <ErrorSummary
        t={t}
        errors={feedbackErrors}
        labels={{ rating: t('events.feedback.rating'), comments: t('events.feedback.comments') }}
      />
      <PostForm action={`${base}/gop-y`} csrfToken={ctx.csrfToken} class="form">
        <Select
          name="rating"
          label={t('events.feedback.rating')}
          value={feedbackValues.rating}
          placeholder={t('form.choose')}
          options={ratings}
          error={feedbackErrors.rating}
          required
        />
        <TextArea
          name="comments"
          label={t('events.feedback.comments')}
          value={feedbackValues.comments}
          error={feedbackErrors.comments}
          optionalText={t('form.optional')}
          rows={3}
          maxlength={3000}
        />
        <div class="form-actions">
          <Button>{t('events.feedback.submit')}</Button>
        </div>
      </PostForm>
    </section>
  );
};

export const TicketPage: FC<TicketPageProps> = (p) => {
  const { ctx, ticket, canCancel, canGiveFeedback, waitlistPosition } = p;
  const { t } = ctx;
  const r = ticket.registration;
  const e = ticket.event;
  const base = `/ve/${r.token}`;
  return (
    <Layout ctx={ctx} title={t('events.ticket.title')}>
      <h1>{t('events.ticket.title')}</h1>
      <h2>
        <a href={`/su-kien/${e.slug}`}>{e.title}</a>
      </h2>
      <p>
        {datesText(e.startsOn, e.endsOn)} · {e.venue}
      </p>
      <dl class="facts">
        <dt>{t('events.field.name')}</dt>
        <dd>{r.name}</dd>
        <dt>{t('events.xlsx.status')}</dt>
        <dd>
          <StatusBadge t={t} status={r.status} />
          {waitlistPosition !== null && <> {t('events.ticket.waitlistPosition', { n: waitlistPosition })}</>}
        </dd>
        <dt>{t('events.field.sex')}</dt>
        <dd>
          {labelOf(t, 'events.sex', r.sex)}, {labelOf(t, 'events.ethnicity', r.ethnicity)}, {r.birthYear}
        </dd>
        {ticket.communeName && (
          <>
            <dt>{t('events.field.commune')}</dt>
            <dd>{ticket.communeName}</dd>
          </>
        )}
      </dl>
      <TicketCode {...p} />
      <h2>{t('events.sessions')}</h2>
      <SessionList t={t} sessions={e.sessions} attended={ticket.attendedSessionIds} />
      {ticket.certificateCode && (
        <p>
          <a class="button button-primary" href={`${base}/chung-nhan.pdf`}>
            {t('events.ticket.certificate')}
          </a>{' '}
          <a href={`/chung-nhan/${ticket.certificateCode}`}>{t('events.ticket.certificateVerify')}</a>
        </p>
      )}
      {canGiveFeedback && <FeedbackForm {...p} />}
      <p class="hint">{t('events.ticket.keepLink')}</p>
      {canCancel && (
        <PostForm action={`${base}/huy`} csrfToken={ctx.csrfToken}>
          <input type="hidden" name="confirm" value="yes" />
          <Button kind="warning">{t('events.ticket.cancel')}</Button>
        </PostForm>
      )}
    </Layout>
  );
};
