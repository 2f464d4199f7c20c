import { Hono } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import { defineModule } from '#kernel/module.ts';
import type { PersonalDataSource } from '#kernel/personal-data.ts';
import * as words from './accounts.i18n.ts';
import { accountsPages } from './accounts.pages.tsx';
import { adminPages } from './admin.pages.tsx';
import { personalDataPages } from './personal-data.ts';
import { twoFactorPages } from './two-factor.pages.tsx';

// The accounts module's public face: what other modules may use.
export { invitableRoles } from './accounts.schemas.ts';
export {
  type AccountView,
  changePassword,
  changeRole,
  getAccount,
  inviteUser,
  isThrottled,
  listAudit,
  listOutbox,
  listStaff,
  listUsers,
  requestPasswordReset,
  resetLinkOwner,
  resetPassword,
  setDisabled,
  signIn,
  signInLimits,
  signOut,
  signUp,
  type UserRow,
} from './accounts.service.ts';
export { createAdmin, generatePassword, hasAdmin, type NewAdmin } from './first-admin.ts';
export { anonymise, personalDataOf } from './personal-data.ts';
export { twoFactorPath } from './two-factor.pages.tsx';
export { hasTwoFactor } from './two-factor.ts';

/**
 * The accounts module: its words and pages, mounted by createApp. `personalData` are the other
 * modules' parts of a person's data export (each module's `personalDataOf`), wired in src/modules.ts.
 */
export const accountsModule = ({ personalData }: { personalData: PersonalDataSource[] }) =>
  defineModule({
    name: 'accounts',
    words,
    pages: new Hono<AppEnv>()
      .route('/', accountsPages)
      .route('/', twoFactorPages)
      .route('/', adminPages)
      .route('/', personalDataPages(personalData)),
  });
