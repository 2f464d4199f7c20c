import type { FC } from 'hono/jsx';
import { formatDate, formatNumber, formatVnd } from '#kernel/i18n/index.ts';
import { Badge, EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm, Select } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ProjectDetail } from '../projects.service.ts';
import type { TimelineEntry } from '../projects.timeline.ts';

export interface ProjectPageProps {
  ctx: PageContext;
  project: ProjectDetail;
  timeline: TimelineEntry[];
  canEdit: boolean;
  isStaff: boolean;
  /** Shown in full (outcomes, figures, evidence) to the team and staff; the public sees what and when. */
  showOutcomes: boolean;
  staff: { id: string; name: string }[];
}

const statusTone = { planned: 'neutral', in_progress: 'info', done: 'success', cancelled: 'danger' } as const;

const Timeline: FC<{ ctx: PageContext; entries: TimelineEntry[]; showOutcomes: boolean }> = ({
  ctx,
  entries,
  showOutcomes,
}) => {
  const { t, lang } = ctx;
  if (entries.length === 0) return <EmptyState title={t('projects.detail.timelineEmpty')} />;
  return (
    <ol class="timeline">
      {entries.map((e) => (
        <li>
          <p class="timeline-date">
            <time datetime={e.startedOn}>{formatDate(e.startedOn)}</time>
            {e.endedOn && e.endedOn !== e.startedOn ? ` – ${formatDate(e.endedOn)}` : ''}
          </p>
          <p class="timeline-title">
            <Badge tone="info">{labelOf(t, 'support.kind', e.kind)}</Badge> {e.title}
          </p>
          <p class="muted">
            {labelOf(t, 'support.provider', e.providerKind)}: {e.providerName} ·{' '}
            <Badge tone={statusTone[e.status as keyof typeof statusTone] ?? 'neutral'}>
              {labelOf(t, 'support.status', e.status)}
            </Badge>
          </p>
          {showOutcomes && e.outcome && <p>{e.outcome}</p>}
          {showOutcomes && (
            <ul class="figures">
              {e.figures.participants !== undefined && (
                <li>{t('support.figure.participants', { count: formatNumber(e.figures.participants, lang) })}</li>
              )}
              {e.figures.contractValueVnd !== undefined && (
                <li>{t('support.figure.contract', { value: formatVnd(e.figures.contractValueVnd, lang) })}</li>
              )}
              {e.figures.salesGrowthPercent !== undefined && (
                <li>{t('support.figure.growth', { value: e.figures.salesGrowthPercent })}</li>
              )}
            </ul>
          )}
          {showOutcomes && e.evidenceLinks.length > 0 && (
            <ul class="links">
              {e.evidenceLinks.map((href) => (
                <li>
                  <a href={href} rel="nofollow noopener">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
};

export const ProjectPage: FC<ProjectPageProps> = ({
  ctx,
  project: p,
  timeline,
  canEdit,
  isStaff,
  showOutcomes,
  staff,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={p.name} description={p.summary}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/du-an">{t('nav.projects')}</a>
      </nav>
      <div class="page-head">
        <h1>{p.name}</h1>
        {canEdit && (
          <a class="button button-secondary" href={`/du-an/${p.slug}/sua`}>
            {t('projects.edit')}
          </a>
        )}
      </div>
      <p class="badges">
        <Badge tone="info">{labelOf(t, 'project.stage', p.stage)}</Badge>{' '}
        <Badge>{labelOf(t, 'project.type', p.type)}</Badge> <Badge>{labelOf(t, 'project.field', p.field)}</Badge>{' '}
        {!p.isPublic && <Badge tone="warning">{t('projects.private')}</Badge>}
      </p>
      <p class="lead">{p.summary}</p>
      <div class="columns">
        <div class="col-main">
          {p.description && (
            <div class="prose">
              {p.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
          <p>
            <a href={`/du-an/${p.slug}/san-pham`}>{t('products.ofProject.link')}</a>
          </p>
          <h2>{t('projects.detail.timeline')}</h2>
          <Timeline ctx={ctx} entries={timeline} showOutcomes={showOutcomes} />
          {isStaff && (
            <p class="actions">
              <a class="button button-secondary" href={`/du-an/${p.slug}/ho-tro/moi`}>
                {t('support.new')}
              </a>{' '}
              <a class="button button-secondary" href={`/du-an/${p.slug}/goi-y`}>
                {t('matching.suggestLink')}
              </a>
            </p>
          )}
          {canEdit && !isStaff && (
            <p>
              <a class="button" href={`/yeu-cau/moi?du_an=${encodeURIComponent(p.slug)}`}>
                {t('requests.new')}
              </a>
            </p>
          )}
        </div>
        <aside class="col-side">
          <dl class="facts">
            <dt>{t('projects.col.commune')}</dt>
            <dd>{p.communeName ?? '—'}</dd>
            <dt>{t('projects.detail.team')}</dt>
            <dd>
              <ul class="plain">
                {p.members.map((m) => (
                  <li>
                    {m.name}
                    {m.role === 'lead' && <span class="muted"> ({t('projects.lead.member')})</span>}
                  </li>
                ))}
              </ul>
            </dd>
            {p.needs.length > 0 && (
              <>
                <dt>{t('projects.detail.needs')}</dt>
                <dd>
                  <ul class="plain">
                    {p.needs.map((n) => (
                      <li>{labelOf(t, 'project.need', n)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {p.awards.length > 0 && (
              <>
                <dt>{t('projects.detail.awards')}</dt>
                <dd>
                  <ul class="plain">
                    {p.awards.map((a) => (
                      <li>
                        {a.year}: {a.title}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {p.links.length > 0 && (
              <>
                <dt>{t('projects.detail.links')}</dt>
                <dd>
                  <ul class="plain">
                    {p.links.map((href) => (
                      <li>
                        <a href={href} rel="nofollow noopener">
                          {href.replace(/^https?:\/\//, '')}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {(isStaff || canEdit) && (
              <>
                <dt>{t('projects.detail.caseOfficer')}</dt>
                <dd>{p.caseOfficerName ?? t('projects.detail.noCaseOfficer')}</dd>
              </>
            )}
          </dl>
          {isStaff && (
            <PostForm action={`/du-an/${p.slug}/phu-trach`} csrfToken={ctx.csrfToken} class="assign">
              <Select
                name="officerId"
                label={t('projects.field.caseOfficer')}
                value={p.caseOfficerId ?? ctx.actor?.id}
                options={staff.map((s) => ({ value: s.id, label: s.name }))}
              />
              <Button kind="secondary">{t('form.save')}</Button>
            </PostForm>
          )}
        </aside>
      </div>
    </Layout>
  );
};
