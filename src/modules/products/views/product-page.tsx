import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { JsonLd, OpenGraph } from '#kernel/ui/structured-data.tsx';
import type { Listing, ProductContext, ProductImage, ReadinessLine } from '../products.service.ts';
import { readinessItems } from '../products.taxonomy.ts';
import type { ReadinessSummary } from '../readiness.ts';
import { imageUrl, OcopBadge, priceText, ReadyBadge, thumbSize } from './parts.tsx';

export interface ProductPageProps {
  ctx: PageContext;
  view: ProductContext;
  images: ProductImage[];
  listings: Listing[];
  checklist: ReadinessLine[];
  summary: ReadinessSummary;
  today: string;
  isStaff: boolean;
  /** Absolute address of this page and of the site, for sharing and structured data. */
  url: string;
  baseUrl: string;
  province: string;
  values: FormValues;
  errors: Record<string, string>;
}

const listingTone = { pending: 'neutral', live: 'success', ended: 'danger' } as const;

function structuredData(p: ProductPageProps, description: string) {
  const { product: pr, project } = p.view;
  const { t } = p.ctx;
  const offers =
    pr.priceMinVnd !== null || pr.priceMaxVnd !== null
      ? {
          '@type': 'AggregateOffer',
          priceCurrency: 'VND',
          lowPrice: pr.priceMinVnd ?? pr.priceMaxVnd,
          highPrice: pr.priceMaxVnd ?? pr.priceMinVnd,
          url: p.url,
        }
      : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: pr.name,
    description,
    url: p.url,
    category: labelOf(t, 'products.category', pr.category),
    image: p.images.map((i) => `${p.baseUrl}${imageUrl(i.id)}`),
    brand: { '@type': 'Brand', name: project.name },
    manufacturer: {
      '@type': 'Organization',
      name: project.name,
      url: `${p.baseUrl}/du-an/${project.slug}`,
      address: {
        '@type': 'PostalAddress',
        addressLocality: project.communeName ?? undefined,
        addressRegion: p.province,
        addressCountry: 'VN',
      },
    },
    award: pr.ocopStars ? t('products.ocop.badge', { stars: pr.ocopStars }) : undefined,
    offers,
  };
}

const Gallery: FC<{ name: string; images: ProductImage[]; t: PageContext['t'] }> = ({ name, images, t }) => {
  const [first, ...rest] = images;
  if (!first) return null;
  const thumb = thumbSize(first.width, first.height);
  return (
    <div class="gallery">
      <a href={imageUrl(first.id)}>
        <img
          src={imageUrl(first.id, 'nho')}
          srcset={`${imageUrl(first.id, 'nho')} ${thumb.width}w, ${imageUrl(first.id)} ${first.width}w`}
          sizes="(min-width: 48em) 40rem, 100vw"
          width={first.width}
          height={first.height}
          alt={t('products.image.alt', { name, n: 1 })}
          fetchpriority="high"
        />
      </a>
      {rest.length > 0 && (
        <ul class="thumbs">
          {rest.map((image, i) => {
            const s = thumbSize(image.width, image.height, 160);
            return (
              <li>
                <a href={imageUrl(image.id)}>
                  <img
                    src={imageUrl(image.id, 'nho')}
                    width={s.width}
                    height={s.height}
                    alt={t('products.image.alt', { name, n: i + 2 })}
                    loading="lazy"
                  />
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
};

export const ProductPage: FC<ProductPageProps> = (p) => {
  const { t, lang } = p.ctx;
  const { product: pr, project, canEdit } = p.view;
  const description = (
    pr.description || t('products.page.defaultDescription', { name: pr.name, producer: project.name })
  )
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  const first = p.images[0];
  const price = priceText(t, lang, pr);
  const verified = p.checklist.filter(
    (l) => l.status === 'done' && l.verifiedAt && (!l.expiresOn || l.expiresOn >= p.today),
  );
  const labels = {
    name: t('products.inquiry.name'),
    organisation: t('products.inquiry.organisation'),
    email: t('products.inquiry.email'),
    phone: t('products.inquiry.phone'),
    quantity: t('products.inquiry.quantity'),
    message: t('products.inquiry.message'),
  };
  const head = (
    <>
      <OpenGraph
        type="product"
        title={pr.name}
        description={description}
        url={p.url}
        image={
          first ? { url: `${p.baseUrl}${imageUrl(first.id)}`, width: first.width, height: first.height } : undefined
        }
        locale={lang === 'vi' ? 'vi_VN' : 'en_GB'}
        siteName={t('site.name')}
      />
      {p.view.isPublicNow && <JsonLd data={structuredData(p, description)} />}
      {!p.view.isPublicNow && <meta name="robots" content="noindex" />}
    </>
  );
  return (
    <Layout ctx={p.ctx} title={pr.name} description={description} head={head}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/san-pham">{t('products.showcase.title')}</a>
      </nav>
      <div class="page-head">
        <h1>{pr.name}</h1>
        {canEdit && (
          <a class="button button-secondary" href={`/san-pham/${pr.slug}/sua`}>
            {t('products.edit')}
          </a>
        )}
      </div>
      <p class="badges">
        <Badge>{labelOf(t, 'products.category', pr.category)}</Badge>
        <OcopBadge t={t} stars={pr.ocopStars} />
        <ReadyBadge t={t} ready={p.summary.ready} />
        {!p.view.isPublicNow && <Badge tone="warning">{t('products.notPublic')}</Badge>}
      </p>
      <div class="columns">
        <div class="col-main">
          <Gallery name={pr.name} images={p.images} t={t} />
          {pr.description && (
            <div class="prose">
              {pr.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
          <h2>{t('products.page.readiness')}</h2>
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
          {(canEdit || p.isStaff) && (
            <p>
              <a href={`/san-pham/${pr.slug}/dieu-kien`}>
                {t('products.checklist.open', { met: p.summary.met, required: p.summary.required })}
              </a>
            </p>
          )}
          <h2>{t('products.page.listings')}</h2>
          {p.listings.length === 0 ? (
            <p class="muted">{t('products.page.listingsNone')}</p>
          ) : (
            <ul class="plain listing-list">
              {p.listings.map((l) => (
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
                  {p.isStaff && (
                    <>
                      {' · '}
                      <a href={`/san-pham/${pr.slug}/niem-yet/${l.id}`}>{t('products.listing.edit')}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {p.isStaff && (
            <p>
              <a class="button button-secondary" href={`/san-pham/${pr.slug}/niem-yet/moi`}>
                {t('products.listing.new')}
              </a>{' '}
              <a class="button button-secondary" href={`/ket-noi-tieu-thu/moi?san_pham=${pr.slug}`}>
                {t('products.connection.new')}
              </a>
            </p>
          )}
          <h2 id="hoi-mua">{t('products.inquiry.title')}</h2>
          <p>{t('products.inquiry.lead')}</p>
          <ErrorSummary t={t} errors={p.errors} labels={labels} />
          <PostForm action={`/san-pham/${pr.slug}/hoi-mua`} csrfToken={p.ctx.csrfToken} class="form">
            <Input
              name="name"
              label={labels.name}
              value={formValue(p.values, 'name')}
              error={p.errors.name}
              autocomplete="name"
              required
              maxlength={120}
            />
            <Input
              name="organisation"
              label={labels.organisation}
              value={formValue(p.values, 'organisation')}
              error={p.errors.organisation}
              autocomplete="organization"
              optionalText={t('form.optional')}
              maxlength={200}
            />
            <div class="row">
              <Input
                name="email"
                type="email"
                label={labels.email}
                value={formValue(p.values, 'email')}
                error={p.errors.email}
                autocomplete="email"
                required
                maxlength={254}
              />
              <Input
                name="phone"
                type="tel"
                label={labels.phone}
                value={formValue(p.values, 'phone')}
                error={p.errors.phone}
                autocomplete="tel"
                optionalText={t('form.optional')}
                maxlength={30}
              />
            </div>
            <Input
              name="quantity"
              label={labels.quantity}
              hint={t('products.inquiry.quantityHint')}
              value={formValue(p.values, 'quantity')}
              error={p.errors.quantity}
              optionalText={t('form.optional')}
              maxlength={120}
            />
            <TextArea
              name="message"
              label={labels.message}
              value={formValue(p.values, 'message')}
              error={p.errors.message}
              required
              rows={4}
              maxlength={2000}
            />
            <p hidden>
              <label for="f-website">Website</label>
              <input id="f-website" name="website" type="text" value="" tabindex={-1} autocomplete="off" />
            </p>
            <div class="form-actions">
              <Button>{t('products.inquiry.send')}</Button>
            </div>
          </PostForm>
        </div>
        <aside class="col-side">
          <dl class="facts">
            <dt>{t('products.page.producer')}</dt>
            <dd>
              <a href={`/du-an/${project.slug}`}>{project.name}</a>
            </dd>
            {project.communeName && (
              <>
                <dt>{t('products.filter.commune')}</dt>
                <dd>{project.communeName}</dd>
              </>
            )}
            {price && (
              <>
                <dt>{t('products.field.price')}</dt>
                <dd>{price}</dd>
              </>
            )}
            {pr.minOrder && (
              <>
                <dt>{t('products.field.minOrder')}</dt>
                <dd>{pr.minOrder}</dd>
              </>
            )}
            {pr.capacity && (
              <>
                <dt>{t('products.field.capacity')}</dt>
                <dd>{pr.capacity}</dd>
              </>
            )}
            {pr.ocopStars && (
              <>
                <dt>{t('products.field.ocop')}</dt>
                <dd>
                  {t('products.ocop.badge', { stars: pr.ocopStars })}
                  {pr.ocopCertificateNo ? ` · ${t('products.ocop.certificate', { number: pr.ocopCertificateNo })}` : ''}
                  {pr.ocopExpiresOn ? ` · ${t('products.ocop.until', { date: formatDate(pr.ocopExpiresOn) })}` : ''}
                </dd>
              </>
            )}
          </dl>
          {canEdit && p.images.length > 0 && (
            <>
              <h2 class="side-title">{t('products.image.manage')}</h2>
              <ul class="plain image-admin">
                {p.images.map((image, i) => (
                  <li>
                    <img
                      src={imageUrl(image.id, 'nho')}
                      width={thumbSize(image.width, image.height, 96).width}
                      height={thumbSize(image.width, image.height, 96).height}
                      alt={t('products.image.alt', { name: pr.name, n: i + 1 })}
                      loading="lazy"
                    />
                    <PostForm
                      action={`/san-pham/${pr.slug}/anh/${image.id}/xoa`}
                      csrfToken={p.ctx.csrfToken}
                      class="inline-form"
                    >
                      <button
                        type="submit"
                        class="button button-warning"
                        aria-label={t('products.image.removeN', { n: i + 1 })}
                      >
                        {t('products.image.remove')}
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            </>
          )}
        </aside>
      </div>
    </Layout>
  );
};
