import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { sendFile } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, readForm, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { sharedReadMs, untilWrite } from '#kernel/http/response-cache.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { listCommunes } from '#modules/places/index.ts';
import { canEdit, getProject } from '#modules/projects/index.ts';
import { exportChoices, exportProducts } from './catalogue/export.service.ts';
import { createListing, updateListing } from './catalogue/listings.service.ts';
import {
  checklistOf,
  createProduct,
  editableProduct,
  imagesOf,
  listingsOf,
  listShowcase,
  MAX_IMAGES,
  type Product,
  type ProductContext,
  productContext,
  productImageFile,
  productsOfProject,
  removeImage,
  sitemapEntries,
  updateProduct,
} from './catalogue/products.service.ts';
import { connectionsPages } from './connections/connections.pages.tsx';
import { closeInquiry, createInquiry, listInquiries } from './connections/inquiries.service.ts';
import { InquiryInput, ListingInput, ProductInput, ReadinessInput, ShowcaseFilters } from './products.schemas.ts';
import { readinessDocument, updateReadinessItem, verifyReadinessItem } from './readiness/readiness.service.ts';
import { readinessSummary } from './readiness/readiness.ts';
import { ChecklistPage, ItemFormPage } from './views/checklist.tsx';
import { ExportPage } from './views/export.tsx';
import { InquiriesPage } from './views/inquiries.tsx';
import { ListingFormPage } from './views/listing-form.tsx';
import { ProductFormPage } from './views/product-form.tsx';
import { ProductPage } from './views/product-page.tsx';
import { ProjectProductsPage } from './views/project-products.tsx';
import { ShowcasePage } from './views/showcase.tsx';

export const productsPages = new Hono<AppEnv>();
productsPages.route('/', connectionsPages);

/** Communes as filter options: "Thất Khê (Tràng Định)". */
async function communeOptions(c: Context<AppEnv>) {
  const communes = await listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE);
  return communes.map((x) => ({
    value: x.slug,
    label: x.formerDistrictName ? `${x.name} (${x.formerDistrictName})` : x.name,
  }));
}

productsPages.get('/san-pham', async (c) => {
  const query = c.req.query();
  const filters = ShowcaseFilters.parse(query);
  const page = pageFrom(query.page, 20);
  const { items, total, more } = await listShowcase({ db: c.var.deps.db, filters, page });
  return render(
    c,
    <ShowcasePage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      more={more}
      filters={filters}
      query={query}
      communes={await communeOptions(c)}
      canExport={isStaff(c.var.actor)}
    />,
  );
});

productsPages.get('/sitemap.xml', async (c) => {
  const { config, db } = c.var.deps;
  // Up to 100,000 rows: made once, kept until the next write (a minute at most).
  const xml = await untilWrite(db, 'sitemap', sharedReadMs(config), () => sitemapXml(db, config.BASE_URL));
  c.header('Content-Type', 'application/xml; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(xml);
});

async function sitemapXml(db: Db, base: string | undefined): Promise<string> {
  const entries = await sitemapEntries(db);
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = [
    { path: '/', updatedAt: null },
    { path: '/san-pham', updatedAt: null },
    { path: '/du-an', updatedAt: null },
    ...entries,
  ]
    .map(
      (e) =>
        `<url><loc>${xmlEscape(base + e.path)}</loc>${e.updatedAt ? `<lastmod>${e.updatedAt.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** A product photo: public ones cached for a year (the address never changes its bytes). */
productsPages.get('/anh-san-pham/:id/:size{lon|nho}', async (c) => {
  const size = c.req.param('size') === 'nho' ? 'thumb' : 'full';
  const { file, isPublic } = await productImageFile({
    db: c.var.deps.db,
    actor: c.var.actor,
    imageId: c.req.param('id'),
    size,
  });
  return sendFile(c, file, { public: isPublic, immutable: isPublic });
});

/* ---------- Export for national platforms (staff) ---------- */

productsPages.get('/san-pham/xuat', allow('officer', 'admin'), async (c) => {
  const choices = await exportChoices(c.var.deps.db, requireActor(c));
  const today = todayInVietnam();
  return render(
    c,
    <ExportPage
      ctx={pageContext(c)}
      choices={choices.map((x) => ({ ...x, ready: x.readyUntil !== null && x.readyUntil >= today }))}
    />,
  );
});

productsPages.get('/san-pham/xuat.zip', allow('officer', 'admin'), async (c) => {
  const actor = requireActor(c);
  const { db, config, provinceName } = c.var.deps;
  const ids = c.req.queries('id') ?? [];
  try {
    const bytes = await exportProducts({ db, actor, ids, baseUrl: config.BASE_URL, province: provinceName });
    c.header('Content-Type', 'application/zip');
    c.header('Content-Disposition', `attachment; filename="san-pham-${todayInVietnam()}.zip"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const choices = await exportChoices(db, actor);
    return render(
      c,
      <ExportPage
        ctx={pageContext(c)}
        choices={choices.map((x) => ({ ...x, ready: false }))}
        error={c.var.t('products.export.none')}
      />,
      422,
    );
  }
});

/* ---------- Inquiries ---------- */

productsPages.get('/hoi-mua', allow('founder', 'officer', 'admin'), async (c) => {
  const actor = requireActor(c);
  const items = await listInquiries({ db: c.var.deps.db, actor });
  return render(c, <InquiriesPage ctx={pageContext(c)} items={items} isStaff={isStaff(actor)} />);
});

productsPages.post('/hoi-mua/:id/dong', allow('officer', 'admin'), async (c) => {
  await closeInquiry({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') });
  return redirectWithFlash(c, '/hoi-mua', 'products.inquiry.closed');
});

/* ---------- The product page ---------- */

async function productPage(
  c: Context<AppEnv>,
  view: ProductContext,
  values: FormValues = {},
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const { db, config, provinceName } = c.var.deps;
  const [images, listings, checklist] = await Promise.all([
    imagesOf(db, view.product.id),
    listingsOf(db, view.product.id),
    checklistOf(db, view.product.id),
  ]);
  const today = todayInVietnam();
  return render(
    c,
    <ProductPage
      ctx={pageContext(c)}
      view={view}
      images={images}
      listings={listings}
      checklist={checklist}
      summary={readinessSummary(checklist, today)}
      today={today}
      isStaff={isStaff(c.var.actor)}
      url={`${config.BASE_URL}/san-pham/${view.product.slug}`}
      baseUrl={config.BASE_URL}
      province={provinceName}
      values={values}
      errors={errors}
    />,
    status,
  );
}

productsPages.get('/san-pham/:slug', async (c) => {
  const view = await productContext({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  return productPage(c, view);
});

productsPages.post('/san-pham/:slug/hoi-mua', async (c) => {
  const { db, mailer, config } = c.var.deps;
  const view = await productContext({ db, actor: c.var.actor, slug: c.req.param('slug') });
  const form = await readForm(c, InquiryInput);
  if (!form.ok) return productPage(c, view, form.values, form.errors, 422);
  await createInquiry({
    db,
    mailer,
    actor: c.var.actor,
    slug: view.product.slug,
    input: form.data,
    baseUrl: config.BASE_URL,
  });
  return redirectWithFlash(c, `/san-pham/${view.product.slug}`, 'products.inquiry.sent');
});

/* ---------- Adding and editing products ---------- */

function formValuesOf(p: Product): FormValues {
  return {
    name: p.name,
    category: p.category,
    description: p.description,
    unit: p.unit,
    priceMinVnd: p.priceMinVnd === null ? '' : String(p.priceMinVnd),
    priceMaxVnd: p.priceMaxVnd === null ? '' : String(p.priceMaxVnd),
    minOrder: p.minOrder,
    capacity: p.capacity,
    ocopStars: p.ocopStars ? String(p.ocopStars) : '',
    ocopCertificateNo: p.ocopCertificateNo,
    ocopExpiresOn: p.ocopExpiresOn ?? '',
    isPublic: p.isPublic ? 'on' : '',
  };
}

interface FormTarget {
  title: string;
  action: string;
  cancelHref: string;
  projectName: string;
  projectSlug: string;
  imageCount: number;
}

async function productForm(
  c: Context<AppEnv>,
  target: FormTarget,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <ProductFormPage ctx={pageContext(c)} {...target} maxImages={MAX_IMAGES} values={values} errors={errors} />,
    status,
  );
}

/** Validates the product form and its photos; any refusal shows the form again with what was typed. */
async function submitProductForm(
  c: Context<AppEnv>,
  target: FormTarget,
  save: (input: ProductInput, files: File[]) => Promise<Response>,
) {
  return submitForm(
    c,
    ProductInput,
    (values, errors) => productForm(c, target, values, errors, 422),
    (input, files) => save(input, files.images ?? []),
  );
}

async function newTarget(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const project = await getProject({ db: c.var.deps.db, actor, slug: c.req.param('slug') ?? '' });
  if (!canEdit(actor, project.members)) throw new AppError('forbidden');
  return {
    title: c.var.t('products.form.title.new'),
    action: `/du-an/${project.slug}/san-pham/moi`,
    cancelHref: `/du-an/${project.slug}/san-pham`,
    projectName: project.name,
    projectSlug: project.slug,
    imageCount: 0,
  };
}

productsPages.get('/du-an/:slug/san-pham', async (c) => {
  const { db } = c.var.deps;
  const actor = c.var.actor;
  const { project, canEdit, items } = await productsOfProject({ db, actor, projectSlug: c.req.param('slug') });
  const inquiries =
    canEdit && actor ? (await listInquiries({ db, actor })).filter((i) => i.projectSlug === project.slug) : [];
  return render(
    c,
    <ProjectProductsPage
      ctx={pageContext(c)}
      project={project}
      canEdit={canEdit}
      isStaff={isStaff(actor)}
      items={items}
      inquiries={inquiries}
    />,
  );
});

productsPages.get('/du-an/:slug/san-pham/moi', allow(), async (c) =>
  productForm(c, await newTarget(c), { isPublic: 'on' }),
);

productsPages.post('/du-an/:slug/san-pham/moi', allow(), async (c) => {
  const target = await newTarget(c);
  return submitProductForm(c, target, async (input, files) => {
    const created = await createProduct({
      db: c.var.deps.db,
      actor: requireActor(c),
      projectSlug: target.projectSlug,
      input,
      files,
    });
    return redirectWithFlash(c, `/san-pham/${created.slug}`, 'products.created', { name: created.name });
  });
});

async function editTarget(c: Context<AppEnv>) {
  const view = await editableProduct({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  const images = await imagesOf(c.var.deps.db, view.product.id);
  const target: FormTarget = {
    title: c.var.t('products.form.title.edit', { name: view.product.name }),
    action: `/san-pham/${view.product.slug}/sua`,
    cancelHref: `/san-pham/${view.product.slug}`,
    projectName: view.project.name,
    projectSlug: view.project.slug,
    imageCount: images.length,
  };
  return { view, target };
}

productsPages.get('/san-pham/:slug/sua', allow(), async (c) => {
  const { view, target } = await editTarget(c);
  return productForm(c, target, formValuesOf(view.product));
});

productsPages.post('/san-pham/:slug/sua', allow(), async (c) => {
  const { view, target } = await editTarget(c);
  return submitProductForm(c, target, async (input, files) => {
    const updated = await updateProduct({
      db: c.var.deps.db,
      actor: requireActor(c),
      slug: view.product.slug,
      input,
      files,
    });
    return redirectWithFlash(c, `/san-pham/${updated.slug}`, 'products.updated');
  });
});

productsPages.post('/san-pham/:slug/anh/:imageId/xoa', allow(), async (c) => {
  const p = await removeImage({
    db: c.var.deps.db,
    actor: requireActor(c),
    slug: c.req.param('slug'),
    imageId: c.req.param('imageId'),
  });
  return redirectWithFlash(c, `/san-pham/${p.slug}`, 'products.image.removed');
});

/* ---------- The market-readiness checklist ---------- */

async function checklistView(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const view = await productContext({ db: c.var.deps.db, actor, slug: c.req.param('slug') });
  if (!view.canEdit) throw new AppError('forbidden');
  return view;
}

productsPages.get('/san-pham/:slug/dieu-kien', allow(), async (c) => {
  const view = await checklistView(c);
  const checklist = await checklistOf(c.var.deps.db, view.product.id);
  return render(
    c,
    <ChecklistPage
      ctx={pageContext(c)}
      view={view}
      checklist={checklist}
      summary={readinessSummary(checklist, todayInVietnam())}
      isStaff={isStaff(c.var.actor)}
    />,
  );
});

async function itemLine(c: Context<AppEnv>, view: ProductContext) {
  const line = (await checklistOf(c.var.deps.db, view.product.id)).find((l) => l.item === c.req.param('item'));
  if (!line) throw new AppError('not_found');
  return line;
}

productsPages.get('/san-pham/:slug/dieu-kien/:item', allow(), async (c) => {
  const view = await checklistView(c);
  const line = await itemLine(c, view);
  const values: FormValues = {
    status: line.status,
    variant: line.variant,
    number: line.number,
    issuedOn: line.issuedOn ?? '',
    expiresOn: line.expiresOn ?? '',
    note: line.note,
  };
  return render(c, <ItemFormPage ctx={pageContext(c)} view={view} line={line} values={values} errors={{}} />);
});

productsPages.post('/san-pham/:slug/dieu-kien/:item', allow(), async (c) => {
  const view = await checklistView(c);
  const line = await itemLine(c, view);
  const again = (values: FormValues, errors: Record<string, string>) =>
    render(c, <ItemFormPage ctx={pageContext(c)} view={view} line={line} values={values} errors={errors} />, 422);
  return submitForm(
    c,
    ReadinessInput,
    (values, errors) => again(values, errors),
    async (input, files) => {
      await updateReadinessItem({
        db: c.var.deps.db,
        actor: requireActor(c),
        slug: view.product.slug,
        item: line.item,
        input,
        file: files.file?.[0],
      });
      return redirectWithFlash(
        c,
        `/san-pham/${view.product.slug}/dieu-kien#muc-${line.item}`,
        'products.checklist.saved',
        { item: labelOf(c.var.t, 'products.item', line.item) },
      );
    },
  );
});

productsPages.post('/san-pham/:slug/dieu-kien/:item/xac-nhan', allow('officer', 'admin'), async (c) => {
  const { product, item } = await verifyReadinessItem({
    db: c.var.deps.db,
    actor: requireActor(c),
    slug: c.req.param('slug'),
    item: c.req.param('item'),
  });
  return redirectWithFlash(c, `/san-pham/${product.slug}/dieu-kien#muc-${item}`, 'products.checklist.verifiedFlash', {
    item: labelOf(c.var.t, 'products.item', item),
  });
});

productsPages.get('/san-pham/:slug/dieu-kien/:item/tai-lieu', allow(), async (c) => {
  const file = await readinessDocument({
    db: c.var.deps.db,
    actor: requireActor(c),
    slug: c.req.param('slug'),
    item: c.req.param('item'),
  });
  return sendFile(c, file);
});

/* ---------- Platform listings (staff) ---------- */

async function listingTarget(c: Context<AppEnv>) {
  const actor = requireActor(c);
  if (!isStaff(actor)) throw new AppError('forbidden');
  return productContext({ db: c.var.deps.db, actor, slug: c.req.param('slug') });
}

productsPages.get('/san-pham/:slug/niem-yet/moi', allow('officer', 'admin'), async (c) => {
  const view = await listingTarget(c);
  const { t } = c.var;
  return render(
    c,
    <ListingFormPage
      ctx={pageContext(c)}
      title={t('products.listing.newTitle', { name: view.product.name })}
      action={`/san-pham/${view.product.slug}/niem-yet/moi`}
      productName={view.product.name}
      productSlug={view.product.slug}
      values={{ listedOn: todayInVietnam() }}
      errors={{}}
    />,
  );
});

productsPages.post('/san-pham/:slug/niem-yet/moi', allow('officer', 'admin'), async (c) => {
  const view = await listingTarget(c);
  const form = await readForm(c, ListingInput);
  const { t } = c.var;
  if (!form.ok) {
    return render(
      c,
      <ListingFormPage
        ctx={pageContext(c)}
        title={t('products.listing.newTitle', { name: view.product.name })}
        action={`/san-pham/${view.product.slug}/niem-yet/moi`}
        productName={view.product.name}
        productSlug={view.product.slug}
        values={form.values}
        errors={form.errors}
      />,
      422,
    );
  }
  await createListing({ db: c.var.deps.db, actor: requireActor(c), slug: view.product.slug, input: form.data });
  return redirectWithFlash(c, `/san-pham/${view.product.slug}`, 'products.listing.saved');
});

async function existingListing(c: Context<AppEnv>, view: ProductContext) {
  const listing = (await listingsOf(c.var.deps.db, view.product.id)).find((l) => l.id === c.req.param('id'));
  if (!listing) throw new AppError('not_found');
  return listing;
}

productsPages.get('/san-pham/:slug/niem-yet/:id', allow('officer', 'admin'), async (c) => {
  const view = await listingTarget(c);
  const l = await existingListing(c, view);
  const { t } = c.var;
  return render(
    c,
    <ListingFormPage
      ctx={pageContext(c)}
      title={t('products.listing.editTitle', { name: view.product.name })}
      action={`/san-pham/${view.product.slug}/niem-yet/${l.id}`}
      productName={view.product.name}
      productSlug={view.product.slug}
      values={{ platform: l.platform, url: l.url, listedOn: l.listedOn, status: l.status, note: l.note }}
      errors={{}}
    />,
  );
});

productsPages.post('/san-pham/:slug/niem-yet/:id', allow('officer', 'admin'), async (c) => {
  const view = await listingTarget(c);
  const l = await existingListing(c, view);
  const { t } = c.var;
  return submitForm(
    c,
    ListingInput,
    (values, errors, status) =>
      render(
        c,
        <ListingFormPage
          ctx={pageContext(c)}
          title={t('products.listing.editTitle', { name: view.product.name })}
          action={`/san-pham/${view.product.slug}/niem-yet/${l.id}`}
          productName={view.product.name}
          productSlug={view.product.slug}
          values={values}
          errors={errors}
        />,
        status,
      ),
    async (data) => {
      await updateListing({
        db: c.var.deps.db,
        actor: requireActor(c),
        slug: view.product.slug,
        listingId: l.id,
        input: data,
      });
      return redirectWithFlash(c, `/san-pham/${view.product.slug}`, 'products.listing.saved');
    },
  );
});
