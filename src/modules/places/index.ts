import { defineModule } from '#kernel/module.ts';

export {
  assertCommunes,
  bundledCommuneFile,
  type Commune,
  communeBySlug,
  communeCount,
  communeForFormerDistrict,
  communesOf,
  listCommunes,
  loadCommunes,
  provinceName,
  readCommuneFile,
  searchCommunes,
} from './places.service.ts';
/**
 * Transitional (issue 9): the table, still joined by requests.service.ts and
 * events/attendance.service.ts while those are rewritten. Remove once they use `communesOf`.
 */
export { commune } from './places.sql.ts';

/** The places module: its words, pages and API, mounted by createApp. */
export const placesModule = defineModule({ name: 'places' });
