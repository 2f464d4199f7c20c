import type { Child, FC } from 'hono/jsx';
import { type CommuneOption, placesOf } from '#kernel/ui/communes.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ExpertDetail } from '../experts.service.ts';

export interface ExpertPageProps {
  ctx: PageContext;
  expert: ExpertDetail;
  communes: CommuneOption[];
  isStaff: boolean;
  /** Sections other modules add below the profile (engagements, projects that need this expert). */
  related?: Child;
}

export const ExpertPage: FC<ExpertPageProps> = ({ ctx, expert: e, communes, isStaff, related }) => {
  const { t } = ctx;
  const editHref = isStaff ? `/chuyen-gia/${e.slug}/sua` : e.isSelf ? '/chuyen-gia/ho-so' : undefined;
  return (
    <Layout ctx={ctx} title={e.name} description={e.headline}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/chuyen-gia">{t('experts.nav')}</a>
      </nav>
      <div class="page-head">
        <h1>{e.name}</h1>
        {editHref && (
          <a class="button button-secondary" href={editHref}>
            {t('experts.edit')}
          </a>
        )}
      </div>
      {!e.isPublic && (
        <p class="badges">
          <Badge tone="warning">{t('experts.private')}</Badge>{' '}
          <span class="muted">{t('experts.detail.privateNote')}</span>
        </p>
      )}
      <p class="lead">{e.headline}</p>
      <div class="columns">
        <div class="col-main">
          {e.bio && (
            <div class="prose">
              {e.bio.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
          {!e.isSelf && !isStaff && <p class="muted">{t('experts.detail.askOfficer')}</p>}
          {(e.isSelf || isStaff) && (
            <p class="actions">
              <a class="button button-secondary" href={`/chuyen-gia/${e.slug}/du-an-phu-hop`}>
                {t('matching.projectsLink')}
              </a>{' '}
              {e.isSelf && (
                <a class="button button-secondary" href="/tu-van">
                  {t('nav.engagements')}
                </a>
              )}
            </p>
          )}
          {related}
        </div>
        <aside class="col-side">
          <dl class="facts">
            {e.organisation && (
              <>
                <dt>{t('experts.detail.organisation')}</dt>
                <dd>{e.organisation}</dd>
              </>
            )}
            <dt>{t('experts.detail.specialties')}</dt>
            <dd>
              <ul class="plain">
                {e.specialties.map((s) => (
                  <li>{labelOf(t, 'experts.specialty', s)}</li>
                ))}
              </ul>
            </dd>
            {e.fields.length > 0 && (
              <>
                <dt>{t('experts.detail.fields')}</dt>
                <dd>
                  <ul class="plain">
                    {e.fields.map((f) => (
                      <li>{labelOf(t, 'project.field', f)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('experts.detail.where')}</dt>
            <dd>{placesOf(t, communes, e.communes, e.anywhere, t('experts.anywhere'))}</dd>
            {isStaff && (
              <>
                <dt>{t('experts.detail.contact')}</dt>
                <dd>
                  <ul class="plain">
                    <li>
                      <a href={`mailto:${e.email}`}>{e.email}</a>
                    </li>
                    {e.phone && (
                      <li>
                        <a href={`tel:${e.phone}`}>{e.phone}</a>
                      </li>
                    )}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </aside>
      </div>
    </Layout>
  );
};
