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
