import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatNumber, type Lang, type Translator } from '#kernel/i18n/index.ts';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const Badge: FC<PropsWithChildren<{ tone?: Tone }>> = ({ tone = 'neutral', children }) => (
  <span class={`badge badge-${tone}`}>{children}</span>
);

export const EmptyState: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <div class="empty">
    <p class="empty-title">{title}</p>
    {children}
  </div>
);

export interface Column<R> {
  label: string;
  cell: (row: R) => Child;
  /** The row's title: on phones, a line of its own above the others. */
  primary?: boolean;
  numeric?: boolean;
  /**
   * On phones the other cells share one line of meta under the title: `label` puts the column's
   * name before the value (for a bare number), `hide` leaves the cell out there.
   */
  phone?: 'label' | 'hide';
  /** The row's checkbox for actions on several rows: a 44 px target at the row's start. */
  select?: boolean;
}

/**
 * A table on wide screens; on phones a compact row: the title, then one line of meta (the
 * other cells side by side, without their column names unless asked).
 */
export function Table<R>({
  caption,
  columns,
  rows,
  rowClass,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  /** A class for a row that needs to stand out (an overdue request: `overdue`). */
  rowClass?: (row: R) => string | undefined;
}) {
  return (
    <div class="table-wrap">
      <table class={columns.some((c) => c.select) ? 'table selectable' : 'table'}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => (
              <th scope="col" class={col.numeric ? 'num' : undefined}>
                {col.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr class={rowClass?.(row)}>
              {columns.map((col) => (
                <td
                  data-label={col.phone === 'label' ? col.label : undefined}
                  class={
                    [
                      col.primary ? 'primary' : '',
                      col.numeric ? 'num' : '',
                      col.phone ? `phone-${col.phone}` : '',
                      col.select ? 'select' : '',
                    ]
                      .join(' ')
                      .trim() || undefined
                  }
                >
                  {col.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Builds a link to the same list with one query parameter changed, keeping the others. */
export function withQuery(
  path: string,
  query: Record<string, string | string[] | undefined>,
  change: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) {
    if (v === undefined || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) if (item !== '') params.append(k, item);
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const Pagination: FC<{
  t: Translator;
  lang: Lang;
  info: PageInfo;
  path: string;
  query: Record<string, string | string[] | undefined>;
  /** The count stopped at a cap: say "more than". */
  more?: boolean;
}> = ({ t, lang, info, path, query, more }) => (
  <nav class="pagination" aria-label={t('list.pagination')}>
    <p>
      {t(more ? 'list.countMore' : 'list.count', { count: formatNumber(info.total, lang) })} ·{' '}
      {t('list.page', { page: info.page, pages: formatNumber(info.pages, lang) })}
    </p>
    <ul>
      {info.page > 1 && (
        <li>
          <a rel="prev" href={withQuery(path, query, { page: info.page === 2 ? undefined : String(info.page - 1) })}>
            ← {t('list.prev')}
          </a>
        </li>
      )}
      {info.page < info.pages && (
        <li>
          <a rel="next" href={withQuery(path, query, { page: String(info.page + 1) })}>
            {t('list.next')} →
          </a>
        </li>
      )}
    </ul>
  </nav>
);

/** "12 kết quả" above a list, announced when a filter changes it. */
export const ResultCount: FC<{ t: Translator; lang: Lang; total: number; more?: boolean }> = ({
  t,
  lang,
  total,
  more,
}) => (
  <p class="result-count" role="status">
    {t(more ? 'list.countMore' : 'list.count', { count: formatNumber(total, lang) })}
  </p>
);

export interface FilterFormProps {
  t: Translator;
  action: string;
  /** The words search box, always in sight; its label says diacritics are not needed. */
  search?: { label: string; value?: string; name?: string };
  /** How many of the folded filters are set: the fold's button says so. */
  active?: number;
  /** Link back to the list with nothing set; shown when anything is. */
  clearHref?: string;
  /** Links that act on the filtered list (download as CSV). */
  extra?: Child;
  label?: string;
}

/**
 * The one way lists are filtered: a GET form with the search box in sight and the other filters
 * folded under "Bộ lọc" on phones (open on wide screens, where there is room).
 */
export const FilterForm: FC<PropsWithChildren<FilterFormProps>> = ({
  t,
  action,
  search,
  active = 0,
  clearHref,
  extra,
  label,
  children,
}) => (
  <form method="get" action={action} class="filters" role="search" aria-label={label}>
    {search && (
      <div class="filter-search">
        <label for="f-q">{search.label}</label>
        <div class="search-row">
          <input
            id="f-q"
            name={search.name ?? 'q'}
            type="search"
            value={search.value ?? ''}
            maxlength={100}
            autocomplete="off"
            placeholder={t('search.accentsOptional')}
          />
          <button type="submit" class="button button-primary">
            {t('form.search')}
          </button>
        </div>
      </div>
    )}
    {children && (
      <details class="more-filters">
        <summary>{active > 0 ? t('form.filtersActive', { count: active }) : t('form.filters')}</summary>
        <div class="filters-grid">
          {children}
          <div class="filter-actions">
            <button type="submit" class="button button-secondary">
              {t('form.filter')}
            </button>
          </div>
        </div>
      </details>
    )}
    {((clearHref && (active > 0 || search?.value)) || extra) && (
      <p class="filter-links">
        {clearHref && (active > 0 || search?.value) && <a href={clearHref}>{t('form.clear')}</a>}
        {extra}
      </p>
    )}
  </form>
);

export interface Fact {
  label: string;
  value: Child;
  /** A long value (a list) takes the whole width. */
  wide?: boolean;
}

/**
 * What a visitor came for, right under a page's title: a few facts and the main action, so that
 * on a phone they are in the first screen and not after a form or a timeline.
 */
export const KeyFacts: FC<
  PropsWithChildren<{ facts: (Fact | null | false | undefined | '' | 0)[]; label: string }>
> = ({ facts, label, children }) => {
  const shown = facts.filter((f): f is Fact => Boolean(f));
  return (
    <section class="key-facts" aria-label={label}>
      {shown.length > 0 && (
        <dl>
          {shown.map((f) => (
            <div class={f.wide ? 'wide' : undefined}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children && <div class="key-actions">{children}</div>}
    </section>
  );
};
