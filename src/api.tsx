import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { AppModule } from '#kernel/module.ts';
import { ApiDocsPage } from '#kernel/ui/api-docs.tsx';

/** /api/v1: every module's OpenAPI routes, their document, and a docs page that needs no script. */
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

export function createApi(modules: AppModule[]) {
  const api = new OpenAPIHono<AppEnv>();
  for (const module of modules) if (module.api) api.route('/', module.api);

  api.doc31('/openapi.json', documentConfig);

  api.get('/docs', (c) => {
    const document = api.getOpenAPI31Document(documentConfig);
    return render(
      c,
      <ApiDocsPage ctx={pageContext(c)} document={document as Parameters<typeof ApiDocsPage>[0]['document']} />,
    );
  });
  return api;
}
