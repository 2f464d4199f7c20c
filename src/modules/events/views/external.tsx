import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { Badge, EmptyState, Table, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkboxes, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { externalKinds, nominationStatuses } from '../events.taxonomy.ts';
import type { ExternalEventDetail, ExternalEventItem, NominationRow } from '../nominations/nominations.service.ts';
import { type Duplicate, DuplicateWarning } from './duplicate.tsx';
import { datesText } from './parts.tsx';

const tone: Record<string, Tone> = { invited: 'info', accepted: 'info', declined: 'danger', attended: 'success' };

export const ExternalListPage: FC<{ ctx: PageContext; items: ExternalEventItem[] }> = ({ ctx, items }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.external.title')}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/su-kien">{t('events.title')}</a>
      </nav>
      <div class="page-head">
        <h1>{t('events.external.title')}</h1>
        <a class="button button-primary" href="/su-kien-ngoai/moi">
          {t('events.external.new')}
        </a>
      </div>
      <p class="lead list-lead">{t('events.external.lead')}</p>
      {items.length === 0 ? (
        <EmptyState title={t('events.external.empty')}>
          <p>{t('events.external.emptyHint')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('events.external.title')}
          rows={items}
          columns={[
            {
              label: t('events.col.event'),
              primary: true,
              cell: (x) => <a href={`/su-kien-ngoai/${x.slug}`}>{x.title}</a>,
            },
            { label: t('events.field.dates'), cell: (x) => datesText(x.startsOn, x.endsOn) },
            {
              label: t('events.external.nominations'),
              numeric: true,
              cell: (x) => String(x.nominations),
              phone: 'label',
            },
            { label: t('events.field.kind'), cell: (x) => labelOf(t, 'events.external.kind', x.kind) },
            { label: t('events.field.organiser'), cell: (x) => x.organiser, phone: 'hide' },
          ]}
        />
      )}
    </Layout>
  );
};

interface ExternalFormProps {
  ctx: PageContext;
  values: FormValues;
  errors: Record<string, string>;
  editing?: { slug: string; title: string };
  duplicate?: Duplicate;
}

const externalLabelsOf = (t: PageContext['t']): Record<string, string> => ({
  kind: t('events.field.kind'),
  title: t('events.field.title'),
  organiser: t('events.field.organiser'),
  place: t('events.external.place'),
  startsOn: t('events.external.startsOn'),
  endsOn: t('events.external.endsOn'),
  description: t('events.field.description'),
  url: t('events.external.url'),
});

/** Its kind, title and organiser. */
const ExternalAbout: FC<ExternalFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const v = (n: string) => formValue(values, n);
  const labels = externalLabelsOf(t);
  return (
    <>
      <Select
        name="kind"
        label={labels.kind ?? ''}
        value={v('kind')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'events.external.kind', externalKinds)}
        error={errors.kind}
        required
      />
      <Input name="title" label={labels.title ?? ''} value={v('title')} error={errors.title} required maxlength={300} />
      <Input
        name="organiser"
        label={labels.organiser ?? ''}
        hint={t('events.external.organiserHint')}
        value={v('organiser')}
        error={errors.organiser}
        required
        maxlength={200}
      />
    </>
  );
};

/** Where and when it is held. */
const ExternalWhere: FC<ExternalFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const v = (n: string) => formValue(values, n);
  const labels = externalLabelsOf(t);
  return (
    <>
      <Input
        name="place"
        label={labels.place ?? ''}
        value={v('place')}
        error={errors.place}
        optionalText={opt}
        maxlength={300}
      />
      <Input
        name="startsOn"
        type="date"
        label={labels.startsOn ?? ''}
        value={v('startsOn')}
        error={errors.startsOn}
        required
      />
      <Input
        name="endsOn"
        type="date"
        label={labels.endsOn ?? ''}
        value={v('endsOn')}
        error={errors.endsOn}
        optionalText={opt}
      />
    </>
  );
};

/** A new external event, or corrections to one (`editing`). */
export const ExternalFormPage: FC<ExternalFormProps> = (p) => {
  const { ctx, values, errors, editing } = p;
  const { t } = ctx;
  const opt = t('form.optional');
  const v = (n: string) => formValue(values, n);
  const labels = externalLabelsOf(t);
  return (
    <Layout ctx={ctx} title={editing ? t('events.external.edit', { title: editing.title }) : t('events.external.new')}>
      <h1>{editing ? t('events.external.edit', { title: editing.title }) : t('events.external.new')}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm
        action={editing ? `/su-kien-ngoai/${editing.slug}/sua` : '/su-kien-ngoai/moi'}
        csrfToken={ctx.csrfToken}
        class="form"
      >
        <ExternalAbout {...p} />
        <ExternalWhere {...p} />
        <TextArea
          name="description"
          label={labels.description ?? ''}
          value={v('description')}
          error={errors.description}
          optionalText={opt}
          rows={4}
        />
        <Input
          name="url"
          type="url"
          label={labels.url ?? ''}
          value={v('url')}
          error={errors.url}
          optionalText={opt}
          maxlength={500}
        />
        {p.duplicate && <DuplicateWarning ctx={ctx} duplicate={p.duplicate} />}
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={editing ? `/su-kien-ngoai/${editing.slug}` : '/su-kien-ngoai'}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};

const NominationForm: FC<{
  ctx: PageContext;
  slug: string;
  n: NominationRow;
  values?: FormValues;
  errors?: Record<string, string>;
}> = ({ ctx, slug, n, values, errors = {} }) => {
  const { t } = ctx;
  const v = (name: string, fallback: string) => (values ? formValue(values, name) : fallback);
  const id = n.id.slice(0, 8);
  return (
    <details class="nomination-edit" open={Object.keys(errors).length > 0}>
      <summary>{t('events.external.update', { project: n.projectName })}</summary>
      <PostForm action={`/su-kien-ngoai/${slug}/de-cu/${n.id}`} csrfToken={ctx.csrfToken} class="form" id={`n-${id}`}>
        {/* The version this form shows: saved over a newer one, it is refused and shown again. */}
        <input type="hidden" name="seen" value={n.updatedAt.toISOString()} />
        <div class={`field${errors.status ? ' has-error' : ''}`}>
          <label for={`status-${id}`}>{t('events.external.status')}</label>
          {errors.status && <p class="field-error">{errors.status}</p>}
          <select id={`status-${id}`} name="status">
            {nominationStatuses.map((s) => (
              <option value={s} selected={v('status', n.status) === s}>
                {labelOf(t, 'events.nomination.status', s)}
              </option>
            ))}
          </select>
        </div>
        {(
          [
            ['award', t('events.external.award'), n.award],
            ['contract', t('events.external.contract'), n.contract],
            ['contacts', t('events.external.contacts'), n.contacts === null ? '' : String(n.contacts)],
            ['notes', t('events.external.notes'), n.notes],
          ] as const
        ).map(([name, label, current]) => (
          <div class={`field${errors[name] ? ' has-error' : ''}`}>
            <label for={`${name}-${id}`}>
              {label} <span class="optional">{t('form.optional')}</span>
            </label>
            {errors[name] && <p class="field-error">{errors[name]}</p>}
            {name === 'notes' ? (
              <textarea id={`${name}-${id}`} name={name} rows={2} maxlength={3000}>
                {v(name, current)}
              </textarea>
            ) : (
              <input
                id={`${name}-${id}`}
                name={name}
                type={name === 'contacts' ? 'number' : 'text'}
                inputmode={name === 'contacts' ? 'numeric' : undefined}
                value={v(name, current)}
              />
            )}
          </div>
        ))}
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
        </div>
      </PostForm>
    </details>
  );
};

export interface ExternalDetailProps {
  ctx: PageContext;
  event: ExternalEventDetail;
  /** A nomination form that failed, shown again with what was typed. */
  failed?: { id: string; values: FormValues; errors: Record<string, string> };
}

export const ExternalDetailPage: FC<ExternalDetailProps> = ({ ctx, event: x, failed }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={x.title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/su-kien-ngoai">{t('events.external.title')}</a>
      </nav>
      <div class="page-head">
        <h1>{x.title}</h1>
        <a class="button button-primary" href={`/su-kien-ngoai/${x.slug}/de-cu`}>
          {t('events.external.nominate')}
        </a>{' '}
        <a class="button button-secondary" href={`/su-kien-ngoai/${x.slug}/sua`}>
          {t('events.external.editLink')}
        </a>
      </div>
      {failed && <ErrorSummary t={t} errors={failed.errors} />}
      <dl class="facts">
        <dt>{t('events.field.kind')}</dt>
        <dd>{labelOf(t, 'events.external.kind', x.kind)}</dd>
        <dt>{t('events.field.organiser')}</dt>
        <dd>{x.organiser}</dd>
        <dt>{t('events.field.dates')}</dt>
        <dd>{datesText(x.startsOn, x.endsOn)}</dd>
        {x.place && (
          <>
            <dt>{t('events.external.place')}</dt>
            <dd>{x.place}</dd>
          </>
        )}
        {x.url && (
          <>
            <dt>{t('events.external.url')}</dt>
            <dd>
              <a href={x.url} rel="nofollow noopener">
                {x.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      {x.description && <p>{x.description}</p>}
      <h2>{t('events.external.nominations')}</h2>
      {x.nominations.length === 0 ? (
        <EmptyState title={t('events.external.noNominations')} />
      ) : (
        <ul class="plain nominations">
          {x.nominations.map((n) => (
            <li class="card">
              <h3>
                <a href={`/du-an/${n.projectSlug}`}>{n.projectName}</a>{' '}
                <Badge tone={tone[n.status] ?? 'neutral'}>{labelOf(t, 'events.nomination.status', n.status)}</Badge>
              </h3>
              {(n.award || n.contract || n.contacts || n.notes) && (
                <ul class="figures">
                  {n.award && <li>{t('events.ledger.award', { award: n.award })}</li>}
                  {n.contract && <li>{t('events.ledger.contract', { contract: n.contract })}</li>}
                  {n.contacts ? <li>{t('events.ledger.contacts', { count: n.contacts })}</li> : null}
                  {n.notes && <li>{n.notes}</li>}
                </ul>
              )}
              <NominationForm
                ctx={ctx}
                slug={x.slug}
                n={n}
                values={failed?.id === n.id ? failed.values : undefined}
                errors={failed?.id === n.id ? failed.errors : undefined}
              />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

export interface NominateProps {
  ctx: PageContext;
  event: ExternalEventDetail;
  q: string;
  candidates: { id: string; name: string; communeName: string | null }[];
  values: FormValues;
  errors: Record<string, string>;
}

export const NominatePage: FC<NominateProps> = ({ ctx, event: x, q, candidates, values, errors }) => {
  const { t } = ctx;
  const already = new Set(x.nominations.map((n) => n.projectId));
  const options = candidates
    .filter((c) => !already.has(c.id))
    .map((c) => ({ value: c.id, label: c.communeName ? `${c.name} (${c.communeName})` : c.name }));
  const chosen = values.projects ? (Array.isArray(values.projects) ? values.projects : [values.projects]) : [];
  return (
    <Layout ctx={ctx} title={t('events.external.nominateTitle', { title: x.title })}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/su-kien-ngoai/${x.slug}`}>{x.title}</a>
      </nav>
      <h1>{t('events.external.nominateTitle', { title: x.title })}</h1>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{ projects: t('events.external.projects'), message: t('events.external.message') }}
      />
      <PostForm action={`/su-kien-ngoai/${x.slug}/de-cu`} csrfToken={ctx.csrfToken} class="form">
        <div class="filters">
          <div class="filter-search">
            <label for="f-q">{t('events.external.findProjects')}</label>
            <div class="search-row">
              <input
                id="f-q"
                name="q"
                type="search"
                value={q}
                maxlength={100}
                autocomplete="off"
                placeholder={t('search.accentsOptional')}
              />
              <button type="submit" name="intent" value="search" class="button button-secondary">
                {t('form.search')}
              </button>
            </div>
          </div>
        </div>
        {options.length === 0 ? (
          <EmptyState title={t('list.noResults')} />
        ) : (
          <Checkboxes
            name="projects"
            label={t('events.external.projects')}
            hint={t('events.external.projectsHint')}
            values={chosen}
            options={options}
            error={errors.projects}
          />
        )}
        <TextArea
          name="message"
          label={t('events.external.message')}
          hint={t('events.external.messageHint')}
          value={formValue(values, 'message')}
          error={errors.message}
          optionalText={t('form.optional')}
          rows={4}
          maxlength={3000}
        />
        <div class="form-actions">
          <Button>{t('events.external.nominateSubmit')}</Button>
          <a href={`/su-kien-ngoai/${x.slug}`}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
