import type { Context } from 'hono';
import { Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formValue, submitForm } from '#kernel/http/forms.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { isLocalAddress, ProfileInput, SetupInput } from './setup.schemas.ts';
import {
  checkSetupToken,
  completeSetup,
  type DepartmentProfile,
  getProfile,
  setupDone,
  setupPath,
  updateProfile,
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
  await next();
});

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

function settingsForm(c: Context<AppEnv>, values: FormValues, errors?: FieldErrors, status: 200 | 409 | 422 = 200) {
  return render(
    c,
    <SettingsPage
      ctx={pageContext(c)}
      values={values}
      errors={errors}
      localWarning={localWarning(c, formValue(values, 'baseUrl'))}
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
