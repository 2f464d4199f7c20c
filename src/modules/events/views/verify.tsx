import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Input } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { CertificateView } from '../attendance/attendance.service.ts';
import { formatCode } from '../calendar/events.service.ts';
import { datesText } from './parts.tsx';

export interface VerifyProps {
  ctx: PageContext;
  code: string;
  certificate: CertificateView | null;
}

/** The public page a certificate's QR code opens: is this certificate real, and what does it say? */
export const VerifyPage: FC<VerifyProps> = ({ ctx, code, certificate: c }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.verify.title')}>
      <h1>{t('events.verify.title')}</h1>
      <form method="get" action="/chung-nhan" class="filters" role="search">
        <Input name="ma" label={t('events.verify.code')} hint={t('events.verify.hint')} value={code} maxlength={40} />
        <div class="filter-actions">
          <button type="submit" class="button button-secondary">
            {t('events.verify.submit')}
          </button>
        </div>
      </form>
      {code && !c && (
        <div class="flash flash-error" role="alert">
          {t('events.verify.notFound', { code })}
        </div>
      )}
      {c && (
        <section class="card" aria-labelledby="cert-heading">
          {c.replacedAt ? (
            <p class="flash flash-error">
              {t('events.verify.replaced', { date: formatDate(c.replacedAt) })}{' '}
              {c.currentCode && <a href={`/chung-nhan/${c.currentCode}`}>{formatCode(c.currentCode)}</a>}
            </p>
          ) : (
            <p class="flash flash-success">{t('events.verify.valid')}</p>
          )}
          <h2 id="cert-heading">{c.holderName}</h2>
          <dl class="facts">
            <dt>{t('events.verify.code')}</dt>
            <dd>{formatCode(c.code)}</dd>
            <dt>{labelOf(t, 'events.kind', c.event.kind)}</dt>
            <dd>{c.event.title}</dd>
            <dt>{t('events.field.dates')}</dt>
            <dd>{datesText(c.event.startsOn, c.event.endsOn)}</dd>
            <dt>{t('events.field.hours')}</dt>
            <dd>
              {t('events.verify.attendance', { attended: c.sessionsAttended, total: c.totalSessions, hours: c.hours })}
            </dd>
            <dt>{t('events.field.organiser')}</dt>
            <dd>{c.event.organiser}</dd>
            <dt>{t('events.verify.issuedAt')}</dt>
            <dd>{formatDate(c.issuedAt)}</dd>
          </dl>
        </section>
      )}
    </Layout>
  );
};
