import { defineModule } from '#kernel/module.ts';
import * as words from './reports.i18n.ts';
import { reportsPages } from './reports.pages.tsx';

// The reports module's face: it owns no table; every figure comes from other modules' read models.
export { type EvidenceRow, type Figure, type Indicator, indicators } from './indicators.ts';
export { isRealDay, Period, presets } from './period.ts';
export { defaultWordTexts, reportDocument, type WordTexts } from './reports.docx.ts';
export { buildReport, type Report, reportJson, reportWorkbook } from './reports.service.ts';

/** The reports module: its words and staff pages, mounted by createApp. */
export const reportsModule = defineModule({ name: 'reports', words, pages: reportsPages });
