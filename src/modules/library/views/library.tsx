import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatNumber, type Translator } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, KeyFacts, Pagination } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, FileInput, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { CatalogueQuery } from '../library.schemas.ts';
import type { LibraryItem } from '../library.service.ts';
import { itemAccess, itemCategories, itemKinds } from '../library.taxonomy.ts';

type Errors = Record<string, string>;
const staff = (ctx: PageContext) => ctx.actor?.role === 'officer' || ctx.actor?.role === 'admin';

/** "1,2 MB", "340 KB". */
function sizeOf(bytes: number, t: Translator): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, t.lang)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), t.lang)} KB`;
}

const tagsList = (tags: string) =>
  tags
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export const CatalogueListPage: FC<{
  ctx: PageContext;
  items: LibraryItem[];
  info: PageInfo;
  filters: CatalogueQuery;
}> = ({ ctx, items, info, filters }) => {
  const { t, lang } = ctx;
  const query = { q: filters.q, loai: filters.loai, chu_de: filters.chu_de, the: filters.the };
  return (
    <Layout ctx={ctx} title={t('library.title')} description={t('library.lead')}>
      <h1>{t('library.title')}</h1>
      <p class="lead list-lead">{t('library.lead')}</p>
      {staff(ctx) && (
        <p>
          <a class="button button-primary" href="/thu-vien/moi">
            {t('library.new')}
          </a>
        </p>
      )}
      <FilterForm
        t={t}
        action="/thu-vien"
        search={{ label: t('library.search'), value: filters.q }}
        active={[filters.loai, filters.chu_de, filters.the].filter(Boolean).length}
        clearHref="/thu-vien"
      >
        <Select
          name="loai"
          label={t('library.field.kind')}
          value={filters.loai ?? ''}
          placeholder={t('library.all')}
          options={optionsOf(t, 'library.kind', itemKinds)}
        />
        <Select
          name="chu_de"
          label={t('library.field.category')}
          value={filters.chu_de ?? ''}
          placeholder={t('library.all')}
          options={optionsOf(t, 'library.category', itemCategories)}
        />
        <Input name="the" label={t('library.field.tags')} value={filters.the ?? ''} maxlength={60} />
      </FilterForm>
      {items.length === 0 ? (
        <EmptyState title={t('library.empty')}>
          <p>{t('library.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <ul class="cards">
            {items.map((i) => (
              <li class="card">
                <h2>
                  <a href={`/thu-vien/${i.slug}`}>{i.title}</a>
                </h2>
                <p>
                  {labelOf(t, 'library.kind', i.kind)} · {labelOf(t, 'library.category', i.category)}
                  {i.year ? ` · ${i.year}` : ''} · {t('library.downloads', { count: formatNumber(i.downloads, lang) })}
                  {i.access === 'members' && (
                    <>
                      {' '}
                      <Badge tone="info">{t('library.membersOnly')}</Badge>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pagination t={t} lang={lang} info={info} path="/thu-vien" query={query} />
        </>
      )}
    </Layout>
  );
};

export const ItemPage: FC<{
  ctx: PageContext;
  item: LibraryItem & { fileName: string | null; fileSize: number | null };
}> = ({ ctx, item: i }) => {
  const { t, lang } = ctx;
  const canOpen = i.access === 'public' || !!ctx.actor;
  const downloadable = !!i.fileId || !!i.url;
  return (
    <Layout ctx={ctx} title={i.title} description={i.description.slice(0, 160)}>
      <p>
        <a href="/thu-vien">{t('library.title')}</a>
      </p>
      <h1>{i.title}</h1>
      <KeyFacts
        label={i.title}
        facts={[
          { label: t('library.field.kind'), value: labelOf(t, 'library.kind', i.kind) },
          { label: t('library.field.category'), value: labelOf(t, 'library.category', i.category) },
          !!i.author && { label: t('library.field.author'), value: i.author },
          !!i.year && { label: t('library.field.year'), value: String(i.year) },
          !!i.shelfMark && { label: t('library.field.shelfMark'), value: i.shelfMark },
          { label: t('library.field.access'), value: labelOf(t, 'library.access', i.access) },
          { label: t('library.field.downloads'), value: formatNumber(i.downloads, lang) },
        ]}
      >
        {downloadable &&
          (canOpen ? (
            <a class="button button-primary" href={`/thu-vien/${i.slug}/tai-ve`} rel="nofollow">
              {i.fileId ? t('library.download') : t('library.open')}
            </a>
          ) : (
            <a class="button button-primary" href={`/dang-nhap?next=${encodeURIComponent(`/thu-vien/${i.slug}`)}`}>
              {t('library.signInToDownload')}
            </a>
          ))}
        {staff(ctx) && (
          <>
            {' '}
            <a href={`/thu-vien/${i.slug}/sua`}>{t('library.edit')}</a>
          </>
        )}
      </KeyFacts>
      {i.fileName && i.fileSize !== null && (
        <p class="muted">{t('library.file', { name: i.fileName, size: sizeOf(i.fileSize, t) })}</p>
      )}
      {i.description && <p class="pre">{i.description}</p>}
      {i.tags && (
        <ul class="inline-list" aria-label={t('library.field.tags')}>
          {tagsList(i.tags).map((tag) => (
            <li>
              <a href={`/thu-vien?the=${encodeURIComponent(tag)}`}>#{tag}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

export const ItemFormPage: FC<{
  ctx: PageContext;
  item?: LibraryItem & { fileName: string | null };
  values?: FormValues;
  errors?: Errors;
}> = ({ ctx, item: i, values, errors = {} }) => {
  const { t } = ctx;
  const title = i ? t('library.edit') : t('library.new');
  const v = (name: string, fallback: string) => (values ? formValue(values, name) : fallback);
  const labels = {
    title: t('library.field.title'),
    kind: t('library.field.kind'),
    category: t('library.field.category'),
    tags: t('library.field.tags'),
    description: t('library.field.description'),
    author: t('library.field.author'),
    year: t('library.field.year'),
    url: t('library.field.url'),
    shelfMark: t('library.field.shelfMark'),
    access: t('library.field.access'),
    file: t('library.field.file'),
  };
  const optional = t('form.optional');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={i ? `/thu-vien/${i.slug}` : '/thu-vien'}>{i ? i.title : t('library.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm
        action={i ? `/thu-vien/${i.slug}/sua` : '/thu-vien/moi'}
        csrfToken={ctx.csrfToken}
        class="form"
        multipart
      >
        <Input name="title" label={labels.title} value={v('title', i?.title ?? '')} error={errors.title} required />
        <Select
          name="kind"
          label={labels.kind}
          value={v('kind', i?.kind ?? '')}
          options={optionsOf(t, 'library.kind', itemKinds)}
          placeholder="—"
          error={errors.kind}
          required
        />
        <Select
          name="category"
          label={labels.category}
          value={v('category', i?.category ?? '')}
          options={optionsOf(t, 'library.category', itemCategories)}
          placeholder="—"
          error={errors.category}
          required
        />
        <Input
          name="tags"
          label={labels.tags}
          hint={t('library.field.tagsHint')}
          value={v('tags', i?.tags ?? '')}
          error={errors.tags}
          optionalText={optional}
        />
        <TextArea
          name="description"
          label={labels.description}
          value={v('description', i?.description ?? '')}
          error={errors.description}
          rows={5}
          optionalText={optional}
        />
        <Input
          name="author"
          label={labels.author}
          value={v('author', i?.author ?? '')}
          error={errors.author}
          optionalText={optional}
        />
        <Input
          name="year"
          label={labels.year}
          inputmode="numeric"
          value={v('year', i?.year ? String(i.year) : '')}
          error={errors.year}
          optionalText={optional}
        />
        <FileInput
          name="file"
          label={labels.file}
          hint={t('library.field.fileHint')}
          accept="application/pdf,image/jpeg,image/png,image/webp"
          error={errors.file}
          values={values}
          t={t}
        />
        {i?.fileName && (
          <Checkbox
            name="removeFile"
            label={`${t('library.field.removeFile')}: ${i.fileName}`}
            checked={v('removeFile', '') === 'on'}
          />
        )}
        <Input
          name="url"
          type="url"
          label={labels.url}
          value={v('url', i?.url ?? '')}
          error={errors.url}
          optionalText={optional}
        />
        <Input
          name="shelfMark"
          label={labels.shelfMark}
          hint={t('library.field.shelfMarkHint')}
          value={v('shelfMark', i?.shelfMark ?? '')}
          error={errors.shelfMark}
          optionalText={optional}
        />
        <Select
          name="access"
          label={labels.access}
          value={v('access', i?.access ?? 'public')}
          options={optionsOf(t, 'library.access', itemAccess)}
          error={errors.access}
          required
        />
        <Button>{title}</Button>
      </PostForm>
      {i && (
        <PostForm action={`/thu-vien/${i.slug}/xoa`} csrfToken={ctx.csrfToken} class="form">
          <p class="hint">{t('library.removeHint')}</p>
          <Button kind="warning">{t('library.remove')}</Button>
        </PostForm>
      )}
    </Layout>
  );
};
