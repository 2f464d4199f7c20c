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
      'JSON API of Kết Nối. Read endpoints answer anonymous callers with public data; a signed-in session cookie shows what that person may see. Scripts send a personal API token (made on the account page, /tai-khoan) as `Authorization: Bearer kn_…`: it acts with its owner’s role at the time of the call, needs no CSRF token, and a read token cannot write. Cookie calls that change something send the CSRF token in X-CSRF-Token.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ apiToken: [] as string[] }, {} as Record<string, string[]>],
};

export function createApi(modules: AppModule[]) {
  const api = new OpenAPIHono<AppEnv>();
  for (const module of modules) if (module.api) api.route('/', module.api);
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token from /tai-khoan',
  });

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
