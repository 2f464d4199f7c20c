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
  /** Shown as the card's heading on phones. */
  primary?: boolean;
  numeric?: boolean;
}

/** A table on wide screens; on phones each row becomes a card labelled by its column names. */
export function Table<R>({ caption, columns, rows }: { caption: string; columns: Column<R>[]; rows: R[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
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
            <tr>
              {columns.map((col) => (
                <td
                  data-label={col.label}
                  class={[col.primary ? 'primary' : '', col.numeric ? 'num' : ''].join(' ').trim() || undefined}
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
