import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, FileInput, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { productCategories } from '../products.taxonomy.ts';

export interface ProductFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  projectName: string;
  projectSlug: string;
  values: FormValues;
  errors: Record<string, string>;
  /** Photos already there (editing), and how many more fit. */
  imageCount: number;
  maxImages: number;
}

const labelsOf = (t: PageContext['t']) => ({
  name: t('products.field.name'),
  category: t('products.field.category'),
  description: t('products.field.description'),
  unit: t('products.field.unit'),
  priceMinVnd: t('products.field.priceMin'),
  priceMaxVnd: t('products.field.priceMax'),
  minOrder: t('products.field.minOrder'),
  capacity: t('products.field.capacity'),
  ocopStars: t('products.field.ocopStars'),
  ocopCertificateNo: t('products.field.ocopCertificate'),
  ocopExpiresOn: t('products.field.ocopExpires'),
  isPublic: t('products.field.isPublic'),
  images: t('products.field.images'),
});

/** What a part of the form needs: the words, the values sent back and the labels. */
const fieldsOf = (p: ProductFormProps) => {
  const { t } = p.ctx;
  return { t, opt: t('form.optional'), v: (k: string) => formValue(p.values, k), labels: labelsOf(t) };
};

/** The product's name, category and description. */
const ProductAbout: FC<ProductFormProps> = (p) => {
  const { t, opt, v, labels } = fieldsOf(p);
  return (
    <fieldset>
      <legend>{t('products.form.about')}</legend>
      <Input
        name="name"
        label={labels.name}
        hint={t('products.field.nameHint')}
        value={v('name')}
        error={p.errors.name}
        required
        maxlength={200}
      />
      <Select
        name="category"
        label={labels.category}
        value={v('category')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'products.category', productCategories)}
        error={p.errors.category}
        required
      />
      <TextArea
        name="description"
        label={labels.description}
        hint={t('products.field.descriptionHint')}
        value={v('description')}
        error={p.errors.description}
        optionalText={opt}
        rows={6}
        maxlength={5000}
      />
    </fieldset>
  );
};

/** How it is sold: unit, prices, minimum order and capacity. */
const ProductTrade: FC<ProductFormProps> = (p) => {
  const { t, opt, v, labels } = fieldsOf(p);
  return (
    <fieldset>
      <legend>{t('products.form.trade')}</legend>
      <Input
        name="unit"
        label={labels.unit}
        hint={t('products.field.unitHint')}
        value={v('unit')}
        error={p.errors.unit}
        optionalText={opt}
        maxlength={60}
      />
      <div class="row">
        <Input
          name="priceMinVnd"
          inputmode="decimal"
          hint={t('products.field.priceHint')}
          label={labels.priceMinVnd}
          value={v('priceMinVnd')}
          error={p.errors.priceMinVnd}
          optionalText={opt}
        />
        <Input
          name="priceMaxVnd"
          inputmode="decimal"
          hint={t('products.field.priceHint')}
          label={labels.priceMaxVnd}
          value={v('priceMaxVnd')}
          error={p.errors.priceMaxVnd}
          optionalText={opt}
        />
      </div>
      <Input
        name="minOrder"
        label={labels.minOrder}
        hint={t('products.field.minOrderHint')}
        value={v('minOrder')}
        error={p.errors.minOrder}
        optionalText={opt}
        maxlength={120}
      />
      <Input
        name="capacity"
        label={labels.capacity}
        hint={t('products.field.capacityHint')}
        value={v('capacity')}
        error={p.errors.capacity}
        optionalText={opt}
        maxlength={200}
      />
    </fieldset>
  );
};

/** Its OCOP stars and certificate. */
const ProductOcop: FC<ProductFormProps> = (p) => {
  const { t, opt, v, labels } = fieldsOf(p);
  return (
    <fieldset>
      <legend>{t('products.form.ocop')}</legend>
      <Select
        name="ocopStars"
        label={labels.ocopStars}
        value={v('ocopStars')}
        placeholder={t('products.field.ocopNone')}
        options={['3', '4', '5'].map((s) => ({ value: s, label: t('products.ocop.badge', { stars: s }) }))}
        error={p.errors.ocopStars}
      />
      <div class="row">
        <Input
          name="ocopCertificateNo"
          label={labels.ocopCertificateNo}
          value={v('ocopCertificateNo')}
          error={p.errors.ocopCertificateNo}
          optionalText={opt}
          maxlength={80}
        />
        <Input
          name="ocopExpiresOn"
          type="date"
          label={labels.ocopExpiresOn}
          value={v('ocopExpiresOn')}
          error={p.errors.ocopExpiresOn}
          optionalText={opt}
        />
      </div>
    </fieldset>
  );
};

/** The photos, or a note that there is no room for more. */
const ProductPhotos: FC<ProductFormProps> = (p) => {
  const { t, opt, labels } = fieldsOf(p);
  const room = p.maxImages - p.imageCount;
  return (
    <fieldset>
      <legend>{t('products.form.photos')}</legend>
      {room > 0 ? (
        <FileInput
          name="images"
          label={labels.images}
          hint={t('products.field.imagesHint', { max: room })}
          accept="image/jpeg,image/png,image/webp"
          multiple
          error={p.errors.images}
          values={p.values}
          t={t}
          optionalText={opt}
        />
      ) : (
        <p class="hint">{t('products.field.imagesFull', { max: p.maxImages })}</p>
      )}
    </fieldset>
  );
};

export const ProductFormPage: FC<ProductFormProps> = (p) => {
  const { t, v, labels } = fieldsOf(p);
  return (
    <Layout ctx={p.ctx} title={p.title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/du-an/${p.projectSlug}/san-pham`}>{t('products.ofProject', { name: p.projectName })}</a>
      </nav>
      <h1>{p.title}</h1>
      <ErrorSummary t={t} errors={p.errors} labels={labels} />
      <PostForm action={p.action} csrfToken={p.ctx.csrfToken} class="form" multipart>
        <ProductAbout {...p} />
        <ProductTrade {...p} />
        <ProductOcop {...p} />
        <ProductPhotos {...p} />
        <Checkbox
          name="isPublic"
          label={labels.isPublic}
          hint={t('products.field.isPublicHint')}
          checked={v('isPublic') === 'on'}
          error={p.errors.isPublic}
        />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={p.cancelHref}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
