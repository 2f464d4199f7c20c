import { z } from 'zod';
import { checkbox, choice, optionalChoice, optionalInt, text, url } from '#kernel/http/validation.ts';
import { itemAccess, itemCategories, itemKinds } from './library.taxonomy.ts';

/** A library item as staff enter it; the file comes with the form (checked by its content). */
export const ItemInput = z.object({
  title: text.required(200, 3),
  kind: choice(itemKinds),
  category: choice(itemCategories),
  tags: text.optional(300),
  description: text.optional(5000),
  author: text.optional(200),
  year: optionalInt(1900, 2100),
  url: z
    .union([z.literal(''), url()])
    .optional()
    .default(''),
  shelfMark: text.optional(60),
  access: choice(itemAccess),
  removeFile: checkbox(),
});
export type ItemInput = z.output<typeof ItemInput>;

/** The catalogue's filters, from the query string: anything unknown is ignored. */
export const CatalogueQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  loai: optionalChoice(itemKinds).catch(undefined),
  chu_de: optionalChoice(itemCategories).catch(undefined),
  the: z.string().max(60).optional().catch(undefined),
});
export type CatalogueQuery = z.output<typeof CatalogueQuery>;
