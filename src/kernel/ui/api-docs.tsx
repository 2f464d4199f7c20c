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
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; example?: unknown } }> };
}

interface ApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { example?: unknown }> };
}

/** The example of an operation's JSON body, from its schema or the component it refers to. */
function bodyExample(op: Operation, document: ApiDocument): unknown {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  const name = schema.$ref?.split('/').pop();
  return name ? document.components?.schemas?.[name]?.example : undefined;
}

/** A readable list of the API's operations, drawn from its OpenAPI document. */
export const ApiDocsPage: FC<{ ctx: PageContext; document: ApiDocument }> = ({ ctx, document }) => {
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
            {bodyExample(op, document) !== undefined && (
              <>
                <h3>{t('api.example')}</h3>
                <pre>
                  <code>{JSON.stringify(bodyExample(op, document), null, 2)}</code>
                </pre>
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
