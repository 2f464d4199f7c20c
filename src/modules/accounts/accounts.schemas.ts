import { z } from 'zod';
import { apiTokenScopes } from '#kernel/auth/api-tokens.ts';
import { roles } from '#kernel/auth/roles.ts';
import { checkbox, choice, email, optionalChoice, password, phone, text } from '#kernel/http/validation.ts';

/** Roles an admin hands out by invitation; founders sign themselves up. */
export const invitableRoles = ['officer', 'expert', 'partner', 'admin'] as const;

/** For sign-in, any non-empty password is tried: the length rule is for choosing one. */
const anyPassword = () =>
  z.string({ error: 'v.required' }).min(1, { error: 'v.required' }).max(128, { error: 'v.passwordLength' });

function confirmed<T extends { [k: string]: unknown }>(a: keyof T & string, b: keyof T & string) {
  return (v: T, ctx: z.core.$RefinementCtx<T>) => {
    if (v[a] !== v[b]) ctx.addIssue({ code: 'custom', path: [b], message: 'v.passwordMismatch' });
  };
}

export const SignInInput = z.object({ email: email(), password: anyPassword() });
export type SignInInput = z.output<typeof SignInInput>;

/** A code from the authenticator app (6 digits) or a backup code (10 letters and digits). */
const twoFactorCode = () =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { error: 'v.required' })
    .max(20, { error: 'accounts.twoFactor.wrongCode' });

/** The second step of signing in, and turning two-step sign-in on. */
export const TwoFactorCodeInput = z.object({ code: twoFactorCode() });
export type TwoFactorCodeInput = z.output<typeof TwoFactorCodeInput>;

/** Turning two-step sign-in off: the password and a code. */
export const TwoFactorOffInput = z.object({ password: anyPassword(), code: twoFactorCode() });
export type TwoFactorOffInput = z.output<typeof TwoFactorOffInput>;

export const SignUpInput = z
  .object({
    name: text.required(100, 2),
    email: email(),
    phone: phone(),
    password: password(),
    passwordConfirm: z.string({ error: 'v.required' }).min(1, { error: 'v.required' }),
    // Required by Law 91/2025/QH15 for the service; checked at the field, with the other mistakes.
    consentService: checkbox().refine((v) => v, { error: 'privacy.v.serviceConsent' }),
    consentNews: checkbox(),
  })
  .superRefine(confirmed('password', 'passwordConfirm'));
export type SignUpInput = z.output<typeof SignUpInput>;

/** The password that finishes a sign-up from its mailed link. */
export const ConfirmSignUpInput = z.object({ password: anyPassword() });
export type ConfirmSignUpInput = z.output<typeof ConfirmSignUpInput>;

export const ForgotPasswordInput = z.object({ email: email() });
export type ForgotPasswordInput = z.output<typeof ForgotPasswordInput>;

export const ResetPasswordInput = z
  .object({
    password: password(),
    passwordConfirm: z.string({ error: 'v.required' }).min(1, { error: 'v.required' }),
  })
  .superRefine(confirmed('password', 'passwordConfirm'));
export type ResetPasswordInput = z.output<typeof ResetPasswordInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: anyPassword(),
    newPassword: password(),
    newPasswordConfirm: z.string({ error: 'v.required' }).min(1, { error: 'v.required' }),
  })
  .superRefine(confirmed('newPassword', 'newPasswordConfirm'));
export type ChangePasswordInput = z.output<typeof ChangePasswordInput>;

/** What a person changes about themselves on their account page. */
export const ProfileInput = z.object({ name: text.required(100, 2), phone: phone() });
export type ProfileInput = z.output<typeof ProfileInput>;

export const RoleInput = z.object({ role: choice(roles) });
export type RoleInput = z.output<typeof RoleInput>;

/** `disabled` says what the button asked for; without it the account's state is flipped. */
export const DisableInput = z.object({ disabled: optionalChoice(['true', 'false']) });
export type DisableInput = z.output<typeof DisableInput>;

export const InviteInput = z.object({
  name: text.required(100, 2),
  email: email(),
  role: choice(invitableRoles),
});
export type InviteInput = z.output<typeof InviteInput>;

/** The user list's query string; anything unexpected is ignored rather than refused. */
export const UserListQuery = z.object({
  q: z.string().optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  page: z.string().optional().catch(undefined),
});
export type UserListQuery = z.output<typeof UserListQuery>;

/** A day typed in a filter, YYYY-MM-DD as `<input type="date">` sends it, and one on the calendar. */
function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const filterDay = z
  .string()
  .trim()
  .refine((s) => s === '' || isCalendarDay(s), { error: 'accounts.audit.dateInvalid' })
  .optional()
  .transform((s) => s || undefined);

const filterText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, { error: `v.tooLong|${max}` }))
    .optional()
    .transform((s) => s || undefined);

/**
 * The audit log's filters, from the query string: who acted (name or e-mail), the action, the
 * kind of item, a period of Vietnam days, and words in the item's id or the details. A day that
 * is not on the calendar, or an end before the start, is refused with a sentence (422).
 */
export const AuditQuery = z
  .object({
    actor: filterText(100),
    action: filterText(100),
    entity: filterText(100),
    from: filterDay,
    to: filterDay,
    text: filterText(100),
    page: z.string().optional().catch(undefined),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'accounts.audit.dateOrder' });
  });
export type AuditQuery = z.output<typeof AuditQuery>;

/** A new API token: a name to recognise it by, and what it may do. */
export const ApiTokenInput = z.object({
  name: text.required(100, 2),
  scope: choice(apiTokenScopes),
});
export type ApiTokenInput = z.output<typeof ApiTokenInput>;
