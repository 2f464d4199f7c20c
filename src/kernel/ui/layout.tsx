import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { Actor } from '#kernel/auth/roles.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import type { PageContext } from './context.ts';
import { CsrfField } from './form.tsx';

interface NavItem {
  href: string;
  label: MessageKey;
}

/** The menu for each kind of visitor: what they come for, nothing they cannot open. */
export function navFor(actor: Actor | null): NavItem[] {
  const items: NavItem[] = [
    { href: '/du-an', label: 'nav.projects' },
    { href: '/san-pham', label: 'products.nav.showcase' },
    { href: '/su-kien', label: 'events.nav' },
  ];
  if (actor?.role === 'founder')
    items.push({ href: '/du-an/cua-toi', label: 'nav.myProjects' }, { href: '/yeu-cau', label: 'nav.requests' });
  if (actor?.role === 'expert') items.push({ href: '/tu-van', label: 'nav.engagements' });
  if (actor?.role === 'officer' || actor?.role === 'admin')
    items.push({ href: '/quan-ly/yeu-cau', label: 'nav.inbox' }, { href: '/tu-van', label: 'nav.engagements' });
  items.push({ href: '/chuyen-gia', label: 'experts.nav' }, { href: '/doi-tac', label: 'partners.nav' });
  if (actor?.role === 'partner') items.push({ href: '/doi-tac/cua-toi', label: 'partners.nav.mine' });
  if (actor?.role === 'expert') items.push({ href: '/chuyen-gia/ho-so', label: 'experts.nav.mine' });
  if (actor?.role === 'officer' || actor?.role === 'admin') {
    items.push({ href: '/ho-tro', label: 'nav.support' });
    items.push({ href: '/ket-noi-tieu-thu', label: 'products.nav.connections' });
  }
  if (actor?.role === 'admin') {
    items.push({ href: '/quan-tri/tai-khoan', label: 'nav.users' });
    items.push({ href: '/quan-tri/hop-thu', label: 'nav.outbox' });
    items.push({ href: '/quan-tri/nhat-ky', label: 'nav.audit' });
  }
  items.push({ href: '/tim-kiem', label: 'nav.search' });
  return items;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** More of the head for pages made to be shared: canonical link, Open Graph, structured data. */
  head?: Child;
}

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ ctx, title, description, head, children }) => {
  const { t, actor, lang, flash } = ctx;
  const otherLang = lang === 'vi' ? 'en' : 'vi';
  const current = ctx.path.split('?')[0] ?? '/';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <meta name="description" content={description ?? t('site.tagline')} />
        <link rel="stylesheet" href="/static/app.css" />
        {head}
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('site.name')}</span>
              <span class="brand-tag">{t('site.tagline')}</span>
            </a>
            <a
              class="lang"
              href={`/ngon-ngu/${otherLang}?next=${encodeURIComponent(ctx.path)}`}
              hreflang={otherLang}
              lang={otherLang}
            >
              {t('site.lang.switch')}
            </a>
          </div>
          <nav class="wrap nav" aria-label={t('site.menu')}>
            <ul>
              {navFor(actor).map((item) => (
                <li>
                  <a href={item.href} aria-current={current === item.href ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
              {actor ? (
                <>
                  <li>
                    <a href="/tai-khoan" aria-current={current === '/tai-khoan' ? 'page' : undefined}>
                      {t('nav.account')}
                    </a>
                  </li>
                  <li>
                    <form method="post" action="/dang-xuat" class="inline">
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={`/dang-nhap?next=${encodeURIComponent(ctx.path)}`}>{t('nav.signIn')}</a>
                  </li>
                  <li>
                    <a href="/dang-ky">{t('nav.signUp')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {flash && (
            <div class={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
              {flash.text}
            </div>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <strong>{t('site.department', { province: ctx.provinceName })}</strong> · {t('site.unit')}
            </p>
            <p>{t('site.footer.about')}</p>
            <p>
              <a href="/api/v1/docs">{t('site.footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
};
