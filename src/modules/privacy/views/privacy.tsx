import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { formatDate, formatDateTime } from '#kernel/i18n/index.ts';
import { Badge, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Breach } from '../breaches.service.ts';
import type { Consent } from '../consents.service.ts';
import type { DataRequestRow } from '../data-requests.service.ts';
import type { Notice } from '../notice.service.ts';
import { legalBases, optionalPurposes, requestKinds } from '../privacy.taxonomy.ts';

interface FormProps {
  ctx: PageContext;
  values?: FormValues;
  errors?: FieldErrors;
}

const v = (values: FormValues | undefined, name: string, fallback = ''): string => {
  const x = values?.[name];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? fallback);
};

/** `yyyy-MM-ddTHH:mm` in Vietnam time, for a datetime-local field. */
const localValue = (d: Date | null | undefined) =>
  d ? new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16) : '';

/** The text of a notice, paragraph by paragraph (blank lines), escaped like all text. */
const NoticeText: FC<{ text: string }> = ({ text }) => (
  <div class="prose">
    {text.split(/\n\s*\n/).map((p) => (
      <p>{p}</p>
    ))}
  </div>
);

/** The public notice: the version shown (in force, or the one asked for) and the list of versions. */
export const NoticePage: FC<{ ctx: PageContext; shown: Notice | null; current: Notice | null; all: Notice[] }> = ({
  ctx,
  shown,
  current,
  all,
}) => {
  const { t, lang } = ctx;
  const text = shown ? (lang === 'en' && shown.textEn ? shown.textEn : shown.textVi) : '';
  return (
    <Layout ctx={ctx} title={t('privacy.notice.title')}>
      <div class="narrow">
        <h1>{t('privacy.notice.title')}</h1>
        <p class="lead">{t('privacy.notice.lead')}</p>
        {shown ? (
          <article>
            <p>
              <strong>
                {t('privacy.notice.version', { version: shown.version, date: formatDate(shown.effectiveOn) })}
              </strong>{' '}
              {current?.id === shown.id && <Badge tone="success">{t('privacy.notice.current')}</Badge>}
            </p>
            <NoticeText text={text} />
          </article>
        ) : (
          <p>{t('privacy.notice.none')}</p>
        )}
        {all.length > 1 && (
          <section aria-labelledby="past-versions">
            <h2 id="past-versions">{t('privacy.notice.past')}</h2>
            <ul>
              {all.map((n) => (
                <li>
                  <a href={`/quyen-rieng-tu/${encodeURIComponent(n.version)}`}>
                    {t('privacy.notice.version', { version: n.version, date: formatDate(n.effectiveOn) })}
                  </a>{' '}
                  {current?.id === n.id && <Badge tone="success">{t('privacy.notice.current')}</Badge>}
                  {n.effectiveOn > (current?.effectiveOn ?? '') && current?.id !== n.id && (
                    <Badge tone="info">{t('privacy.notice.upcoming')}</Badge>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
};

/** Admins: every version and the form for a new one. */
export const NoticeAdminPage: FC<FormProps & { all: Notice[] }> = ({ ctx, all, values, errors = {} }) => {
  const { t } = ctx;
  const labels = {
    version: t('privacy.field.version'),
    effectiveOn: t('privacy.field.effectiveOn'),
    textVi: t('privacy.field.textVi'),
    textEn: t('privacy.field.textEn'),
  };
  return (
    <Layout ctx={ctx} title={t('privacy.notice.admin')}>
      <div class="narrow">
        <h1>{t('privacy.notice.admin')}</h1>
        <ul>
          {all.map((n) => (
            <li>
              <a href={`/quyen-rieng-tu/${encodeURIComponent(n.version)}`}>
                {t('privacy.notice.version', { version: n.version, date: formatDate(n.effectiveOn) })}
              </a>
            </li>
          ))}
        </ul>
        <h2>{t('privacy.notice.new')}</h2>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action="/quan-tri/quyen-rieng-tu" csrfToken={ctx.csrfToken}>
          <Input
            name="version"
            label={labels.version}
            hint={t('privacy.field.versionHint')}
            value={v(values, 'version')}
            error={errors.version}
            maxlength={20}
            required
          />
          <Input
            name="effectiveOn"
            type="date"
            label={labels.effectiveOn}
            value={v(values, 'effectiveOn')}
            error={errors.effectiveOn}
            required
          />
          <TextArea
            name="textVi"
            label={labels.textVi}
            value={v(values, 'textVi')}
            error={errors.textVi}
            rows={14}
            maxlength={50000}
            required
          />
          <TextArea
            name="textEn"
            label={labels.textEn}
            value={v(values, 'textEn')}
            error={errors.textEn}
            rows={8}
            maxlength={50000}
            optionalText={t('form.optional')}
          />
          <Button>{t('privacy.notice.submit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};

/** A person's consents, each with its notice version; optional ones can be withdrawn. */
export const ConsentList: FC<{ ctx: PageContext; consents: Consent[] }> = ({ ctx, consents }) => {
  const { t } = ctx;
  const newsLive = consents.some((c) => c.purpose === 'news' && !c.withdrawnAt);
  return (
    <section aria-labelledby="consents" id="dong-y">
      <h2 id="consents">{t('privacy.consent.title')}</h2>
      {consents.length === 0 && <p>{t('privacy.consent.none')}</p>}
      <ul class="consents">
        {consents.map((c) => (
          <li>
            <strong>{t(`privacy.purpose.${c.purpose}` as never)}</strong>
            <br />
            {t('privacy.consent.given', {
              at: formatDateTime(c.givenAt),
              version: c.noticeVersion ?? t('privacy.consent.noVersion'),
            })}{' '}
            ({t(`privacy.source.${c.source}` as never)})
            {c.withdrawnAt ? (
              <>
                <br />
                <Badge>{t('privacy.consent.withdrawn', { at: formatDateTime(c.withdrawnAt) })}</Badge>
              </>
            ) : (
              (optionalPurposes as readonly string[]).includes(c.purpose) && (
                <PostForm action={`/tai-khoan/dong-y/${c.id}/rut`} csrfToken={ctx.csrfToken}>
                  <Button kind="secondary">{t('privacy.consent.withdraw')}</Button>
                </PostForm>
              )
            )}
          </li>
        ))}
      </ul>
      {!newsLive && (
        <PostForm action="/tai-khoan/dong-y/nhan-tin" csrfToken={ctx.csrfToken}>
          <Button kind="secondary">{t('privacy.consent.giveNews')}</Button>
        </PostForm>
      )}
      <p class="hint">{t('privacy.consent.requiredNote')}</p>
    </section>
  );
};

const RequestStatus: FC<{ ctx: PageContext; r: DataRequestRow; now: Date }> = ({ ctx, r, now }) =>
  r.status === 'open' && r.dueAt < now ? (
    <Badge tone="danger">{ctx.t('privacy.request.overdue')}</Badge>
  ) : (
    <Badge tone={r.status === 'done' ? 'success' : r.status === 'refused' ? 'warning' : 'info'}>
      {ctx.t(`privacy.status.${r.status}` as never)}
    </Badge>
  );

/** `/tai-khoan/quyen-du-lieu`: the person's consents, requests, a new request, the way to delete. */
export const RightsPage: FC<FormProps & { consents: Consent[]; requests: DataRequestRow[] }> = ({
  ctx,
  consents,
  requests,
  values,
  errors = {},
}) => {
  const { t } = ctx;
  const now = new Date();
  const labels = { kind: t('privacy.field.kind'), details: t('privacy.field.details') };
  return (
    <Layout ctx={ctx} title={t('privacy.rights.title')}>
      <div class="narrow">
        <h1>{t('privacy.rights.title')}</h1>
        <p class="lead">{t('privacy.rights.lead')}</p>
        <p>
          <a href="/quyen-rieng-tu">{t('privacy.nav.notice')}</a>
        </p>
        <ConsentList ctx={ctx} consents={consents} />
        <section aria-labelledby="my-requests">
          <h2 id="my-requests">{t('privacy.request.mine')}</h2>
          {requests.length === 0 ? (
            <p>{t('privacy.request.none')}</p>
          ) : (
            <ul>
              {requests.map((r) => (
                <li>
                  <strong>{t(`privacy.kind.${r.kind}` as never)}</strong> <RequestStatus ctx={ctx} r={r} now={now} />
                  <br />
                  {t('privacy.request.filedAt')}: {formatDateTime(r.filedAt)} · {t('privacy.request.due')}:{' '}
                  {formatDateTime(r.dueAt)}
                  {r.reason && <p>{r.reason}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-request">
          <h2 id="new-request">{t('privacy.request.new')}</h2>
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <PostForm action="/tai-khoan/yeu-cau-du-lieu" csrfToken={ctx.csrfToken}>
            <Select
              name="kind"
              label={labels.kind}
              value={v(values, 'kind')}
              error={errors.kind}
              placeholder={t('form.choose')}
              required
              options={requestKinds.map((k) => ({ value: k, label: t(`privacy.kind.${k}` as never) }))}
            />
            <TextArea
              name="details"
              label={labels.details}
              hint={t('privacy.field.detailsHint')}
              value={v(values, 'details')}
              error={errors.details}
              maxlength={4000}
              optionalText={t('form.optional')}
            />
            <Button>{t('privacy.request.submit')}</Button>
          </PostForm>
        </section>
        <section aria-labelledby="delete-account">
          <h2 id="delete-account">{t('privacy.delete.title')}</h2>
          <p>
            <a href="/tai-khoan/xoa">{t('privacy.delete.title')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
};

/** `/tai-khoan/xoa`: what deleting does, and the password to confirm it. */
export const DeleteAccountPage: FC<FormProps> = ({ ctx, errors = {} }) => {
  const { t } = ctx;
  const labels = { password: t('privacy.delete.password') };
  return (
    <Layout ctx={ctx} title={t('privacy.delete.title')}>
      <div class="narrow">
        <h1>{t('privacy.delete.title')}</h1>
        <p class="lead">{t('privacy.delete.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action="/tai-khoan/xoa" csrfToken={ctx.csrfToken}>
          <Input
            name="password"
            type="password"
            label={labels.password}
            error={errors.password}
            autocomplete="current-password"
            maxlength={128}
            required
          />
          <Button kind="warning">{t('privacy.delete.submit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};

/** Officers: the queue of requests with their clocks, overdue ones in red. */
export const QueuePage: FC<{ ctx: PageContext; requests: DataRequestRow[] }> = ({ ctx, requests }) => {
  const { t } = ctx;
  const now = new Date();
  return (
    <Layout ctx={ctx} title={t('privacy.request.queue')}>
      <h1>{t('privacy.request.queue')}</h1>
      <p class="lead">{t('privacy.request.queueLead')}</p>
      {requests.length === 0 ? (
        <p>{t('privacy.request.empty')}</p>
      ) : (
        <Table
          caption={t('privacy.request.queue')}
          rows={requests}
          rowClass={(r) => (r.status === 'open' && r.dueAt < now ? 'overdue' : undefined)}
          columns={[
            {
              label: t('privacy.field.kind'),
              primary: true,
              cell: (r) => <a href={`/quan-ly/yeu-cau-du-lieu/${r.id}`}>{t(`privacy.kind.${r.kind}` as never)}</a>,
            },
            { label: t('privacy.field.decision'), cell: (r) => <RequestStatus ctx={ctx} r={r} now={now} /> },
            { label: t('privacy.request.due'), phone: 'label', cell: (r) => formatDateTime(r.dueAt) },
            { label: t('privacy.request.person'), cell: (r) => r.name },
            { label: t('privacy.request.filedAt'), phone: 'hide', cell: (r) => formatDateTime(r.filedAt) },
          ]}
        />
      )}
    </Layout>
  );
};

/** One request: who, what, when due; the decision form while it is open. */
export const RequestPage: FC<FormProps & { request: DataRequestRow }> = ({ ctx, request: r, values, errors = {} }) => {
  const { t } = ctx;
  const labels = { decision: t('privacy.field.decision'), reason: t('privacy.field.reason') };
  return (
    <Layout ctx={ctx} title={t(`privacy.kind.${r.kind}` as never)}>
      <div class="narrow">
        <p>
          <a href="/quan-ly/yeu-cau-du-lieu">{t('privacy.request.queue')}</a>
        </p>
        <h1>{t(`privacy.kind.${r.kind}` as never)}</h1>
        <dl class="facts">
          <dt>{t('privacy.request.person')}</dt>
          <dd>
            {r.name} ({r.email})
          </dd>
          <dt>{t('privacy.request.filedAt')}</dt>
          <dd>{formatDateTime(r.filedAt)}</dd>
          <dt>{t('privacy.request.due')}</dt>
          <dd>
            {formatDateTime(r.dueAt)} <RequestStatus ctx={ctx} r={r} now={new Date()} />
          </dd>
          <dt>{t('privacy.field.details')}</dt>
          <dd>{r.details || '—'}</dd>
          {r.status !== 'open' && (
            <>
              <dt>{t('privacy.field.reason')}</dt>
              <dd>{r.reason}</dd>
            </>
          )}
        </dl>
        {r.status === 'open' && (
          <section aria-labelledby="decide">
            <h2 id="decide">{t('privacy.request.decide')}</h2>
            {r.kind === 'deletion' && <p class="notice">{t('privacy.request.deletionNote')}</p>}
            <ErrorSummary t={t} errors={errors} labels={labels} />
            <PostForm action={`/quan-ly/yeu-cau-du-lieu/${r.id}`} csrfToken={ctx.csrfToken}>
              <Select
                name="decision"
                label={labels.decision}
                value={v(values, 'decision')}
                error={errors.decision}
                placeholder={t('form.choose')}
                required
                options={(['done', 'refused'] as const).map((d) => ({ value: d, label: t(`privacy.decision.${d}`) }))}
              />
              <TextArea
                name="reason"
                label={labels.reason}
                value={v(values, 'reason')}
                error={errors.reason}
                maxlength={4000}
                required
              />
              <Button>{t('privacy.request.decide')}</Button>
            </PostForm>
          </section>
        )}
      </div>
    </Layout>
  );
};

const notifyByOf = (b: Breach) => new Date(b.discoveredAt.getTime() + 72 * 3600_000);

/** Admins: the breaches with their 72-hour clocks, late ones in red, and the form for a new one. */
export const BreachesPage: FC<FormProps & { breaches: Breach[] }> = ({ ctx, breaches, values, errors }) => {
  const { t } = ctx;
  const now = new Date();
  return (
    <Layout ctx={ctx} title={t('privacy.breach.title')}>
      <h1>{t('privacy.breach.title')}</h1>
      <p class="lead">{t('privacy.breach.lead')}</p>
      {breaches.length === 0 ? (
        <p>{t('privacy.breach.empty')}</p>
      ) : (
        <Table
          caption={t('privacy.breach.title')}
          rows={breaches}
          rowClass={(b) => ((b.notifiedAt ?? now) > notifyByOf(b) ? 'overdue' : undefined)}
          columns={[
            {
              label: t('privacy.field.title'),
              primary: true,
              cell: (b) => <a href={`/quan-tri/su-co/${b.id}`}>{b.title}</a>,
            },
            { label: t('privacy.field.discoveredAt'), phone: 'label', cell: (b) => formatDateTime(b.discoveredAt) },
            { label: t('privacy.breach.notifyBy'), phone: 'label', cell: (b) => formatDateTime(notifyByOf(b)) },
            {
              label: t('privacy.field.notifiedAt'),
              cell: (b) => (
                <>
                  {b.notifiedAt ? t('privacy.breach.notified', { at: formatDateTime(b.notifiedAt) }) : ''}{' '}
                  {(b.notifiedAt ?? now) > notifyByOf(b) ? (
                    <Badge tone="danger">{t('privacy.breach.late')}</Badge>
                  ) : (
                    !b.notifiedAt && <Badge tone="warning">{t('privacy.breach.pending')}</Badge>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <h2>{t('privacy.breach.new')}</h2>
      <BreachForm ctx={ctx} action="/quan-tri/su-co" values={values} errors={errors} />
    </Layout>
  );
};

export const BreachPage: FC<FormProps & { breach: Breach }> = ({ ctx, breach: b, values, errors }) => {
  const { t } = ctx;
  const shown: FormValues = values ?? {
    title: b.title,
    description: b.description,
    discoveredAt: localValue(b.discoveredAt),
    dataAffected: b.dataAffected,
    peopleAffected: b.peopleAffected,
    measures: b.measures,
    notifiedAt: localValue(b.notifiedAt),
    notifiedTo: b.notifiedTo,
  };
  return (
    <Layout ctx={ctx} title={b.title}>
      <div class="narrow">
        <p>
          <a href="/quan-tri/su-co">{t('privacy.breach.title')}</a>
        </p>
        <h1>{t('privacy.breach.edit')}</h1>
        <p>
          {t('privacy.breach.notifyBy')}: {formatDateTime(notifyByOf(b))}{' '}
          {(b.notifiedAt ?? new Date()) > notifyByOf(b) && <Badge tone="danger">{t('privacy.breach.late')}</Badge>}
        </p>
        <BreachForm ctx={ctx} action={`/quan-tri/su-co/${b.id}`} values={shown} errors={errors} />
      </div>
    </Layout>
  );
};

const BreachForm: FC<FormProps & { action: string }> = ({ ctx, action, values, errors = {} }) => {
  const { t } = ctx;
  const labels = {
    title: t('privacy.field.title'),
    description: t('privacy.field.description'),
    discoveredAt: t('privacy.field.discoveredAt'),
    dataAffected: t('privacy.field.dataAffected'),
    peopleAffected: t('privacy.field.peopleAffected'),
    measures: t('privacy.field.measures'),
    notifiedAt: t('privacy.field.notifiedAt'),
    notifiedTo: t('privacy.field.notifiedTo'),
  };
  const opt = t('form.optional');
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <Input
          name="title"
          label={labels.title}
          value={v(values, 'title')}
          error={errors.title}
          maxlength={200}
          required
        />
        <TextArea
          name="description"
          label={labels.description}
          value={v(values, 'description')}
          error={errors.description}
          maxlength={8000}
          required
        />
        <div class="field">
          <label for="f-discoveredAt">{labels.discoveredAt}</label>
          <p class="hint">{t('privacy.field.timeHint')}</p>
          {errors.discoveredAt && (
            <p class="field-error" id="e-discoveredAt">
              {errors.discoveredAt}
            </p>
          )}
          <input
            id="f-discoveredAt"
            name="discoveredAt"
            type="datetime-local"
            value={v(values, 'discoveredAt')}
            required
          />
        </div>
        <TextArea
          name="dataAffected"
          label={labels.dataAffected}
          value={v(values, 'dataAffected')}
          error={errors.dataAffected}
          maxlength={4000}
          optionalText={opt}
        />
        <TextArea
          name="peopleAffected"
          label={labels.peopleAffected}
          value={v(values, 'peopleAffected')}
          error={errors.peopleAffected}
          maxlength={4000}
          optionalText={opt}
        />
        <TextArea
          name="measures"
          label={labels.measures}
          value={v(values, 'measures')}
          error={errors.measures}
          maxlength={8000}
          optionalText={opt}
        />
        <div class="field">
          <label for="f-notifiedAt">
            {labels.notifiedAt} <span class="optional">{opt}</span>
          </label>
          {errors.notifiedAt && (
            <p class="field-error" id="e-notifiedAt">
              {errors.notifiedAt}
            </p>
          )}
          <input id="f-notifiedAt" name="notifiedAt" type="datetime-local" value={v(values, 'notifiedAt')} />
        </div>
        <Input
          name="notifiedTo"
          label={labels.notifiedTo}
          value={v(values, 'notifiedTo')}
          error={errors.notifiedTo}
          maxlength={500}
          optionalText={opt}
        />
        <Button>{t('privacy.breach.new')}</Button>
      </PostForm>
    </>
  );
};

/** The fields an import form adds: the ground for the people in the file, and the officer's statement. */
export const ImportBasisFields: FC<FormProps> = ({ ctx, values, errors = {} }) => {
  const { t } = ctx;
  return (
    <>
      <Select
        name="basis"
        label={t('privacy.field.basis')}
        value={v(values, 'basis')}
        error={errors.basis}
        placeholder={t('form.choose')}
        required
        options={legalBases.map((b) => ({ value: b, label: t(`privacy.basis.${b}`) }))}
      />
      <TextArea
        name="statement"
        label={t('privacy.field.statement')}
        hint={t('privacy.field.statementHint')}
        value={v(values, 'statement')}
        error={errors.statement}
        maxlength={2000}
        required
      />
    </>
  );
};
