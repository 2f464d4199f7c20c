import { defineModule } from '#kernel/module.ts';

export { communeKey } from './places.keys.ts';
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
/** The places module: its words, pages and API, mounted by createApp. */
export const placesModule = defineModule({ name: 'places' });
