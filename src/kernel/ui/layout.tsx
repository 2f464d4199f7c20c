import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { Actor } from '#kernel/auth/roles.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import type { PageContext } from './context.ts';
import { CsrfField } from './form.tsx';

export interface NavLink {
  href: string;
  label: MessageKey;
}

/** Links that belong together (a person's own pages, the staff's work, administration) fold into one menu. */
export interface NavGroup {
  label: MessageKey;
  items: NavLink[];
}

export type NavEntry = NavLink | NavGroup;

const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;

/**
 * The menu for each kind of visitor: what they come for, nothing they cannot open. Public pages
 * first, then one group for the person's own pages or the staff's work, one for administration,
 * so that the widest menu (an admin's) stays on one line at 1366 px.
 */
export function navFor(actor: Actor | null): NavEntry[] {
  const role = actor?.role;
  const staff = role === 'officer' || role === 'admin';
  const entries: NavEntry[] = [
    { href: '/du-an', label: 'nav.projects' },
    { href: '/san-pham', label: 'products.nav.showcase' },
    { href: '/su-kien', label: 'events.nav' },
    { href: '/chuyen-gia', label: 'experts.nav' },
    { href: '/doi-tac', label: 'partners.nav' },
    { href: '/thu-vien', label: 'nav.library' },
  ];
  if (role === 'founder')
    entries.push({
      label: 'nav.mine',
      items: [
        { href: '/du-an/cua-toi', label: 'nav.myProjects' },
        { href: '/yeu-cau', label: 'nav.requests' },
        { href: '/hoi-mua', label: 'products.inquiries.title' },
        { href: '/su-kien/cua-toi', label: 'events.mine.title' },
        { href: '/khong-gian', label: 'nav.spaces' },
      ],
    });
  if (role === 'expert')
    entries.push({
      label: 'nav.mine',
      items: [
        { href: '/tu-van', label: 'nav.engagements' },
        { href: '/chuyen-gia/ho-so', label: 'experts.nav.mine' },
        { href: '/su-kien/cua-toi', label: 'events.mine.title' },
      ],
    });
  if (role === 'partner')
    entries.push({
      label: 'nav.mine',
      items: [
        { href: '/doi-tac/cua-toi', label: 'partners.nav.mine' },
        { href: '/su-kien/cua-toi', label: 'events.mine.title' },
      ],
    });
  if (staff)
    entries.push({
      label: 'nav.work',
      items: [
        { href: '/quan-ly/yeu-cau', label: 'nav.inbox' },
        { href: '/quan-ly/du-an-cho-duyet', label: 'projects.review.nav' },
        { href: '/tu-van', label: 'nav.engagements' },
        { href: '/ho-tro', label: 'nav.support' },
        { href: '/quan-ly/bao-cao', label: 'nav.reports' },
        { href: '/quan-ly/nguoi', label: 'nav.people' },
        { href: '/quan-ly/nhap-du-lieu', label: 'imports.nav' },
        { href: '/ket-noi-tieu-thu', label: 'products.nav.connections' },
        { href: '/hoi-mua', label: 'products.inquiries.title' },
        { href: '/su-kien-ngoai', label: 'events.external.title' },
        { href: '/dat-cho', label: 'spaces.bookings.title' },
        { href: '/quan-ly/yeu-cau-du-lieu', label: 'privacy.nav.requests' },
        { href: '/khao-sat', label: 'surveys.nav' },
        { href: '/quan-ly/luot-den', label: 'nav.visits' },
      ],
    });
  if (role === 'admin')
    entries.push({
      label: 'nav.admin',
      items: [
        { href: '/quan-tri/tai-khoan', label: 'nav.users' },
        { href: '/quan-tri/moi', label: 'admin.invite.title' },
        { href: '/quan-tri/hop-thu', label: 'nav.outbox' },
        { href: '/quan-tri/nhat-ky', label: 'nav.audit' },
        { href: '/quan-tri/cai-dat', label: 'setup.settings.title' },
        { href: '/quan-tri/quyen-rieng-tu', label: 'privacy.notice.admin' },
        { href: '/quan-tri/su-co', label: 'privacy.nav.breaches' },
      ],
    });
  entries.push({ href: '/tim-kiem', label: 'nav.search' });
  return entries;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** More of the head for pages made to be shared: canonical link, Open Graph, structured data. */
  head?: Child;
}

/** The signed-in person's links and the language switch: a slim bar above the brand. */
const AccountBar: FC<{ ctx: PageContext; current: string }> = ({ ctx, current }) => {
  const { t, actor, lang } = ctx;
  const otherLang = lang === 'vi' ? 'en' : 'vi';
  return (
    <div class="topbar">
      <ul class="wrap topbar-links">
        <li>
          <a href={`/ngon-ngu/${otherLang}?next=${encodeURIComponent(ctx.path)}`} hreflang={otherLang} lang={otherLang}>
            {t('site.lang.switch')}
          </a>
        </li>
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
    </div>
  );
};

/**
 * The main menu. On phones it folds behind a "Menu" button (a `<details>`: it opens without
 * JavaScript); on wide screens the CSS shows it open on the brand's line, and app.js opens it
 * in browsers whose CSS cannot.
 */
const MainMenu: FC<{ ctx: PageContext; current: string }> = ({ ctx, current }) => {
  const { t, actor } = ctx;
  const here = (href: string) => (current === href ? 'page' : undefined);
  return (
    <details class="menu" data-module="menu">
      <summary>
        <span class="menu-icon" aria-hidden="true"></span>
        {t('site.menu')}
      </summary>
      <nav aria-label={t('site.menu')}>
        <ul class="nav">
          {navFor(actor).map((entry) =>
            isGroup(entry) ? (
              <li class="nav-group">
                <details name="nav-group">
                  <summary class={entry.items.some((i) => i.href === current) ? 'is-current' : undefined}>
                    {t(entry.label)}
                  </summary>
                  <ul>
                    {entry.items.map((item) => (
                      <li>
                        <a href={item.href} aria-current={here(item.href)}>
                          {t(item.label)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ) : (
              <li>
                <a href={entry.href} aria-current={here(entry.href)}>
                  {t(entry.label)}
                </a>
              </li>
            ),
          )}
        </ul>
      </nav>
    </details>
  );
};

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ ctx, title, description, head, children }) => {
  const { t, lang, flash } = ctx;
  const current = ctx.path.split('?')[0] ?? '/';
  const department = t('site.department', { province: ctx.provinceName });
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <meta name="description" content={description ?? t('site.tagline')} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        {head}
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <AccountBar ctx={ctx} current={current} />
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('site.name')}</span>
              <span class="brand-tag">
                <span class="long">{department}</span>
                <span class="short" aria-hidden="true">
                  {t('site.department.short', { province: ctx.provinceName })}
                </span>
              </span>
            </a>
            <MainMenu ctx={ctx} current={current} />
          </div>
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
              <strong>{ctx.department?.name || department}</strong> · {ctx.department?.unit || t('site.unit')}
            </p>
            <p>
              <span class="footer-about">{t('site.footer.about')}</span>{' '}
              <a href="/so-lieu">{t('reports.public.nav')}</a> · <a href="/api/v1/docs">{t('site.footer.api')}</a> ·{' '}
              <a href="/quyen-rieng-tu">{t('privacy.nav.footer')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
};
