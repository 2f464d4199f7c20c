import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { MB, readUploads } from '#kernel/files/files.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { sendFile } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { CatalogueQuery, ItemInput } from './library.schemas.ts';
import { downloadItem, getItem, listItems, removeItem, saveItem } from './library.service.ts';
import { CatalogueListPage, ItemFormPage, ItemPage } from './views/library.tsx';

export const libraryPages = new Hono<AppEnv>();

const staffOnly = allow('officer', 'admin');
/** A library file: a PDF of a guide or a law, or a photo of a paper form. */
const fileRules = { accept: 'document' as const, maxBytes: 20 * MB, maxFiles: 1 };

libraryPages.get('/thu-vien', async (c) => {
  const filters = CatalogueQuery.parse(c.req.query());
  const page = pageFrom(c.req.query('page'), 20);
  const { items, total } = await listItems(c.var.deps.db, filters, page);
  return render(
    c,
    <CatalogueListPage ctx={pageContext(c)} items={items} info={pageInfo(page, total)} filters={filters} />,
  );
});

async function itemForm(
  c: Context<AppEnv>,
  slug: string | undefined,
  values?: FormValues,
  errors?: Record<string, string>,
  status = 200,
) {
  const item = slug ? await getItem(c.var.deps.db, slug) : undefined;
  return render(
    c,
    <ItemFormPage ctx={pageContext(c)} item={item} values={values} errors={errors} />,
    status as 200 | 422,
  );
}

libraryPages.get('/thu-vien/moi', staffOnly, (c) => itemForm(c, undefined));

libraryPages.post('/thu-vien/moi', staffOnly, (c) =>
  submitForm(
    c,
    ItemInput,
    (values, errors, status) => itemForm(c, undefined, values, errors, status),
    async (input, files) => {
      const [upload] = await readUploads(files.file, 'file', fileRules);
      const saved = await saveItem({ db: c.var.deps.db, actor: requireActor(c), input, upload });
      return redirectWithFlash(c, `/thu-vien/${saved.slug}`, 'library.created');
    },
  ),
);

libraryPages.get('/thu-vien/:slug', async (c) => {
  const item = await getItem(c.var.deps.db, c.req.param('slug'));
  return render(c, <ItemPage ctx={pageContext(c)} item={item} />);
});

libraryPages.get('/thu-vien/:slug/tai-ve', async (c) => {
  const got = await downloadItem({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  if (got.kind === 'link') return c.redirect(got.url, 303);
  return sendFile(c, got.file, { download: true, public: false });
});

libraryPages.get('/thu-vien/:slug/sua', staffOnly, (c) => itemForm(c, c.req.param('slug')));

libraryPages.post('/thu-vien/:slug/sua', staffOnly, async (c) => {
  const slug = c.req.param('slug');
  await getItem(c.var.deps.db, slug);
  return submitForm(
    c,
    ItemInput,
    (values, errors, status) => itemForm(c, slug, values, errors, status),
    async (input, files) => {
      const [upload] = await readUploads(files.file, 'file', fileRules);
      const saved = await saveItem({ db: c.var.deps.db, actor: requireActor(c), slug, input, upload });
      return redirectWithFlash(c, `/thu-vien/${saved.slug}`, 'library.updated');
    },
  );
});

libraryPages.post('/thu-vien/:slug/xoa', staffOnly, async (c) => {
  await removeItem({ db: c.var.deps.db, actor: requireActor(c), slug: c.req.param('slug') });
  return redirectWithFlash(c, '/thu-vien', 'library.removed');
});
