import type { Actor } from '#kernel/auth/roles.ts';
import type { Flash } from '#kernel/http/context.ts';
import type { Lang, Translator } from '#kernel/i18n/index.ts';

/** What every view needs to know about the request, passed as a prop (views never see Hono). */
export interface PageContext {
  t: Translator;
  lang: Lang;
  actor: Actor | null;
  csrfToken: string;
  flash: Flash | null;
  /** Path and query of this page, for the language switch and sign-in `next`. */
  path: string;
  provinceName: string;
  /** The Department's name and unit from its profile; the footer falls back to the standard words. */
  department?: { name: string; unit: string } | undefined;
}
