export {
  changeStatus,
  claimRequests,
  connectRequest,
  fileRequest,
  fileWalkIn,
  listInbox,
  requestRef,
} from './requests.service.ts';
export { supportRequest } from './requests.sql.ts';
export * from './requests.taxonomy.ts';
