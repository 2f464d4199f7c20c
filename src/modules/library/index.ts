import { defineModule } from '#kernel/module.ts';
import * as words from './library.i18n.ts';
import { libraryPages } from './library.pages.tsx';

export { CatalogueQuery, ItemInput } from './library.schemas.ts';
export { downloadItem, getItem, type LibraryItem, listItems, removeItem, saveItem } from './library.service.ts';
export * from './library.taxonomy.ts';

/** The library (thư viện): a catalogue of guides, templates, legal texts, recordings and books. */
export const libraryModule = defineModule({ name: 'library', words, pages: libraryPages });
