import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { listingStatuses, platforms } from '../products.taxonomy.ts';

export interface ListingFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  productName: string;
  productSlug: string;
  values: FormValues;
  errors: Record<string, string>;
}

export const ListingFormPage: FC<ListingFormProps> = ({
  ctx,
  title,
  action,
  productName,
  productSlug,
  values,
  errors,
}) => {
  const { t } = ctx;
  const v = (k: string) => formValue(values, k);
  const labels = {
    platform: t('products.listing.platform'),
    url: t('products.listing.url'),
    listedOn: t('products.listing.listedOn'),
    status: t('products.listing.statusLabel'),
    note: t('products.listing.note'),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/san-pham/${productSlug}`}>{productName}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('products.listing.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <Select
          name="platform"
          label={labels.platform}
          value={v('platform') || 'techfest247'}
          options={optionsOf(t, 'products.platform', platforms)}
          error={errors.platform}
          required
        />
        <Input
          name="url"
          type="url"
          label={labels.url}
          value={v('url')}
          error={errors.url}
          optionalText={t('form.optional')}
          maxlength={500}
        />
        <Input
          name="listedOn"
          type="date"
          label={labels.listedOn}
          value={v('listedOn')}
          error={errors.listedOn}
          required
        />
        <Select
          name="status"
          label={labels.status}
          value={v('status') || 'live'}
          options={optionsOf(t, 'products.listing.status', listingStatuses)}
          error={errors.status}
          required
        />
        <TextArea
          name="note"
          label={labels.note}
          value={v('note')}
          error={errors.note}
          optionalText={t('form.optional')}
          rows={3}
          maxlength={1000}
        />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={`/san-pham/${productSlug}`}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
