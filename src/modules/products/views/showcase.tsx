import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { EmptyState, FilterForm, Pagination, ResultCount } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { type Option, Select } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ShowcaseItem } from '../catalogue/products.service.ts';
import type { ShowcaseFilters } from '../products.schemas.ts';
import { productCategories } from '../products.taxonomy.ts';
import { imageUrl, OcopBadge, priceText, ReadyBadge, thumbSize } from './parts.tsx';

export interface ShowcaseProps {
  ctx: PageContext;
  items: ShowcaseItem[];
  info: PageInfo;
  more: boolean;
  filters: ShowcaseFilters;
  query: Record<string, string>;
  communes: Option[];
  /** Staff: a link to export products for a national platform. */
  canExport: boolean;
}

export const ProductCard: FC<{ ctx: PageContext; item: ShowcaseItem; headingLevel?: 2 | 3 }> = ({
  ctx,
  item: p,
  headingLevel = 2,
}) => {
  const { t, lang } = ctx;
  const size = p.cover ? thumbSize(p.cover.width, p.cover.height) : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const price = priceText(t, lang, p);
  return (
    <li class="product-card">
      {p.cover && size ? (
        <img
          src={imageUrl(p.cover.id, 'nho')}
          srcset={`${imageUrl(p.cover.id, 'nho')} ${size.width}w, ${imageUrl(p.cover.id, 'lon')} ${p.cover.width}w`}
          sizes="(min-width: 40em) 17rem, 50vw"
          width={size.width}
          height={size.height}
          alt=""
          loading="lazy"
          decoding="async"
        />
      ) : (
        <div class="product-noimage" aria-hidden="true" />
      )}
      <Heading>
        <a href={`/san-pham/${p.slug}`}>{p.name}</a>
      </Heading>
      {price && <p class="price">{price}</p>}
      <p class="product-maker">
        {p.projectName}
        {p.communeName ? ` · ${p.communeName}` : ''}
      </p>
      {(p.ocopStars || p.ready) && (
        <p class="badges">
          <OcopBadge t={t} stars={p.ocopStars} />
          <ReadyBadge t={t} ready={p.ready} />
        </p>
      )}
    </li>
  );
};

export const ShowcasePage: FC<ShowcaseProps> = (p) => {
  const { t, lang } = p.ctx;
  const all = t('products.filter.all');
  const filtered = Object.entries(p.query).some(([k, v]) => v && k !== 'page');
  const title = t('products.showcase.title');
  return (
    <Layout ctx={p.ctx} title={title} description={t('products.showcase.lead')}>
      <div class="page-head">
        <h1>{title}</h1>
        {p.canExport && (
          <a class="button button-secondary" href="/san-pham/xuat">
            {t('products.export.title')}
          </a>
        )}
      </div>
      <p class="lead list-lead">{t('products.showcase.lead')}</p>
      <FilterForm
        t={t}
        action="/san-pham"
        search={{ label: t('products.filter.q'), value: p.filters.q }}
        active={[p.filters.category, p.filters.commune, p.filters.ocop, p.filters.ready].filter(Boolean).length}
        clearHref="/san-pham"
      >
        <Select
          name="category"
          label={t('products.field.category')}
          value={p.filters.category}
          placeholder={all}
          options={optionsOf(t, 'products.category', productCategories)}
        />
        <Select
          name="commune"
          label={t('products.filter.commune')}
          value={p.filters.commune}
          placeholder={all}
          options={p.communes}
        />
        <Select
          name="ocop"
          label={t('products.filter.ocop')}
          value={p.filters.ocop}
          placeholder={all}
          options={['3', '4', '5'].map((s) => ({ value: s, label: t('products.filter.ocopAtLeast', { stars: s }) }))}
        />
        <div class="field check single">
          <input type="checkbox" id="f-ready" name="ready" value="1" checked={p.filters.ready === '1'} />
          <label for="f-ready">{t('products.filter.ready')}</label>
        </div>
      </FilterForm>
      {p.items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('products.showcase.empty')} />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={p.info.total} more={p.more} />
          <ul class="product-grid">
            {p.items.map((item) => (
              <ProductCard ctx={p.ctx} item={item} />
            ))}
          </ul>
          <Pagination t={t} lang={lang} info={p.info} path="/san-pham" query={p.query} more={p.more} />
        </>
      )}
    </Layout>
  );
};
