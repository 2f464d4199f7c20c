import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate, formatNumber, type Translator, todayInVietnam } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, FileInput, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { EngagementDetail, EngagementListItem } from '../engagements.service.ts';
import { engagementStatuses } from '../engagements.taxonomy.ts';

const tone: Record<string, Tone> = { proposed: 'warning', active: 'info', declined: 'neutral', closed: 'success' };

export const EngagementStatus: FC<{ t: Translator; status: string }> = ({ t, status }) => (
  <Badge tone={tone[status] ?? 'neutral'}>{labelOf(t, 'engagements.status', status)}</Badge>
);

export interface EngagementListProps {
  ctx: PageContext;
  items: EngagementListItem[];
  info: PageInfo;
  status?: string;
}

export const EngagementListPage: FC<EngagementListProps> = ({ ctx, items, info, status }) => {
  const { t, lang, actor } = ctx;
  const role = actor?.role;
  const lead =
    role === 'expert'
      ? t('engagements.lead.expert')
      : role === 'officer' || role === 'admin'
        ? t('engagements.lead.staff')
        : t('engagements.lead.founder');
  return (
    <Layout ctx={ctx} title={t('engagements.title')}>
      <h1>{t('engagements.title')}</h1>
      <p class="lead list-lead">{lead}</p>
      <FilterForm t={t} action="/tu-van" active={status ? 1 : 0} clearHref="/tu-van">
        <Select
          name="status"
          label={t('engagements.filter.status')}
          value={status}
          placeholder={t('projects.filter.all')}
          options={optionsOf(t, 'engagements.status', engagementStatuses)}
        />
      </FilterForm>
      {items.length === 0 ? (
        <EmptyState
          title={
            status ? t('list.noResults') : role === 'expert' ? t('engagements.empty.expert') : t('engagements.empty')
          }
        />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={info.total} />
          <Table
            caption={t('engagements.title')}
            rows={items}
            columns={[
              {
                label: t('engagements.col.topic'),
                primary: true,
                cell: (e) => <a href={`/tu-van/${e.id}`}>{e.topic}</a>,
              },
              { label: t('engagements.col.status'), cell: (e) => <EngagementStatus t={t} status={e.status} /> },
              { label: t('engagements.col.project'), cell: (e) => e.projectName },
              { label: t('engagements.col.expert'), cell: (e) => e.expertName },
              {
                label: t('engagements.col.sessions'),
                numeric: true,
                cell: (e) => formatNumber(e.sessions, lang),
                phone: 'hide',
              },
              {
                label: t('engagements.col.hours'),
                numeric: true,
                cell: (e) => formatNumber(e.hours, lang),
                phone: 'hide',
              },
              { label: t('engagements.col.created'), cell: (e) => formatDate(e.createdAt), phone: 'hide' },
            ]}
          />
          <Pagination t={t} lang={lang} info={info} path="/tu-van" query={status ? { status } : {}} />
        </>
      )}
    </Layout>
  );
};

export interface EngagementPageProps {
  ctx: PageContext;
  e: EngagementDetail & { party: 'expert' | 'staff' | 'team' };
  failed?: { form: 'respond' | 'session' | 'close'; values: FormValues; errors: Record<string, string> };
}

const accept = 'application/pdf,image/jpeg,image/png,image/webp';

type FormName = 'respond' | 'session' | 'close';

/** The values and messages of the one form on the page that came back with an error. */
const formsOf = (failed: EngagementPageProps['failed']) => ({
  errorsOf: (f: FormName) => (failed?.form === f ? failed.errors : {}),
  valuesOf: (f: FormName) => (failed?.form === f ? failed.values : {}),
});

/** The expert accepts or declines, with a reason when declining. */
const RespondPanel: FC<EngagementPageProps> = ({ ctx, e, failed }) => {
  const { t } = ctx;
  const { errorsOf, valuesOf } = formsOf(failed);
  return (
    <section class="panel" id="tra-loi">
      <h2>{t('engagements.respond.title')}</h2>
      <ErrorSummary t={t} errors={errorsOf('respond')} labels={{ reason: t('engagements.respond.reason') }} />
      <PostForm action={`/tu-van/${e.id}/tra-loi`} csrfToken={ctx.csrfToken} class="form">
        <Select
          name="decision"
          label={t('engagements.respond.decision')}
          value={formValue(valuesOf('respond'), 'decision') || 'accept'}
          options={[
            { value: 'accept', label: t('engagements.respond.accept') },
            { value: 'decline', label: t('engagements.respond.decline') },
          ]}
          required
        />
        <TextArea
          name="reason"
          label={t('engagements.respond.reason')}
          hint={t('engagements.respond.reasonHint')}
          value={formValue(valuesOf('respond'), 'reason')}
          error={errorsOf('respond').reason}
          rows={2}
          maxlength={2000}
        />
        <Button>{t('engagements.respond.decision')}</Button>
      </PostForm>
    </section>
  );
};

/** The working sessions so far, with their notes and files. */
const SessionList: FC<EngagementPageProps> = ({ ctx, e, failed }) => {
  const { t, lang } = ctx;
  const _errorsOf = (f: 'respond' | 'session' | 'close') => (failed?.form === f ? failed.errors : {});
  const _valuesOf = (f: 'respond' | 'session' | 'close') => (failed?.form === f ? failed.values : {});
  return (
    <section id="buoi-lam-viec">
      <h2>{t('engagements.detail.sessions')}</h2>
      {e.sessions.length === 0 ? (
        <p class="muted">{t('engagements.detail.noSessions')}</p>
      ) : (
        <>
          <p>
            {t('engagements.detail.totalHours', {
              hours: formatNumber(e.totalHours, lang),
              count: e.sessions.length,
            })}
          </p>
          <ol class="timeline">
            {e.sessions.map((s) => (
              <li>
                <p>
                  <strong>{formatDate(s.heldOn)}</strong> ·{' '}
                  {t('engagements.session.hoursValue', { hours: formatNumber(s.hours, lang) })}
                </p>
                <p class="pre">{s.summary}</p>
                {s.nextSteps && (
                  <p>
                    <em>{t('engagements.detail.nextSteps')}:</em> {s.nextSteps}
                  </p>
                )}
                {s.files.length > 0 && (
                  <ul class="files">
                    {s.files.map((f) => (
                      <li>
                        <a href={`/tu-van/${e.id}/tep/${f.id}`}>{f.name}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};

/** The expert or an officer logs a working session. */
const SessionPanel: FC<EngagementPageProps> = ({ ctx, e, failed }) => {
  const { t } = ctx;
  const { errorsOf, valuesOf } = formsOf(failed);
  return (
    <section class="panel" id="ghi-buoi">
      <h2>{t('engagements.session.title')}</h2>
      <ErrorSummary
        t={t}
        errors={errorsOf('session')}
        labels={{
          heldOn: t('engagements.session.heldOn'),
          hours: t('engagements.session.hours'),
          summary: t('engagements.session.summary'),
          nextSteps: t('engagements.session.nextSteps'),
          files: t('engagements.session.files'),
        }}
      />
      <PostForm action={`/tu-van/${e.id}/buoi`} csrfToken={ctx.csrfToken} class="form" multipart>
        <div class="row">
          <Input
            name="heldOn"
            type="date"
            label={t('engagements.session.heldOn')}
            value={formValue(valuesOf('session'), 'heldOn') || todayInVietnam()}
            error={errorsOf('session').heldOn}
            required
          />
          <Input
            name="hours"
            inputmode="decimal"
            label={t('engagements.session.hours')}
            hint={t('engagements.session.hoursHint')}
            value={formValue(valuesOf('session'), 'hours')}
            error={errorsOf('session').hours}
            required
            maxlength={5}
          />
        </div>
        <TextArea
          name="summary"
          label={t('engagements.session.summary')}
          value={formValue(valuesOf('session'), 'summary')}
          error={errorsOf('session').summary}
          required
          rows={4}
          maxlength={5000}
        />
        <TextArea
          name="nextSteps"
          label={t('engagements.session.nextSteps')}
          value={formValue(valuesOf('session'), 'nextSteps')}
          error={errorsOf('session').nextSteps}
          rows={2}
          maxlength={2000}
          optionalText={t('form.optional')}
        />
        <FileInput
          name="files"
          label={t('engagements.session.files')}
          hint={t('engagements.session.filesHint')}
          accept={accept}
          multiple
          error={errorsOf('session').files}
          values={valuesOf('session')}
          t={t}
          optionalText={t('form.optional')}
        />
        <Button>{t('engagements.session.save')}</Button>
      </PostForm>
    </section>
  );
};

/** Closing the engagement with its outcome. */
const ClosePanel: FC<EngagementPageProps> = ({ ctx, e, failed }) => {
  const { t } = ctx;
  const { errorsOf, valuesOf } = formsOf(failed);
  return (
    <section class="panel" id="ket-thuc">
      <h2>{t('engagements.close.title')}</h2>
      <ErrorSummary t={t} errors={errorsOf('close')} labels={{ outcome: t('engagements.close.outcome') }} />
      <PostForm action={`/tu-van/${e.id}/ket-thuc`} csrfToken={ctx.csrfToken} class="form">
        <TextArea
          name="outcome"
          label={t('engagements.close.outcome')}
          hint={t('engagements.close.outcomeHint')}
          value={formValue(valuesOf('close'), 'outcome')}
          error={errorsOf('close').outcome}
          required
          rows={3}
          maxlength={5000}
        />
        <Button kind="secondary">{t('engagements.close.save')}</Button>
      </PostForm>
    </section>
  );
};

export const EngagementPage: FC<EngagementPageProps> = ({ ctx, e, failed }) => {
  const { t } = ctx;
  const title = t('engagements.detail.title', { topic: e.topic });
  const canWork = e.party !== 'team' && e.status === 'active';
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/tu-van">{t('engagements.title')}</a>
      </nav>
      <h1>{title}</h1>
      <p>
        <EngagementStatus t={t} status={e.status} />
      </p>
      <dl class="facts">
        <dt>{t('engagements.detail.expert')}</dt>
        <dd>{e.expertName}</dd>
        <dt>{t('engagements.col.project')}</dt>
        <dd>
          {e.project.isPublic || e.party !== 'expert' ? (
            <a href={`/du-an/${e.project.slug}`}>{e.project.name}</a>
          ) : (
            e.project.name
          )}
        </dd>
        {e.officerName && (
          <>
            <dt>{t('engagements.detail.officer')}</dt>
            <dd>{e.party === 'expert' && e.officerEmail ? `${e.officerName} · ${e.officerEmail}` : e.officerName}</dd>
          </>
        )}
        <dt>{t('engagements.col.created')}</dt>
        <dd>{formatDate(e.createdAt)}</dd>
      </dl>
      {e.brief && (
        <section>
          <h2>{t('engagements.detail.brief')}</h2>
          <p class="pre">{e.brief}</p>
        </section>
      )}
      <section>
        <h2>{t('engagements.detail.project')}</h2>
        <p>
          <strong>{e.project.name}</strong> · {labelOf(t, 'project.field', e.project.field)} ·{' '}
          {labelOf(t, 'project.stage', e.project.stage)}
          {e.project.communeName && ` · ${e.project.communeName}`}
        </p>
        <p>{e.project.summary}</p>
        {e.project.description && <p class="pre">{e.project.description}</p>}
        {e.party !== 'team' && e.team.length > 0 && (
          <>
            <h3>{t('engagements.detail.team')}</h3>
            <ul>
              {e.team.map((m) => (
                <li>{m.email ? `${m.name} · ${m.email}` : m.name}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {e.status === 'declined' && e.declineReason && (
        <section>
          <h2>{t('engagements.detail.declineReason')}</h2>
          <p>{e.declineReason}</p>
        </section>
      )}
      {e.party === 'expert' && e.status === 'proposed' && <RespondPanel ctx={ctx} e={e} failed={failed} />}
      <SessionList ctx={ctx} e={e} failed={failed} />
      {canWork && <SessionPanel ctx={ctx} e={e} failed={failed} />}
      {e.status === 'closed' && e.outcome && (
        <section>
          <h2>{t('engagements.detail.outcome')}</h2>
          <p class="pre">{e.outcome}</p>
        </section>
      )}
      {canWork && <ClosePanel ctx={ctx} e={e} failed={failed} />}
    </Layout>
  );
};
