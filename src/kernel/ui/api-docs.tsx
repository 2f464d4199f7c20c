import type { FC } from 'hono/jsx';
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

interface Operation {
  summary?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: string[] };
  }[];
  responses?: Record<string, { description?: string }>;
}

/** A readable list of the API's operations, drawn from its OpenAPI document. */
export const ApiDocsPage: FC<{ ctx: PageContext; document: { paths?: Record<string, Record<string, Operation>> } }> = ({
  ctx,
  document,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('api.title')}>
      <h1>{t('api.title')}</h1>
      <p class="lead">
        {t('api.lead')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      {Object.entries(document.paths ?? {}).map(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => (
          <section class="card">
            <h2>
              <code>
                {method.toUpperCase()} /api/v1{path}
              </code>
            </h2>
            {op.summary && <p>{op.summary}</p>}
            {op.parameters && op.parameters.length > 0 && (
              <>
                <h3>{t('api.params')}</h3>
                <ul>
                  {op.parameters.map((p) => (
                    <li>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ', required' : ''}){p.schema?.enum ? `: ${p.schema.enum.join(' | ')}` : ''}
                      {p.description ? ` — ${p.description}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t('api.responses')}</h3>
            <ul>
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <li>
                  <code>{status}</code> {r.description}
                </li>
              ))}
            </ul>
          </section>
        )),
      )}
    </Layout>
  );
};
