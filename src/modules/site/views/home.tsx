import type { FC } from 'hono/jsx';
import { formatNumber } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface HomeProps {
  ctx: PageContext;
  figures: { projects: number; supports: number; communes: number };
  latest: { slug: string; name: string; summary: string; communeName: string | null }[];
}

export const HomePage: FC<HomeProps> = ({ ctx, figures, latest }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p>
          <a class="button button-primary" href={ctx.actor ? '/du-an/moi' : '/dang-ky'}>
            {t('home.cta.register')}
          </a>{' '}
          <a class="button button-secondary" href="/du-an">
            {t('home.cta.browse')}
          </a>
        </p>
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t('home.figures')}</h2>
        <ul class="stats">
          <li class="stat">
            <strong>{formatNumber(figures.projects, lang)}</strong> {t('home.figure.projects')}
          </li>
          <li class="stat">
            <strong>{formatNumber(figures.supports, lang)}</strong> {t('home.figure.supports')}
          </li>
          <li class="stat">
            <strong>{formatNumber(figures.communes, lang)}</strong> {t('home.figure.communes')}
          </li>
        </ul>
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="latest">
          <h2 id="latest">{t('home.latest')}</h2>
          <ul class="cards">
            {latest.map((p) => (
              <li class="card">
                <h3>
                  <a href={`/du-an/${p.slug}`}>{p.name}</a>
                </h3>
                <p>{p.summary}</p>
                {p.communeName && <p class="muted">{p.communeName}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
};
