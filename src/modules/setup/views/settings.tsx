import type { FC } from 'hono/jsx';
import type { Role } from '#kernel/auth/roles.ts';
import type { FormValues } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { LocalhostWarning, ProfileFields, profileLabels } from './profile-form.tsx';

/** Admins: the Department's profile, to change later. */
export const SettingsPage: FC<{
  ctx: PageContext;
  values: FormValues;
  errors?: FieldErrors;
  localWarning: boolean;
  requireStaffTwoFactor: boolean;
  sessionLimits: Record<Role, { idle: number; absolute: number }>;
}> = ({ ctx, values, errors = {}, localWarning, requireStaffTwoFactor, sessionLimits }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.settings.title')}>
      <div class="narrow">
        <h1>{t('setup.settings.title')}</h1>
        <p class="lead">{t('setup.settings.lead')}</p>
        <LocalhostWarning t={t} show={localWarning} />
        <ErrorSummary t={t} errors={errors} labels={profileLabels(t)} />
        <PostForm action="/quan-tri/cai-dat" csrfToken={ctx.csrfToken}>
          <ProfileFields t={t} values={values} errors={errors} />
          <Button>{t('setup.settings.submit')}</Button>
        </PostForm>
        <section aria-labelledby="settings-security">
          <h2 id="settings-security">{t('setup.security.title')}</h2>
          <PostForm action="/quan-tri/cai-dat/bao-mat" csrfToken={ctx.csrfToken}>
            <Checkbox
              name="requireStaffTwoFactor"
              label={t('setup.security.requireTwoFactor')}
              hint={t('setup.security.requireTwoFactorHint')}
              checked={requireStaffTwoFactor}
            />
            <Button>{t('setup.security.submit')}</Button>
          </PostForm>
        </section>
        <SessionLimits ctx={ctx} limits={sessionLimits} />
      </div>
    </Layout>
  );
};

/** A number of seconds as the largest whole unit: 30 minutes, 12 hours, 7 days. */
function duration(t: PageContext['t'], seconds: number): string {
  if (seconds % 86400 === 0) return t('setup.duration.days', { count: seconds / 86400 });
  if (seconds % 3600 === 0) return t('setup.duration.hours', { count: seconds / 3600 });
  return t('setup.duration.minutes', { count: Math.round(seconds / 60) });
}

/** The session limits per role, as configured (read-only). */
const SessionLimits: FC<{ ctx: PageContext; limits: Record<Role, { idle: number; absolute: number }> }> = ({
  ctx,
  limits,
}) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="settings-sessions">
      <h2 id="settings-sessions">{t('setup.sessions.title')}</h2>
      <p>{t('setup.sessions.lead')}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('setup.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.sessions.role')}</th>
              <th scope="col">{t('setup.sessions.idle')}</th>
              <th scope="col">{t('setup.sessions.absolute')}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(limits) as Role[]).map((role) => (
              <tr>
                <th scope="row">{t(`role.${role}`)}</th>
                <td>{duration(t, limits[role].idle)}</td>
                <td>{duration(t, limits[role].absolute)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
