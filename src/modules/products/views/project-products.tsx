import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ShowcaseItem } from '../catalogue/products.service.ts';
import type { InquiryRow } from '../connections/inquiries.service.ts';
import type { ReadinessSummary } from '../readiness/readiness.ts';
import { OcopBadge, ReadyBadge } from './parts.tsx';

export interface ProjectProductsProps {
  ctx: PageContext;
  project: { slug: string; name: string };
  canEdit: boolean;
  isStaff: boolean;
  items: (ShowcaseItem & { isPublic: boolean; summary: ReadinessSummary })[];
  inquiries: InquiryRow[];
}

export const ProjectProductsPage: FC<ProjectProductsProps> = ({ ctx, project, canEdit, isStaff, items, inquiries }) => {
  const { t } = ctx;
  const title = t('products.ofProject', { name: project.name });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/du-an/${project.slug}`}>{project.name}</a>
      </nav>
      <div class="page-head">
        <h1>{title}</h1>
        {canEdit && (
          <a class="button button-primary" href={`/du-an/${project.slug}/san-pham/moi`}>
            {t('products.new')}
          </a>
        )}
        {isStaff && (
          <a class="button button-secondary" href={`/ket-noi-tieu-thu/moi?du_an=${project.slug}`}>
            {t('products.connection.new')}
          </a>
        )}
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('products.ofProject.empty')} />
      ) : (
        <ul class="cards">
          {items.map((p) => (
            <li class="card">
              <h2>
                <a href={`/san-pham/${p.slug}`}>{p.name}</a>
              </h2>
              <p class="badges">
                <Badge>{labelOf(t, 'products.category', p.category)}</Badge>
                <OcopBadge t={t} stars={p.ocopStars} />
                <ReadyBadge t={t} ready={p.ready} />
                {!p.isPublic && <Badge tone="warning">{t('products.notPublic')}</Badge>}
              </p>
              {canEdit && (
                <>
                  <p>
                    <a href={`/san-pham/${p.slug}/dieu-kien`}>
                      {t('products.checklist.open', { met: p.summary.met, required: p.summary.required })}
                    </a>
                  </p>
                  {p.summary.warnings.map((w) => (
                    <p>
                      <Badge tone={w.daysLeft < 0 ? 'danger' : 'warning'}>
                        {w.daysLeft < 0 ? t('products.expiry.expired') : t('products.expiry.soon')}
                      </Badge>{' '}
                      {labelOf(t, 'products.item', w.item)} · {formatDate(w.expiresOn)}
                    </p>
                  ))}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <h2>{t('products.inquiries.title')}</h2>
          {inquiries.length === 0 ? (
            <p class="muted">{t('products.inquiries.none')}</p>
          ) : (
            <ul class="results">
              {inquiries.map((i) => (
                <li>
                  <strong>{i.name}</strong>
                  {i.organisation ? ` (${i.organisation})` : ''} · {i.productName} · {formatDate(i.createdAt)}
                  <p>{i.message}</p>
                  <p class="muted">
                    {i.email}
                    {i.phone ? ` · ${i.phone}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
};
