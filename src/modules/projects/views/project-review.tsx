import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Pagination } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ReviewItem } from '../projects.service.ts';

/** Publish, or send back with a note: one form, two buttons; `next` is where to come back to. */
export const ReviewForm: FC<{
  ctx: PageContext;
  slug: string;
  name: string;
  next: string;
  note?: string;
  error?: string;
}> = ({ ctx, slug, name, next, note, error }) => {
  const { t } = ctx;
  return (
    <PostForm action={`/du-an/${slug}/duyet`} csrfToken={ctx.csrfToken} class="review-form">
      <input type="hidden" name="next" value={next} />
      <TextArea
        name="note"
        scope={slug}
        label={`${t('projects.review.note')} (${name})`}
        value={note ?? ''}
        error={error}
        rows={2}
        maxlength={1000}
      />
      <div class="form-actions">
        <Button name="decision" value="approve">
          {t('projects.review.approve')}
        </Button>
        <Button kind="secondary" name="decision" value="return">
          {t('projects.review.return')}
        </Button>
      </div>
    </PostForm>
  );
};

/** What the team (and staff) read at the top of a project that waits for review or was sent back. */
export const ReviewBanner: FC<{ ctx: PageContext; review: string | null; note: string }> = ({ ctx, review, note }) => {
  const { t } = ctx;
  if (review === 'pending')
    return (
      <div class="notice">
        <p>{t('projects.review.banner.pending')}</p>
      </div>
    );
  if (review === 'returned')
    return (
      <div class="notice notice-warning">
        <p>{t('projects.review.banner.returned', { note })}</p>
        <p>{t('projects.review.banner.returnedHint')}</p>
      </div>
    );
  return null;
};

export interface ReviewQueueProps {
  ctx: PageContext;
  items: ReviewItem[];
  pending: number;
  info: PageInfo;
  query: Record<string, string>;
  /** A refused answer: the project it was for and its message, with what was typed. */
  refused?: { slug: string; error: string; note: string };
}

/** Staff's queue of founders' projects waiting to be published, with the answer beside each. */
export const ReviewQueuePage: FC<ReviewQueueProps> = ({ ctx, items, pending, info, query, refused }) => {
  const { t, lang } = ctx;
  const title = t('projects.review.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('projects.review.lead')}</p>
      {refused && <ErrorSummary t={t} errors={{ note: refused.error }} labels={{ note: t('projects.review.note') }} />}
      {items.length === 0 ? (
        <EmptyState title={t('projects.review.empty')} />
      ) : (
        <>
          <p>{t('projects.review.count', { count: pending })}</p>
          <ul class="cards review-list">
            {items.map((p) => (
              <li class="card">
                <h2>
                  <a href={`/du-an/${p.slug}`}>{p.name}</a>
                </h2>
                <p>
                  <Badge tone={p.publishReview === 'pending' ? 'warning' : 'neutral'}>
                    {t(p.publishReview === 'pending' ? 'projects.review.pending' : 'projects.review.returned')}
                  </Badge>{' '}
                  <span class="muted">
                    {[p.communeName, t('projects.review.sentAt', { date: formatDate(p.updatedAt) })]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </p>
                <p>{p.summary}</p>
                {p.publishReview === 'returned' ? (
                  <p class="muted">{p.reviewNote}</p>
                ) : (
                  <ReviewForm
                    ctx={ctx}
                    slug={p.slug}
                    name={p.name}
                    next="/quan-ly/du-an-cho-duyet"
                    note={refused?.slug === p.slug ? refused.note : ''}
                    error={refused?.slug === p.slug ? refused.error : undefined}
                  />
                )}
              </li>
            ))}
          </ul>
          <Pagination t={t} lang={lang} info={info} path="/quan-ly/du-an-cho-duyet" query={query} />
        </>
      )}
    </Layout>
  );
};
