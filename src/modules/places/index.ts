export { commune, formerDistrict } from './places.sql.ts';
export {
  bundledCommuneFile,
  type Commune,
  communeForFormerDistrict,
  listCommunes,
  listFormerDistricts,
  loadCommunes,
  provinceName,
  readCommuneFile,
  searchCommunes,
} from './places.service.ts';
