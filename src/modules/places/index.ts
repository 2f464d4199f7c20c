import { defineModule } from '#kernel/module.ts';
import * as words from './places.i18n.ts';

export {
  bundledCommuneFile,
  type Commune,
  communeForFormerDistrict,
  listCommunes,
  loadCommunes,
  provinceName,
  readCommuneFile,
  searchCommunes,
} from './places.service.ts';
export { commune, formerDistrict } from './places.sql.ts';

/** The places module: its words, pages and API, mounted by createApp. */
export const placesModule = defineModule({ name: 'places', words });
