import { defineModule } from '#kernel/module.ts';
import * as words from './site.i18n.ts';
import { sitePages } from './site.pages.tsx';

/** The site module: home page, site search and the language switch. */
export const siteModule = defineModule({ name: 'site', words, pages: sitePages });
