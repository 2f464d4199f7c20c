import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { ApiDocsPage } from '#kernel/ui/api-docs.tsx';
import { engagementsApi } from '#modules/engagements/engagements.api.ts';
import { eventsApi } from '#modules/events/events.api.ts';
import { expertsApi } from '#modules/experts/experts.api.ts';
import { partnersApi } from '#modules/partners/partners.api.ts';
import { productsApi } from '#modules/products/products.api.ts';
import { projectsApi } from '#modules/projects/projects.api.ts';
import { requestsApi } from '#modules/requests/requests.api.ts';

/** /api/v1: every module's OpenAPI routes, their document, and a docs page that needs no script. */
export const api = new OpenAPIHono<AppEnv>();
api.route('/', projectsApi);
api.route('/', partnersApi);
api.route('/', expertsApi);
api.route('/', requestsApi);
api.route('/', engagementsApi);
api.route('/', eventsApi);
api.route('/', productsApi);

const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Kết Nối API',
    version: '1',
    description:
      'JSON API of Kết Nối. Read endpoints answer anonymous callers with public data; a signed-in session cookie shows what that person may see.',
  },
  servers: [{ url: '/api/v1' }],
};

api.doc31('/openapi.json', documentConfig);

api.get('/docs', (c) => {
  const document = api.getOpenAPI31Document(documentConfig);
  return render(
    c,
    <ApiDocsPage ctx={pageContext(c)} document={document as Parameters<typeof ApiDocsPage>[0]['document']} />,
  );
});
