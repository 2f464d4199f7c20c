import { defineModule } from '#kernel/module.ts';
import * as words from './imports.i18n.ts';
import { importsPages } from './imports.pages.tsx';

// The imports module's public face: spreadsheets of past records brought in through the faces of
// the modules that own them (events, people, partners).
export {
  canUndo,
  getBatch,
  importFinished,
  listBatches,
  previewBatch,
  recoverImports,
  runImport,
  startImport,
  undoBatch,
} from './imports.service.ts';
export * from './imports.taxonomy.ts';

/** The imports module: its words and staff pages, mounted by createApp. */
export const importsModule = defineModule({ name: 'imports', words, pages: importsPages });
