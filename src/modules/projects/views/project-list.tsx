import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { type CommuneOption, communeOptions } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ProjectFilters } from '../projects.schemas.ts';
import type { ProjectListItem } from '../projects.service.ts';
import { projectFields, projectStages, supportNeeds } from '../projects.taxonomy.ts';

export interface ProjectListProps {
  ctx: PageContext;
  title: string;
  lead: string;
  path: string;
  items: ProjectListItem[];
  info: PageInfo;
  more: boolean;
  filters: ProjectFilters;
  query: Record<string, string>;
  communes: CommuneOption[];
  canCreate: boolean;
  showVisibility: boolean;
  emptyText: string;
  /** Staff get the filtered list as CSV. */
  exportHref?: string;
}

/** The search and the filters: field, stage, commune, need and (staff) visibility. */
const ListFilters: FC<ProjectListProps> = (p) => {
  const { t } = p.ctx;
  const all = t('projects.filter.all');
  const active = [p.filters.field, p.filters.stage, p.filters.commune, p.filters.need, p.filters.visibility].filter(
    Boolean,
  ).length;
  return (
    <FilterForm
      t={t}
      action={p.path}
      search={{ label: t('projects.filter.q'), value: p.filters.q }}
      active={active}
      clearHref={p.path}
      extra={p.exportHref && <a href={p.exportHref}>{t('list.export')}</a>}
    >
      <Select
        name="field"
        label={t('projects.filter.field')}
        value={p.filters.field}
        placeholder={all}
        options={optionsOf(t, 'project.field', projectFields)}
      />
      <Select
        name="stage"
        label={t('projects.filter.stage')}
        value={p.filters.stage}
        placeholder={all}
        options={optionsOf(t, 'project.stage', projectStages)}
      />
      <Select
        name="commune"
        label={t('projects.filter.commune')}
        value={p.filters.commune}
        placeholder={all}
        options={communeOptions(t, p.communes, { formerDistrict: true })}
      />
      <Select
        name="need"
        label={t('projects.filter.need')}
        value={p.filters.need}
        placeholder={all}
        options={optionsOf(t, 'project.need', supportNeeds)}
      />
      {p.showVisibility && (
        <Select
          name="visibility"
          label={t('projects.filter.visibility')}
          value={p.filters.visibility}
          placeholder={all}
          options={[
            { value: 'public', label: t('projects.public') },
            { value: 'private', label: t('projects.private') },
          ]}
        />
      )}
    </FilterForm>
  );
};

/** The projects found, one row each: name and summary, stage, commune, field, last update. */
const ProjectTable: FC<ProjectListProps> = (p) => {
  const { t } = p.ctx;
  return (
    <Table
      caption={p.title}
      rows={p.items}
      columns={[
        {
          label: t('projects.col.name'),
          primary: true,
          cell: (r) => (
            <>
              <a href={`/du-an/${r.slug}`}>{r.name}</a>
              <span class="summary">{r.summary}</span>
            </>
          ),
        },
        {
          label: t('projects.col.stage'),
          cell: (r) => (
            <>
              <Badge tone="info">{labelOf(t, 'project.stage', r.stage)}</Badge>
              {!r.isPublic && (
                <>
                  {' '}
                  <Badge tone="warning">{t('projects.private')}</Badge>
                </>
              )}
            </>
          ),
        },
        { label: t('projects.col.commune'), cell: (r) => r.communeName ?? '' },
        { label: t('projects.col.field'), cell: (r) => labelOf(t, 'project.field', r.field) },
        { label: t('projects.col.updated'), cell: (r) => formatDate(r.updatedAt), phone: 'hide' },
      ]}
    />
  );
};

export const ProjectListPage: FC<ProjectListProps> = (p) => {
  const { t, lang } = p.ctx;
  const filtered = Object.entries(p.query).some(([k, v]) => v && k !== 'page');
  return (
    <Layout ctx={p.ctx} title={p.title} description={p.lead}>
      <div class="page-head">
        <h1>{p.title}</h1>
        {p.canCreate && (
          <a class="button button-primary" href="/du-an/moi">
            {t('projects.new')}
          </a>
        )}
      </div>
      <p class="lead list-lead">{p.lead}</p>
      <ListFilters {...p} />
      {p.items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : p.emptyText} />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={p.info.total} more={p.more} />
          <ProjectTable {...p} />
          <Pagination t={t} lang={lang} info={p.info} path={p.path} query={p.query} more={p.more} />
        </>
      )}
    </Layout>
  );
};
