import { Hono } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import { defineModule } from '#kernel/module.ts';
import * as words from './accounts.i18n.ts';
import { accountsPages } from './accounts.pages.tsx';
import { adminPages } from './admin.pages.tsx';

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

/** The accounts module: its words, pages and API, mounted by createApp. */
export const accountsModule = defineModule({
  name: 'accounts',
  words,
  pages: new Hono<AppEnv>().route('/', accountsPages).route('/', adminPages),
});
