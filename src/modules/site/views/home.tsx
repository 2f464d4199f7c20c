import type { FC } from 'hono/jsx';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface HomeProduct {
  href: string;
  name: string;
  maker: string;
  price: string;
  image: { src: string; width: number; height: number } | null;
}

export interface HomeProps {
  ctx: PageContext;
  figures: { projects: number; supports: number; communes: number };
  latest: { slug: string; name: string; summary: string; communeName: string | null; stage: string }[];
  events: { slug: string; title: string; kind: string; venue: string; startsOn: string; endsOn: string }[];
  products: HomeProduct[];
}

const dates = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

/** What is coming up: the next courses and events, each a row with its date first. */
const Upcoming: FC<{ ctx: PageContext; events: HomeProps['events'] }> = ({ ctx, events }) => {
  const { t } = ctx;
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">{t('home.upcoming')}</h2>
      <ul class="rows">
        {events.map((e) => (
          <li>
            <a class="row-title" href={`/su-kien/${e.slug}`}>
              {e.title}
            </a>
            <p class="row-meta">
              <strong>{dates(e.startsOn, e.endsOn)}</strong>
              <Badge tone="info">{labelOf(t, 'events.kind', e.kind)}</Badge>
              {e.venue && <span>{e.venue}</span>}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/su-kien">{t('home.allEvents')} →</a>
      </p>
    </section>
  );
};

/** A few products of the network, with their pictures: what the province makes. */
const Featured: FC<{ ctx: PageContext; products: HomeProduct[] }> = ({ ctx, products }) => {
  const { t } = ctx;
  if (products.length === 0) return null;
  return (
    <section aria-labelledby="featured">
      <h2 id="featured">{t('home.products')}</h2>
      <ul class="product-grid">
        {products.map((p) => (
          <li class="product-card">
            {p.image ? (
              <img src={p.image.src} width={p.image.width} height={p.image.height} alt="" loading="lazy" />
            ) : (
              <div class="product-noimage" aria-hidden="true" />
            )}
            <h3>
              <a href={p.href}>{p.name}</a>
            </h3>
            {p.price && <p class="price">{p.price}</p>}
            <p class="product-maker">{p.maker}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/san-pham">{t('home.allProducts')} →</a>
      </p>
    </section>
  );
};

/**
 * The front page: what the network is and the way in, then what is happening (events), what it
 * makes (products), its figures and its newest projects.
 */
export const HomePage: FC<HomeProps> = ({ ctx, figures, latest, events, products }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <section class="hero">
        <p class="hero-kicker">{t('site.department', { province: ctx.provinceName })}</p>
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p class="key-actions">
          <a class="button button-primary" href={ctx.actor ? '/du-an/moi' : '/dang-ky'}>
            {t('home.cta.register')}
          </a>
          <a class="button button-secondary" href="/du-an">
            {t('home.cta.browse')}
          </a>
        </p>
      </section>
      <div class="home-columns">
        <Upcoming ctx={ctx} events={events} />
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
          <p>
            <a href="/so-lieu">{t('home.allFigures')} →</a>
          </p>
        </section>
      </div>
      <Featured ctx={ctx} products={products} />
      {latest.length > 0 && (
        <section aria-labelledby="latest">
          <h2 id="latest">{t('home.latest')}</h2>
          <ul class="rows">
            {latest.map((p) => (
              <li>
                <a class="row-title" href={`/du-an/${p.slug}`}>
                  {p.name}
                </a>
                <p class="row-meta">
                  <Badge tone="info">{labelOf(t, 'project.stage', p.stage)}</Badge>
                  {p.communeName && <span>{p.communeName}</span>}
                  <span>{p.summary}</span>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <a href="/du-an">{t('home.cta.browse')} →</a>
          </p>
        </section>
      )}
    </Layout>
  );
};
