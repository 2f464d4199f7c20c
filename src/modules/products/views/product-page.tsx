import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { JsonLd, OpenGraph } from '#kernel/ui/structured-data.tsx';
import type { Listing, ProductContext, ProductImage, ReadinessLine } from '../catalogue/products.service.ts';
import type { ReadinessSummary } from '../readiness/readiness.ts';
import { InquiryForm } from './inquiry-form.tsx';
import { imageUrl } from './parts.tsx';
import { ProductFacts } from './product-facts.tsx';
import { Gallery } from './product-gallery.tsx';
import { ImageAdmin, Listings, Readiness } from './product-sections.tsx';
import { structuredData } from './product-structured-data.ts';

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

/**
 * A product's public page: name, then what a buyer came for (price, producer, "hỏi mua"), the
 * photos and description, the verified papers and where it is sold when there are any, and the
 * inquiry form last.
 */
export const ProductPage: FC<ProductPageProps> = (p) => {
  const { t, lang } = p.ctx;
  const { product: pr, project, canEdit } = p.view;
  const description = (
    pr.description || t('products.page.defaultDescription', { name: pr.name, producer: project.name })
  )
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  const first = p.images[0];
  const verified = p.checklist.filter(
    (l) => l.status === 'done' && l.verifiedAt && (!l.expiresOn || l.expiresOn >= p.today),
  );
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
      {!p.view.isPublicNow && (
        <p>
          <Badge tone="warning">{t('products.notPublic')}</Badge>
        </p>
      )}
      <div class="detail-top">
        <ProductFacts t={t} lang={lang} view={p.view} ready={p.summary.ready} />
        <Gallery name={pr.name} images={p.images} t={t} />
      </div>
      {pr.description && (
        <div class="prose">
          {pr.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </div>
      )}
      <Readiness t={t} slug={pr.slug} verified={verified} summary={p.summary} canSeeChecklist={canEdit || p.isStaff} />
      <Listings t={t} slug={pr.slug} listings={p.listings} isStaff={p.isStaff} />
      <InquiryForm ctx={p.ctx} slug={pr.slug} values={p.values} errors={p.errors} />
      {canEdit && <ImageAdmin ctx={p.ctx} slug={pr.slug} name={pr.name} images={p.images} />}
    </Layout>
  );
};
