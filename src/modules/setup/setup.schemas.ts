import { z } from 'zod';
import { checkbox, email, password, phone, text } from '#kernel/http/validation.ts';

/** The site's public address: http(s), no path beyond "/", kept without the trailing slash. */
const baseUrl = () =>
  text
    .required(200)
    .pipe(z.url({ protocol: /^https?$/, error: 'v.url' }))
    .transform((s) => s.replace(/\/+$/, ''));

const optionalEmail = () =>
  text
    .optional(254)
    .transform((s) => s.toLowerCase())
    .refine((s) => s === '' || z.email().safeParse(s).success, { error: 'v.email' });

/** The Department's profile, as the setup and settings forms send it. */
export const ProfileInput = z.object({
  name: text.required(200, 5),
  unit: text.optional(200),
  address: text.optional(300),
  phone: phone(),
  email: optionalEmail(),
  baseUrl: baseUrl(),
});
export type ProfileInput = z.output<typeof ProfileInput>;

/** The admins' security settings. */
export const SecurityInput = z.object({ requireStaffTwoFactor: checkbox() });
export type SecurityInput = z.output<typeof SecurityInput>;

/** The first-run form: the first administrator and the Department's profile. */
export const SetupInput = ProfileInput.extend({
  adminName: text.required(100, 2),
  adminEmail: email(),
  password: password(),
  passwordConfirm: z.string({ error: 'v.required' }).min(1, { error: 'v.required' }),
}).superRefine((v, ctx) => {
  if (v.password !== v.passwordConfirm)
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'v.passwordMismatch' });
});
export type SetupInput = z.output<typeof SetupInput>;

/** True for an address only this machine can open (localhost, 127.x, ::1, 0.0.0.0). */
export function isLocalAddress(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return (
      host === 'localhost' ||
      host.endsWith('.localhost') ||
      /^127\./.test(host) ||
      host === '[::1]' ||
      host === '0.0.0.0'
    );
  } catch {
    return false;
  }
}
