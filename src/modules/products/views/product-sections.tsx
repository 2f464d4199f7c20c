import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { PostForm } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { Listing, ProductImage, ReadinessLine } from '../catalogue/products.service.ts';
import { readinessItems } from '../products.taxonomy.ts';
import type { ReadinessSummary } from '../readiness/readiness.ts';
import { imageUrl, thumbSize } from './parts.tsx';

/**
 * The papers the Department has verified. The public sees the section only when there is one;
 * the team and staff also see what is missing and the way to the checklist.
 */
export const Readiness: FC<{
  t: PageContext['t'];
  slug: string;
  verified: ReadinessLine[];
  summary: ReadinessSummary;
  canSeeChecklist: boolean;
}> = ({ t, slug, verified, summary, canSeeChecklist }) => {
  if (verified.length === 0 && !canSeeChecklist) return null;
  return (
    <section aria-labelledby="dieu-kien">
      <h2 id="dieu-kien">{t('products.page.readiness')}</h2>
      {verified.length === 0 ? (
        <p class="muted">{t('products.page.readinessNone')}</p>
      ) : (
        <ul class="ready-list">
          {readinessItems
            .filter((code) => verified.some((l) => l.item === code))
            .map((code) => {
              const line = verified.find((l) => l.item === code);
              return (
                <li>
                  <span aria-hidden="true">✓ </span>
                  {labelOf(t, 'products.item', code)}
                  {line?.variant ? ` (${labelOf(t, `products.variant.${code}`, line.variant)})` : ''}
                </li>
              );
            })}
        </ul>
      )}
      {canSeeChecklist && (
        <p>
          <a href={`/san-pham/${slug}/dieu-kien`}>
            {t('products.checklist.open', { met: summary.met, required: summary.required })}
          </a>
        </p>
      )}
    </section>
  );
};

const listingTone = { pending: 'neutral', live: 'success', ended: 'danger' } as const;

/** Where the product is sold; left out of the public page when nowhere yet. */
export const Listings: FC<{ t: PageContext['t']; slug: string; listings: Listing[]; isStaff: boolean }> = ({
  t,
  slug,
  listings,
  isStaff,
}) => {
  if (listings.length === 0 && !isStaff) return null;
  return (
    <section aria-labelledby="noi-ban">
      <h2 id="noi-ban">{t('products.page.listings')}</h2>
      {listings.length === 0 ? (
        <p class="muted">{t('products.page.listingsNone')}</p>
      ) : (
        <ul class="plain listing-list">
          {listings.map((l) => (
            <li>
              {l.url ? (
                <a href={l.url} rel="nofollow noopener">
                  {labelOf(t, 'products.platform', l.platform)}
                </a>
              ) : (
                labelOf(t, 'products.platform', l.platform)
              )}{' '}
              <Badge tone={listingTone[l.status as keyof typeof listingTone] ?? 'neutral'}>
                {labelOf(t, 'products.listing.status', l.status)}
              </Badge>{' '}
              <span class="muted">{t('products.listing.since', { date: formatDate(l.listedOn) })}</span>
              {isStaff && (
                <>
                  {' · '}
                  <a href={`/san-pham/${slug}/niem-yet/${l.id}`}>{t('products.listing.edit')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {isStaff && (
        <p class="key-actions">
          <a class="button button-secondary" href={`/san-pham/${slug}/niem-yet/moi`}>
            {t('products.listing.new')}
          </a>
          <a class="button button-secondary" href={`/ket-noi-tieu-thu/moi?san_pham=${slug}`}>
            {t('products.connection.new')}
          </a>
        </p>
      )}
    </section>
  );
};

/** The team removes a photo; each button names which. */
export const ImageAdmin: FC<{ ctx: PageContext; slug: string; name: string; images: ProductImage[] }> = ({
  ctx,
  slug,
  name,
  images,
}) => {
  const { t } = ctx;
  if (images.length === 0) return null;
  return (
    <section aria-labelledby="quan-ly-anh">
      <h2 id="quan-ly-anh">{t('products.image.manage')}</h2>
      <ul class="plain image-admin">
        {images.map((image, i) => {
          const size = thumbSize(image.width, image.height, 96);
          return (
            <li>
              <img
                src={imageUrl(image.id, 'nho')}
                width={size.width}
                height={size.height}
                alt={t('products.image.alt', { name, n: i + 1 })}
                loading="lazy"
              />
              <PostForm action={`/san-pham/${slug}/anh/${image.id}/xoa`} csrfToken={ctx.csrfToken} class="inline-form">
                <button
                  type="submit"
                  class="button button-warning"
                  aria-label={t('products.image.removeN', { n: i + 1 })}
                >
                  {t('products.image.remove')}
                </button>
              </PostForm>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
