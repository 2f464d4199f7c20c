export { engagement, engagementSession } from './engagements.sql.ts';
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
export { ProposeForm } from './engagements.schemas.ts';
export * from './engagements.taxonomy.ts';
