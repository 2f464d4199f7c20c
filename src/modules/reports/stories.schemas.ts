import { z } from 'zod';

/** What an officer writes for a story: an optional headline and a short text. */
export const StoryText = z.object({
  headline: z.string().trim().max(120, { error: 'reports.story.headlineTooLong' }).default(''),
  body: z.string().trim().max(1000, { error: 'reports.story.bodyTooLong' }).default(''),
});
export type StoryText = z.infer<typeof StoryText>;

/** Choosing a project as a story: the project (a public one) and the text. */
export const NewStory = StoryText.extend({
  project: z.uuid({ error: 'reports.story.projectRequired' }),
});
export type NewStory = z.infer<typeof NewStory>;
