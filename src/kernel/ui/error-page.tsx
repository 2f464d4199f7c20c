import type { FC } from 'hono/jsx';
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

export const ErrorPage: FC<{ ctx: PageContext; status: number; message: string }> = ({ ctx, status, message }) => (
  <Layout ctx={ctx} title={ctx.t('errors.title')}>
    <h1>{ctx.t('errors.title')}</h1>
    <p class="lead">{message}</p>
    <p class="muted">HTTP {status}</p>
    <p>
      <a href="/">{ctx.t('errors.backHome')}</a>
    </p>
  </Layout>
);
