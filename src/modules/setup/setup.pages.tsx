import type { Context } from 'hono';
import { Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff, sessionLimits } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formValue, readForm, submitForm } from '#kernel/http/forms.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { hasTwoFactor, twoFactorPath } from '#modules/accounts/index.ts';
import { isLocalAddress, ProfileInput, SecurityInput, SetupInput } from './setup.schemas.ts';
import {
  checkSetupToken,
  completeSetup,
  type DepartmentProfile,
  getProfile,
  setupDone,
  setupPath,
  updateProfile,
  updateSecurity,
} from './setup.service.ts';
import { SettingsPage } from './views/settings.tsx';
import { SetupPage } from './views/setup.tsx';

/** The first-run page (one-time address), the admins' settings page, and the profile on every page. */
export const setupPages = new Hono<AppEnv>();

// Every page: the Department's name and unit for the footer; on the home page of a site not yet
// set up, a notice that setup is waiting (never the address itself).
setupPages.use('*', async (c, next) => {
  const { db } = c.var.deps;
  const profile = await getProfile(db);
  if (profile) c.set('department', { name: profile.name, unit: profile.unit });
  if (c.req.method === 'GET' && c.req.path === '/' && !c.var.flash && !(await setupDone(db)))
    c.set('flash', { kind: 'info', text: c.var.t('setup.waiting') });
  // Two-step sign-in required: a staff member without it sets it up before any other page.
  if (
    profile?.requireStaffTwoFactor &&
    isStaff(c.var.actor) &&
    !passesWithoutTwoFactor(c.req.path) &&
    !(await hasTwoFactor(db, c.var.actor?.id ?? ''))
  )
    return redirectWithFlash(c, twoFactorPath, 'setup.security.required', undefined, 'info');
  await next();
});

/** What a staff member may open before setting up a required two-step sign-in. */
function passesWithoutTwoFactor(path: string): boolean {
  return (
    path.startsWith(twoFactorPath) ||
    path.startsWith('/api/') ||
    path.startsWith('/ngon-ngu/') ||
    path === '/dang-xuat' ||
    path.startsWith('/dang-nhap')
  );
}

/** The localhost warning is for production only: in development localhost is right. */
const localWarning = (c: Context<AppEnv>, baseUrl: string) =>
  c.var.deps.config.NODE_ENV === 'production' && isLocalAddress(baseUrl);

function setupForm(
  c: Context<AppEnv>,
  token: string,
  values: FormValues,
  errors?: FieldErrors,
  status: 200 | 409 | 422 = 200,
) {
  return render(
    c,
    <SetupPage
      ctx={pageContext(c)}
      action={setupPath(token)}
      values={values}
      errors={errors}
      localWarning={localWarning(c, formValue(values, 'baseUrl'))}
    />,
    status,
  );
}

setupPages.get('/cai-dat/:token', async (c) => {
  const token = c.req.param('token');
  await checkSetupToken(c.var.deps.db, token);
  return setupForm(c, token, { baseUrl: c.var.deps.config.BASE_URL });
});

setupPages.post('/cai-dat/:token', async (c) => {
  const token = c.req.param('token');
  const { db, auth } = c.var.deps;
  await checkSetupToken(db, token);
  return submitForm(
    c,
    SetupInput,
    (values, errors, status) => setupForm(c, token, values, errors, status),
    async (input) => {
      await completeSetup({ db, auth, token, input, ip: clientIp(c) });
      return redirectWithFlash(c, '/dang-nhap', 'setup.done');
    },
  );
});

const profileValues = (p: DepartmentProfile | null, baseUrl: string): FormValues => ({
  name: p?.name ?? '',
  unit: p?.unit ?? '',
  address: p?.address ?? '',
  phone: p?.phone ?? '',
  email: p?.email ?? '',
  baseUrl: p?.baseUrl || baseUrl,
});

async function settingsForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors?: FieldErrors,
  status: 200 | 409 | 422 = 200,
) {
  const profile = await getProfile(c.var.deps.db);
  return render(
    c,
    <SettingsPage
      ctx={pageContext(c)}
      values={values}
      errors={errors}
      localWarning={localWarning(c, formValue(values, 'baseUrl'))}
      requireStaffTwoFactor={profile?.requireStaffTwoFactor ?? false}
      sessionLimits={sessionLimits}
    />,
    status,
  );
}

const admin = allow('admin');

setupPages.get('/quan-tri/cai-dat', admin, async (c) => {
  const { db, config } = c.var.deps;
  return settingsForm(c, profileValues(await getProfile(db), config.BASE_URL));
});

setupPages.post('/quan-tri/cai-dat', admin, (c) =>
  submitForm(
    c,
    ProfileInput,
    (values, errors, status) => settingsForm(c, values, errors, status),
    async (input) => {
      await updateProfile({ db: c.var.deps.db, actor: requireActor(c), input, ip: clientIp(c) });
      return redirectWithFlash(c, '/quan-tri/cai-dat', 'setup.settings.saved');
    },
  ),
);

setupPages.post('/quan-tri/cai-dat/bao-mat', admin, async (c) => {
  const { db, config } = c.var.deps;
  const form = await readForm(c, SecurityInput);
  if (!form.ok) return settingsForm(c, profileValues(await getProfile(db), config.BASE_URL), form.errors, 422);
  await updateSecurity({ db, actor: requireActor(c), input: form.data, ip: clientIp(c) });
  return redirectWithFlash(
    c,
    '/quan-tri/cai-dat',
    form.data.requireStaffTwoFactor ? 'setup.security.savedOn' : 'setup.security.savedOff',
  );
});
