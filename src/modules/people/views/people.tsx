import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { EmptyState, FilterForm, KeyFacts, Pagination, ResultCount, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, PostForm } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Person, PersonRow } from '../people.service.ts';

export const PeopleListPage: FC<{
  ctx: PageContext;
  items: PersonRow[];
  info: PageInfo;
  q: string;
  query: Record<string, string>;
}> = ({ ctx, items, info, q, query }) => {
  const { t, lang } = ctx;
  const unknown = t('people.unknown');
  return (
    <Layout ctx={ctx} title={t('people.title')}>
      <h1>{t('people.title')}</h1>
      <p class="lead list-lead">{t('people.lead')}</p>
      <FilterForm
        t={t}
        action="/quan-ly/nguoi"
        search={{ label: t('people.search'), value: q }}
        clearHref="/quan-ly/nguoi"
      />
      {items.length === 0 ? (
        <EmptyState title={q ? t('list.noResults') : t('people.empty')}>
          {!q && <p>{t('people.emptyHint')}</p>}
        </EmptyState>
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={info.total} />
          <Table
            caption={t('people.title')}
            rows={items}
            columns={[
              {
                label: t('people.col.name'),
                primary: true,
                cell: (r) => <a href={`/quan-ly/nguoi/${r.id}`}>{r.fullName}</a>,
              },
              { label: t('people.col.phone'), cell: (r) => r.phone || unknown },
              { label: t('people.col.email'), cell: (r) => r.email || unknown, phone: 'hide' },
              { label: t('people.col.birthYear'), cell: (r) => (r.birthYear ? String(r.birthYear) : unknown) },
              {
                label: t('people.col.sex'),
                cell: (r) => (r.sex ? labelOf(t, 'people.sex', r.sex) : unknown),
                phone: 'hide',
              },
            ]}
          />
          <Pagination t={t} lang={lang} info={info} path="/quan-ly/nguoi" query={query} />
        </>
      )}
    </Layout>
  );
};

export interface ReceivedRow {
  id: string;
  kind: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
  projectName: string | null;
  projectSlug: string | null;
}

export const PersonPage: FC<{
  ctx: PageContext;
  person: Person;
  communeName: string | null;
  support: ReceivedRow[];
}> = ({ ctx, person: p, communeName, support }) => {
  const { t } = ctx;
  const unknown = t('people.unknown');
  return (
    <Layout ctx={ctx} title={p.fullName}>
      <h1>{p.fullName}</h1>
      {p.mergedInto && (
        <p class="notice">
          {t('people.mergedInto')} <a href={`/quan-ly/nguoi/${p.mergedInto}`}>{t('people.mergedInto.link')}</a>
        </p>
      )}
      <KeyFacts
        label={p.fullName}
        facts={[
          { label: t('people.col.phone'), value: p.phone || unknown },
          { label: t('people.col.email'), value: p.email || unknown },
          { label: t('people.col.sex'), value: p.sex ? labelOf(t, 'people.sex', p.sex) : unknown },
          { label: t('people.col.birthYear'), value: p.birthYear ? String(p.birthYear) : unknown },
          {
            label: t('people.fact.ethnicity'),
            value: p.ethnicity ? labelOf(t, 'people.ethnicity', p.ethnicity) : unknown,
          },
          { label: t('people.fact.commune'), value: communeName ?? unknown },
          { label: t('people.fact.created'), value: formatDate(p.createdAt) },
        ]}
      >
        {!p.mergedInto && (
          <a class="button button-secondary" href={`/quan-ly/nguoi/${p.id}/gop`}>
            {t('people.merge.action')}
          </a>
        )}
      </KeyFacts>
      <h2>{t('people.support.title')}</h2>
      {support.length === 0 ? (
        <p>{t('people.support.empty')}</p>
      ) : (
        <Table
          caption={t('people.support.title')}
          rows={support}
          columns={[
            { label: t('people.support.col.what'), primary: true, cell: (r) => r.title },
            {
              label: t('people.support.col.date'),
              cell: (r) =>
                r.endedOn && r.endedOn !== r.startedOn
                  ? `${formatDate(r.startedOn)} – ${formatDate(r.endedOn)}`
                  : formatDate(r.startedOn),
            },
            { label: t('people.support.col.kind'), cell: (r) => labelOf(t, 'support.kind', r.kind) },
            {
              label: t('people.support.col.project'),
              cell: (r) => (r.projectSlug ? <a href={`/du-an/${r.projectSlug}`}>{r.projectName}</a> : '—'),
              phone: 'hide',
            },
          ]}
        />
      )}
    </Layout>
  );
};

export const MergePage: FC<{
  ctx: PageContext;
  person: Person;
  q: string;
  candidates: PersonRow[];
  values: { keep?: string; confirm?: boolean };
  errors: Record<string, string>;
}> = ({ ctx, person: p, q, candidates, values, errors }) => {
  const { t } = ctx;
  const title = t('people.merge.title', { name: p.fullName });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('people.merge.lead', { name: p.fullName })}</p>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{ keep: t('people.merge.keep'), confirm: t('people.merge.confirm') }}
      />
      <form method="get" action={`/quan-ly/nguoi/${p.id}/gop`} class="inline-search">
        <label for="f-q">{t('people.merge.search')}</label>
        <input id="f-q" name="q" type="search" value={q} />
        <button type="submit" class="button button-secondary">
          {t('nav.search')}
        </button>
      </form>
      <PostForm action={`/quan-ly/nguoi/${p.id}/gop`} csrfToken={ctx.csrfToken}>
        <fieldset class={`field${errors.keep ? ' has-error' : ''}`} id="f-keep">
          <legend>{t('people.merge.keep')}</legend>
          {errors.keep && <p class="field-error">{errors.keep}</p>}
          {candidates.length === 0 ? (
            <p>{t('people.merge.noCandidates')}</p>
          ) : (
            candidates.map((c) => (
              <div class="check">
                <input type="radio" name="keep" id={`keep-${c.id}`} value={c.id} checked={values.keep === c.id} />
                <label for={`keep-${c.id}`}>
                  {c.fullName} · {c.phone || t('people.unknown')} · {c.email || t('people.unknown')} ·{' '}
                  {c.birthYear ?? t('people.unknown')}
                </label>
              </div>
            ))
          )}
        </fieldset>
        <Checkbox name="confirm" label={t('people.merge.confirm')} checked={values.confirm} error={errors.confirm} />
        <Button kind="warning">{t('people.merge.submit')}</Button>
      </PostForm>
    </Layout>
  );
};
