import type { FC } from 'hono/jsx';
import { formatDate, type Lang, type Translator } from '#kernel/i18n/index.ts';
import { KeyFacts } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { ProductContext } from '../catalogue/products.service.ts';
import { OcopBadge, priceText, ReadyBadge } from './parts.tsx';

/** Right under the name: price, producer and where, OCOP, and the one thing a buyer does: ask. */
export const ProductFacts: FC<{ t: Translator; lang: Lang; view: ProductContext; ready: boolean }> = ({
  t,
  lang,
  view,
  ready,
}) => {
  const { product: pr, project } = view;
  const price = priceText(t, lang, pr);
  return (
    <KeyFacts
      label={t('products.page.summary')}
      facts={[
        { label: t('products.field.price'), value: price || t('products.page.priceOnRequest') },
        {
          label: t('products.page.producer'),
          value: (
            <>
              <a href={`/du-an/${project.slug}`}>{project.name}</a>
              {project.communeName && <span class="muted"> · {project.communeName}</span>}
            </>
          ),
        },
        pr.minOrder && { label: t('products.field.minOrder'), value: pr.minOrder },
        pr.capacity && { label: t('products.field.capacity'), value: pr.capacity },
        pr.ocopStars && {
          label: t('products.field.ocop'),
          value: (
            <>
              <OcopBadge t={t} stars={pr.ocopStars} />
              {pr.ocopExpiresOn && (
                <span class="muted"> {t('products.ocop.until', { date: formatDate(pr.ocopExpiresOn) })}</span>
              )}
            </>
          ),
        },
        { label: t('products.field.category'), value: labelOf(t, 'products.category', pr.category) },
      ]}
    >
      <a class="button button-primary" href="#hoi-mua">
        {t('products.inquiry.title')}
      </a>
      <ReadyBadge t={t} ready={ready} />
    </KeyFacts>
  );
};
