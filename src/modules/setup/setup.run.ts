import { z } from 'zod';
import type { Actor } from '#kernel/auth/roles.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { email, fieldErrors, password, text } from '#kernel/http/validation.ts';
import { translator } from '#kernel/i18n/index.ts';
import { createAdmin, generatePassword } from '#modules/accounts/index.ts';
import { issueSetupToken, setupPath } from './setup.service.ts';

/**
 * At server start, on a site without an administrator: one log line with the one-time setup
 * address (a new token each start; the one before stops working).
 * @example await announceSetup(deps)
 */
export async function announceSetup(deps: Pick<AppDeps, 'db' | 'logger' | 'config'>): Promise<string | null> {
  const token = await issueSetupToken(deps.db);
  if (!token) return null;
  const address = `${deps.config.BASE_URL.replace(/\/+$/, '')}${setupPath(token)}`;
  deps.logger.warn(`no administrator yet: open ${address} to set up the site (the address works once)`);
  return address;
}

const CliAdminInput = z.object({ name: text.required(100, 2), email: email(), password: password().optional() });

/** A refusal the command line prints as it is, in Vietnamese. */
export class CliInputError extends Error {}

/**
 * `create-admin`: an administrator account for scripted installs; refused when the e-mail has an
 * account. Without a password, one is generated and given back to be printed once.
 * @example const { admin, password } = await createAdminFromCli(deps, { email: 'a@so.gov.vn', name: 'Quản trị' })
 * @throws CliInputError on a bad e-mail, name or password; AppError validation (errors.emailTaken)
 */
export async function createAdminFromCli(
  deps: Pick<AppDeps, 'db' | 'auth'>,
  args: { email?: string; name?: string; password?: string },
): Promise<{ admin: Actor; password: string; generated: boolean }> {
  const t = translator('vi');
  const parsed = CliAdminInput.safeParse({ name: args.name ?? '', email: args.email ?? '', password: args.password });
  if (!parsed.success)
    throw new CliInputError(
      Object.entries(fieldErrors(parsed.error, t))
        .map(([field, message]) => `--${field}: ${message}`)
        .join('\n'),
    );
  const generated = !parsed.data.password;
  const chosen = parsed.data.password ?? generatePassword();
  const admin = await createAdmin({
    db: deps.db,
    auth: deps.auth,
    input: { name: parsed.data.name, email: parsed.data.email, password: chosen },
    via: 'cli',
  });
  return { admin, password: chosen, generated };
}
