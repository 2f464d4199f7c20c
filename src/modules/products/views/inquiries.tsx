import type { FC } from 'hono/jsx';
import { formatDateTime } from '#kernel/i18n/index.ts';
import { Badge, EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { PostForm } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { InquiryRow } from '../connections/inquiries.service.ts';

const tone = { new: 'info', connected: 'success', closed: 'neutral' } as const;

export const InquiriesPage: FC<{ ctx: PageContext; items: InquiryRow[]; isStaff: boolean }> = ({
  ctx,
  items,
  isStaff,
}) => {
  const { t } = ctx;
  const title = t('products.inquiries.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{isStaff ? t('products.inquiries.leadStaff') : t('products.inquiries.leadTeam')}</p>
      {items.length === 0 ? (
        <EmptyState title={t('products.inquiries.none')} />
      ) : (
        <ul class="rows">
          {items.map((i) => (
            <li>
              <details class="row-fold">
                <summary>
                  <span class="row-fold-title">{i.productName}</span>
                  <span class="row-meta">
                    <Badge tone={tone[i.status as keyof typeof tone] ?? 'neutral'}>
                      {labelOf(t, 'products.inquiry.status', i.status)}
                    </Badge>
                    <span>{formatDateTime(i.createdAt)}</span>
                    <span>
                      {i.name}
                      {i.organisation ? ` · ${i.organisation}` : ''}
                    </span>
                  </span>
                </summary>
                <div class="row-fold-body">
                  <p>
                    <strong>{i.name}</strong>
                    {i.organisation ? ` · ${i.organisation}` : ''}
                    <br />
                    <a href={`mailto:${i.email}`}>{i.email}</a>
                    {i.phone ? ` · ${i.phone}` : ''}
                  </p>
                  {i.quantity && <p>{t('products.inquiry.quantityIs', { quantity: i.quantity })}</p>}
                  <p class="message">{i.message}</p>
                  <p>
                    <a href={`/san-pham/${i.productSlug}`}>{t('products.inquiry.seeProduct')}</a>
                    {i.connectionId && (
                      <>
                        {' · '}
                        <a href={`/ket-noi-tieu-thu/${i.connectionId}`}>{t('products.inquiry.seeConnection')}</a>
                      </>
                    )}
                  </p>
                  {isStaff && i.status === 'new' && (
                    <div class="row-actions">
                      <a class="button button-primary" href={`/ket-noi-tieu-thu/moi?hoi_mua=${i.id}`}>
                        {t('products.inquiry.toConnection')}
                      </a>
                      <PostForm action={`/hoi-mua/${i.id}/dong`} csrfToken={ctx.csrfToken} class="inline-form">
                        <button type="submit" class="button button-secondary">
                          {t('products.inquiry.close')}
                        </button>
                      </PostForm>
                    </div>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};
