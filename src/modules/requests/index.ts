export { supportRequest } from './requests.sql.ts';
export { claimRequests, fileRequest, fileWalkIn, requestRef } from './requests.service.ts';
export * from './requests.taxonomy.ts';
