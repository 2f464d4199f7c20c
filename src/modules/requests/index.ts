export { supportRequest } from './requests.sql.ts';
export { changeStatus, claimRequests, connectRequest, fileRequest, fileWalkIn, listInbox, requestRef } from './requests.service.ts';
export * from './requests.taxonomy.ts';
