import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { AppEnv } from './http/context.ts';
import { registerWords, type Words } from './i18n/index.ts';

/** What a module gives the site: its pages, its JSON routes and its words. */
export interface AppModule {
  /** The module's folder name, e.g. `projects`. */
  name: string;
  /** HTML routes, mounted at the site's root. */
  pages?: Hono<AppEnv>;
  /** JSON routes, mounted under `/api/v1` and listed in its OpenAPI document. */
  api?: OpenAPIHono<AppEnv>;
}

/**
 * A module's face declares the module with this: its words join the catalogues at once (so a
 * service that writes an e-mail, a CLI command or a test has them too), and `createApp` mounts its
 * routes. The kernel itself never imports a module.
 * @example export const projectsModule = defineModule({ name: 'projects', words, pages: projectsPages, api: projectsApi })
 */
export function defineModule({ words, ...module }: AppModule & { words?: Words }): AppModule {
  if (words) registerWords(words, module.name);
  return module;
}
