import { defineModule } from '#kernel/module.ts';
import { requestsApi } from './requests.api.ts';
import * as words from './requests.i18n.ts';
import { requestsPages } from './requests.pages.tsx';

export { type RequestFact, requestsReceived, requestsResolved } from './requests.figures.ts';
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

/** The requests module: its words, pages and API, mounted by createApp. */
export const requestsModule = defineModule({ name: 'requests', words, pages: requestsPages, api: requestsApi });
