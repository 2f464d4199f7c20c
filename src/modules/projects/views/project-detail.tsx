import type { FC } from 'hono/jsx';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm, Select } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ProjectDetail } from '../projects.service.ts';
import type { TimelineEntry } from '../projects.timeline.ts';
import { ProjectFacts } from './project-facts.tsx';
import { ReviewBanner, ReviewForm } from './project-review.tsx';
import { Timeline } from './project-timeline.tsx';

export interface ProjectPageProps {
  ctx: PageContext;
  project: ProjectDetail;
  timeline: TimelineEntry[];
  canEdit: boolean;
  isStaff: boolean;
  /** Shown in full (outcomes, figures, evidence) to the team and staff; the public sees what and when. */
  showOutcomes: boolean;
  staff: { id: string; name: string }[];
  /** Team members' phone and e-mail from the people registry, by member id: given to staff only. */
  contacts?: Record<string, string>;
}

/** The team, the awards and the links: after the story, for those who read on. Nothing empty is shown. */
const MoreAbout: FC<{ t: PageContext['t']; project: ProjectDetail; contacts: Record<string, string> }> = ({
  t,
  project: p,
  contacts,
}) => (
  <dl class="facts">
    <dt>{t('projects.field.type')}</dt>
    <dd>{labelOf(t, 'project.type', p.type)}</dd>
    <dt>{t('projects.detail.team')}</dt>
    <dd>
      <ul class="plain">
        {p.members.map((m) => (
          <li>
            {m.name}
            {m.role === 'lead' && <span class="muted"> ({t('projects.lead.member')})</span>}
            {contacts[m.id] && (
              <div class="muted">
                {contacts[m.id]} <small>({t('projects.detail.contactsPrivate')})</small>
              </div>
            )}
          </li>
        ))}
      </ul>
    </dd>
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
  </dl>
);

/**
 * A project's page: its name and one-line summary, the key facts and next step, the story, the
 * support it has had (left out for the public while there is none), then the staff's assignment.
 */
export const ProjectPage: FC<ProjectPageProps> = ({
  ctx,
  project: p,
  timeline,
  canEdit,
  isStaff,
  showOutcomes,
  staff,
  contacts = {},
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
      {!p.isPublic && (
        <p>
          <Badge tone="warning">{t('projects.private')}</Badge>
        </p>
      )}
      {(canEdit || isStaff) && <ReviewBanner ctx={ctx} review={p.publishReview} note={p.reviewNote} />}
      {isStaff && p.publishReview === 'pending' && (
        <ReviewForm ctx={ctx} slug={p.slug} name={p.name} next={`/du-an/${p.slug}`} />
      )}
      <p class="lead">{p.summary}</p>
      <ProjectFacts ctx={ctx} project={p} canEdit={canEdit} isStaff={isStaff} />
      {p.description && (
        <div class="prose">
          {p.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </div>
      )}
      {(timeline.length > 0 || canEdit || isStaff) && (
        <>
          <h2>{t('projects.detail.timeline')}</h2>
          <Timeline ctx={ctx} entries={timeline} showOutcomes={showOutcomes} />
        </>
      )}
      <MoreAbout t={t} project={p} contacts={contacts} />
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
    </Layout>
  );
};
