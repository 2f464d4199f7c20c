import type { FC } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface ExportChoice {
  id: string;
  name: string;
  slug: string;
  projectName: string;
  ready: boolean;
}

/** Staff tick the products to send to a national platform; the form downloads the bundle (GET). */
export const ExportPage: FC<{ ctx: PageContext; choices: ExportChoice[]; error?: string }> = ({
  ctx,
  choices,
  error,
}) => {
  const { t } = ctx;
  const title = t('products.export.title');
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/san-pham">{t('products.showcase.title')}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('products.export.lead')}</p>
      {error && (
        <div class="error-summary" role="alert">
          <h2>{t('errors.summary')}</h2>
          <p>{error}</p>
        </div>
      )}
      <form method="get" action="/san-pham/xuat.zip" class="form">
        <fieldset class="field checkboxes" id="f-id">
          <legend>{t('products.export.choose')}</legend>
          {choices.map((c, i) => (
            <div class="check">
              <input type="checkbox" id={`f-id-${i}`} name="id" value={c.id} checked={c.ready} />
              <label for={`f-id-${i}`}>
                {c.name} <span class="muted">· {c.projectName}</span>
                {c.ready ? ` · ${t('products.ready.badge')}` : ''}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {t('products.export.download')}
          </button>
        </div>
      </form>
    </Layout>
  );
};
