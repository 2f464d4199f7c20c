import type { FC } from 'hono/jsx';
import { formatNumber, type Translator } from '#kernel/i18n/index.ts';
import { EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Breakdown, EventResults } from '../attendance/attendance.service.ts';
import type { RegistrationRow } from '../registrations/registrations.service.ts';
import { sessionText } from './parts.tsx';

const BreakdownTable: FC<{ t: Translator; title: string; rows: Breakdown[]; label: (key: string) => string }> = ({
  t,
  title,
  rows,
  label,
}) => (
  <section>
    <h3>{title}</h3>
    {rows.length === 0 ? (
      <p class="muted">{t('list.empty')}</p>
    ) : (
      <Table
        caption={title}
        rows={rows}
        columns={[
          { label: title, primary: true, cell: (b) => label(b.key) },
          { label: t('events.xlsx.count'), numeric: true, cell: (b) => String(b.count) },
        ]}
      />
    )}
  </section>
);

export interface ResultsProps {
  ctx: PageContext;
  results: EventResults;
  /** People with a certificate, who may need it reissued. */
  holders: RegistrationRow[];
}

/** The rule for certificates, issuing them, and reissuing one to a holder. */
const Certificates: FC<ResultsProps> = ({ ctx, results: r, holders }) => {
  const { t, lang } = ctx;
  const e = r.event;
  const path = `/su-kien/${e.slug}`;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <>
      <h2>{t('events.results.certificatesTitle')}</h2>
      <p>
        {t('events.results.rule', {
          percent: e.certificatePercent,
          eligible: n(r.eligible),
          issued: n(r.certificates),
        })}
      </p>
      <PostForm action={`${path}/chung-nhan`} csrfToken={ctx.csrfToken}>
        <Button>{t('events.results.issue')}</Button>
      </PostForm>
      {holders.length > 0 && (
        <details>
          <summary>{t('events.results.reissueTitle')}</summary>
          <ul class="plain">
            {holders.map((h) => (
              <li>
                <PostForm action={`${path}/chung-nhan/${h.id}/cap-lai`} csrfToken={ctx.csrfToken} class="inline-form">
                  <span>{h.name}</span> <Button kind="secondary">{t('events.results.reissue')}</Button>
                </PostForm>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
};

/** Participants by sex, ethnicity, age, organisation type and commune. */
const Breakdowns: FC<ResultsProps> = ({ ctx, results: r }) => {
  const { t } = ctx;
  return (
    <>
      <h2>{t('events.results.breakdowns')}</h2>
      <div class="cards">
        <BreakdownTable
          t={t}
          title={t('events.results.bySex')}
          rows={r.bySex}
          label={(k) => labelOf(t, 'events.sex', k)}
        />
        <BreakdownTable
          t={t}
          title={t('events.results.byEthnicity')}
          rows={r.byEthnicity}
          label={(k) => labelOf(t, 'events.ethnicity', k)}
        />
        <BreakdownTable
          t={t}
          title={t('events.results.byAge')}
          rows={r.byAge}
          label={(k) => labelOf(t, 'events.age', k)}
        />
        <BreakdownTable
          t={t}
          title={t('events.results.byOrganisationType')}
          rows={r.byOrganisationType}
          label={(k) => labelOf(t, 'events.orgType', k)}
        />
        <BreakdownTable
          t={t}
          title={t('events.results.byCommune')}
          rows={r.byCommune}
          label={(k) => k || t('events.results.noCommune')}
        />
      </div>
    </>
  );
};

/** How many gave feedback, the average rating and their comments. */
const Feedback: FC<ResultsProps> = ({ ctx, results: r }) => {
  const { t, lang } = ctx;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <>
      <h2>{t('events.feedback.title')}</h2>
      {r.feedback.count === 0 ? (
        <EmptyState title={t('events.results.noFeedback')} />
      ) : (
        <>
          <p>
            {t('events.results.feedbackSummary', {
              count: n(r.feedback.count),
              average: String(r.feedback.average ?? ''),
            })}
          </p>
          <ul class="plain comments">
            {r.feedback.comments.map((c) => (
              <li>
                <blockquote>
                  <p>{c.comments}</p>
                  <footer class="muted">
                    {c.name} · {t(`events.feedback.rating.${c.rating as 1 | 2 | 3 | 4 | 5}`)}
                  </footer>
                </blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};

export const ResultsPage: FC<ResultsProps> = (p) => {
  const { ctx, results: r } = p;
  const { t, lang } = ctx;
  const e = r.event;
  const path = `/su-kien/${e.slug}`;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Layout ctx={ctx} title={`${t('events.results.title')} – ${e.title}`}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={path}>{e.title}</a>
      </nav>
      <h1>{t('events.results.title')}</h1>
      <ul class="stats">
        <li class="stat">
          <strong>{n(r.participants)}</strong> {t('events.results.participants')}
        </li>
        <li class="stat">
          <strong>{n(r.registered)}</strong> {t('events.results.registered')}
        </li>
        <li class="stat">
          <strong>{n(r.walkIns)}</strong> {t('events.results.walkIns')}
        </li>
        <li class="stat">
          <strong>{n(r.certificates)}</strong> {t('events.results.certificates')}
        </li>
      </ul>
      <p>
        <a class="button button-secondary" href={`${path}/nguoi-dang-ky.xlsx`}>
          {t('events.registrations.export')}
        </a>
      </p>
      <h2>{t('events.results.attendance')}</h2>
      <Table
        caption={t('events.results.attendance')}
        rows={r.perSession}
        columns={[
          {
            label: t('events.checkIn.session'),
            primary: true,
            cell: (s) => {
              const session = e.sessions.find((x) => x.id === s.sessionId);
              return session ? `${t('events.session.n', { n: session.position + 1 })}: ${sessionText(session)}` : '';
            },
          },
          { label: t('events.results.present'), numeric: true, cell: (s) => n(s.present) },
        ]}
      />
      <Certificates {...p} />
      <Breakdowns {...p} />
      <Feedback {...p} />
    </Layout>
  );
};
