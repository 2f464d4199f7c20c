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
