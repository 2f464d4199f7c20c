import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';

/** A buyer asks about a product: no account needed; the honeypot field stays empty for people. */
export const InquiryForm: FC<{
  ctx: PageContext;
  slug: string;
  values: FormValues;
  errors: Record<string, string>;
}> = ({ ctx, slug, values, errors }) => {
  const { t } = ctx;
  const labels = {
    name: t('products.inquiry.name'),
    organisation: t('products.inquiry.organisation'),
    email: t('products.inquiry.email'),
    phone: t('products.inquiry.phone'),
    quantity: t('products.inquiry.quantity'),
    message: t('products.inquiry.message'),
  };
  return (
    <section aria-labelledby="hoi-mua">
      <h2 id="hoi-mua">{t('products.inquiry.title')}</h2>
      <p>{t('products.inquiry.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/san-pham/${slug}/hoi-mua`} csrfToken={ctx.csrfToken} class="form">
        <Input
          name="name"
          label={labels.name}
          value={formValue(values, 'name')}
          error={errors.name}
          autocomplete="name"
          required
          maxlength={120}
        />
        <Input
          name="organisation"
          label={labels.organisation}
          value={formValue(values, 'organisation')}
          error={errors.organisation}
          autocomplete="organization"
          optionalText={t('form.optional')}
          maxlength={200}
        />
        <div class="row">
          <Input
            name="email"
            type="email"
            label={labels.email}
            value={formValue(values, 'email')}
            error={errors.email}
            autocomplete="email"
            required
            maxlength={254}
          />
          <Input
            name="phone"
            type="tel"
            label={labels.phone}
            value={formValue(values, 'phone')}
            error={errors.phone}
            autocomplete="tel"
            optionalText={t('form.optional')}
            maxlength={30}
          />
        </div>
        <Input
          name="quantity"
          label={labels.quantity}
          hint={t('products.inquiry.quantityHint')}
          value={formValue(values, 'quantity')}
          error={errors.quantity}
          optionalText={t('form.optional')}
          maxlength={120}
        />
        <TextArea
          name="message"
          label={labels.message}
          value={formValue(values, 'message')}
          error={errors.message}
          required
          rows={4}
          maxlength={2000}
        />
        <p hidden>
          <label for="f-website">Website</label>
          <input id="f-website" name="website" type="text" value="" tabindex={-1} autocomplete="off" />
        </p>
        <div class="form-actions">
          <Button>{t('products.inquiry.send')}</Button>
        </div>
      </PostForm>
    </section>
  );
};
