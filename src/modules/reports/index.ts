import { defineModule } from '#kernel/module.ts';
import { reportsApi } from './reports.api.ts';
import * as words from './reports.i18n.ts';
import { reportsPages } from './reports.pages.tsx';

// The reports module's face: every figure comes from other modules' read models; it owns one table,
// the success stories officers choose for the public figures page (reports.sql.ts).
export { type EvidenceRow, type Figure, type Indicator, indicators } from './indicators.ts';
export { isRealDay, Period, presets } from './period.ts';
export { type PublicFigure, publicFigures } from './public.ts';
export { defaultWordTexts, reportDocument, type WordTexts } from './reports.docx.ts';
export { buildReport, type Report, reportJson, reportWorkbook } from './reports.service.ts';
export { NewStory, StoryText } from './stories.schemas.ts';
export { addStory, type PublicStory, publicStories, removeStory, updateStory } from './stories.service.ts';

/** The reports module: its words, staff pages, the public figures page and the API, mounted by createApp. */
export const reportsModule = defineModule({ name: 'reports', words, pages: reportsPages, api: reportsApi });
