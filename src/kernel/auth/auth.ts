import type { Db } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import { type Mailer, queueMail } from '#kernel/mail/mailer.ts';
import { account, session, user, verification } from './auth.sql.ts';

export interface AuthOptions {
  db: Db;
  secret: string;
  baseUrl: string;
  mailer: Mailer;
  secureCookies: boolean;
}

/** Link a person opens to choose a new password (our own page, not better-auth's handler). */
export const resetPasswordPath = (token: string) => `/dat-lai-mat-khau/${encodeURIComponent(token)}`;

/**
 * better-auth does passwords (scrypt), sessions and roles. Its HTTP handler is not mounted: the
 * site's own HTML forms call `auth.api.*` on the server, so every journey works without JavaScript.
 */
export async function createAuth({ db, secret, baseUrl, mailer, secureCookies }: AuthOptions) {
  const [{ betterAuth }, { drizzleAdapter }, { admin }] = await Promise.all([
    import('better-auth'),
    import('better-auth/adapters/drizzle'),
    import('better-auth/plugins'),
  ]);
  const t = translator('vi');
  return betterAuth({
    appName: 'Kết Nối',
    secret,
    baseURL: baseUrl,
    basePath: '/api/auth',
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // A new account signs in through the link mailed to it (accounts: signUp, confirmSignUp).
      autoSignIn: false,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      // better-auth writes the reset token itself, outside any transaction of ours: the mail is
      // queued right after it, and the worker woken so the link leaves at once.
      sendResetPassword: async ({ user: u, token }) => {
        await queueMail(db, {
          to: u.email,
          subject: t('auth.mail.reset.subject'),
          text: t('auth.mail.reset.body', { name: u.name, url: `${baseUrl}${resetPasswordPath(token)}` }),
        });
        mailer.wake();
      },
    },
    user: {
      additionalFields: { phone: { type: 'string', required: false } },
    },
    session: {
      expiresIn: 30 * 86400,
      // The session row's updatedAt moves at most once a minute: it is the "last seen" of the idle timeout.
      updateAge: 60,
    },
    plugins: [admin({ defaultRole: 'founder', adminRoles: ['admin'] })],
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    advanced: { cookiePrefix: 'kn', useSecureCookies: secureCookies },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** How services reach better-auth: loaded on first use, so the site starts without it. */
export type AuthLoader = () => Promise<Auth>;

/**
 * better-auth is the heaviest module the site loads; anonymous pages never need it, so it loads
 * when the first sign-in or session cookie arrives (and once only).
 * @example const auth = await deps.auth(); await auth.api.getSession({ headers })
 */
export function lazyAuth(options: AuthOptions): AuthLoader {
  let loading: Promise<Auth> | undefined;
  return () => {
    loading ??= createAuth(options);
    return loading;
  };
}
