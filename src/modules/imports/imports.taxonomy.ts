/**
 * What a file can bring in: a past event's attendance list, projects with their teams, partners,
 * past support, experts, products with their platform listings.
 */
export const importKinds = ['attendance', 'projects', 'partners', 'support', 'experts', 'products'] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * A batch is read (draft), then imported, and may be undone within `undoDays`. A long list runs in
 * the background (running) and ends imported, or failed (nothing kept; it can be run again).
 */
export const batchStatuses = ['draft', 'running', 'imported', 'failed', 'undone'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const undoDays = 30;
