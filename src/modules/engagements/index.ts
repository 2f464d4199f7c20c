import { defineModule } from '#kernel/module.ts';
import { engagementsApi } from './engagements.api.ts';
import * as words from './engagements.i18n.ts';
import { engagementsPages } from './engagements.pages.tsx';

export { ProposeForm } from './engagements.schemas.ts';
export {
  closeEngagement,
  type EngagementSummary,
  engagementSummaries,
  expertLoads,
  logSession,
  type ProposeInput,
  proposeEngagement,
  respondToEngagement,
  unfinishedEngagementIds,
} from './engagements.service.ts';
export * from './engagements.taxonomy.ts';

/** The engagements module: its words, pages and API, mounted by createApp. */
export const engagementsModule = defineModule({
  name: 'engagements',
  words,
  pages: engagementsPages,
  api: engagementsApi,
});
