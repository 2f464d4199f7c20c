import type { FC } from 'hono/jsx';
import { EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface MyPartnersProps {
  ctx: PageContext;
  partners: { slug: string; name: string; kind: string }[];
}

/** A partner account's organisations (one redirects straight to it; this is for none or several). */
export const MyPartnersPage: FC<MyPartnersProps> = ({ ctx, partners }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('partners.mine.title')}>
      <h1>{t('partners.mine.title')}</h1>
      {partners.length === 0 ? (
        <EmptyState title={t('partners.mine.empty')}>
          <p>{t('partners.mine.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <p class="lead">{t('partners.mine.lead')}</p>
          <ul class="plain">
            {partners.map((p) => (
              <li>
                <a href={`/doi-tac/${p.slug}`}>{p.name}</a>{' '}
                <span class="muted">· {labelOf(t, 'partners.kind', p.kind)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
};
