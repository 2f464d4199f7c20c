import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import type { ProductContext, ProductImage } from '../catalogue/products.service.ts';
import { imageUrl } from './parts.tsx';

export interface ProductShare {
  ctx: PageContext;
  view: ProductContext;
  images: ProductImage[];
  /** Absolute address of the page and of the site. */
  url: string;
  baseUrl: string;
  province: string;
}

/** schema.org Product for search engines: what is sold, by whom, where, for how much. */
export function structuredData(p: ProductShare, description: string) {
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
