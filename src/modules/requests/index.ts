import { defineModule } from '#kernel/module.ts';
import { requestsApi } from './requests.api.ts';
import * as words from './requests.i18n.ts';
import { requestsPages } from './requests.pages.tsx';

export { changeStatus } from './change-request-status.ts';
export { claimRequests } from './claim-requests.ts';
export { connectRequest } from './connect-request.ts';
export { fileRequest } from './create-request.ts';
export { fileWalkIn } from './file-walk-in.ts';
export { type RequestContext, requestRef } from './requests.access.ts';
export {
  type RequestCounts,
  type RequestFact,
  requestCounts,
  requestsReceived,
  requestsResolved,
} from './requests.figures.ts';
// The requests module's public face: its use cases and read models, never its tables.
export { personalDataOf } from './requests.personal-data.ts';
export { listInbox } from './requests.queries.ts';
export { WalkInInput } from './requests.schemas.ts';
export * from './requests.taxonomy.ts';

/** The requests module: its words, pages and API, mounted by createApp. */
export const requestsModule = defineModule({ name: 'requests', words, pages: requestsPages, api: requestsApi });
