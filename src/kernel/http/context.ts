import type { AuthLoader } from '#kernel/auth/auth.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import type { Lang, Translator } from '#kernel/i18n/index.ts';
import type { Logger } from '#kernel/log.ts';
import type { Mailer } from '#kernel/mail/mailer.ts';
import type { Config } from '#src/config.ts';

/** What the composition root hands to createApp; tests build the same with test doubles. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** better-auth, loaded on first use. */
  auth: AuthLoader;
  /** Province name shown in the header and footer, e.g. "Lạng Sơn". */
  provinceName: string;
  /** Signs the site's own cookies (the flash message), so a cookie planted from elsewhere is ignored. */
  cookieSecret: string;
}

export interface Flash {
  kind: 'success' | 'info' | 'error';
  text: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    lang: Lang;
    t: Translator;
    csrfToken: string;
    /** Set when a view has put the CSRF token in a form (the token's cookie then goes with the page). */
    csrfRead: boolean;
    flash: Flash | null;
    requestId: string;
    /** The Department's name and unit in charge from its profile, when a module has set them. */
    department: { name: string; unit: string } | undefined;
  };
}
