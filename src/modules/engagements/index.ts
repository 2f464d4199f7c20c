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
} from './engagements.service.ts';
export { engagement, engagementSession } from './engagements.sql.ts';
export * from './engagements.taxonomy.ts';
