export { engagement, engagementSession } from './engagements.sql.ts';
export {
  type EngagementSummary,
  engagementSummaries,
  expertLoads,
  type ProposeInput,
  proposeEngagement,
} from './engagements.service.ts';
export { ProposeForm } from './engagements.schemas.ts';
export * from './engagements.taxonomy.ts';
