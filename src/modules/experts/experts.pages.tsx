import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { placesOf } from '#kernel/ui/communes.ts';
import { withQuery } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { listCommunes } from '#modules/places/index.ts';
import { ExpertFilters, ExpertInput } from './experts.schemas.ts';
import {
  type ExpertProfile,
  getExpert,
  getExpertByUserId,
  listExperts,
  saveOwnProfile,
  updateExpert,
} from './experts.service.ts';
import { ExpertPage } from './views/expert-detail.tsx';
import { ExpertFormPage } from './views/expert-form.tsx';
import { ExpertListPage } from './views/expert-list.tsx';

export const expertsPages = new Hono<AppEnv>();

function communes(c: Context<AppEnv>) {
  return listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE);
}

expertsPages.get('/chuyen-gia', async (c) => {
  const query = c.req.query();
  const filters = ExpertFilters.parse(query);
  const page = pageFrom(query.page);
  const actor = c.var.actor;
  const { items, total, more } = await listExperts({ db: c.var.deps.db, actor, filters, page });
  return render(
    c,
    <ExpertListPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      more={more}
      filters={filters}
      query={query}
      communes={await communes(c)}
      exportHref={isStaff(actor) ? withQuery('/chuyen-gia.csv', query, { page: undefined }) : undefined}
    />,
  );
});

/** The directory as filtered, for staff who work in Excel. */
expertsPages.get('/chuyen-gia.csv', allow('officer', 'admin'), async (c) => {
  const { t } = c.var;
  const filters = ExpertFilters.parse(c.req.query());
  const { items } = await listExperts({
    db: c.var.deps.db,
    actor: c.var.actor,
    filters,
    page: { page: 1, perPage: 100_000, offset: 0 },
  });
  const all = await communes(c);
  const csv = toCsv(
    [
      t('experts.col.name'),
      t('experts.field.headline'),
      t('experts.field.organisation'),
      t('experts.col.specialties'),
      t('experts.field.fields'),
      t('experts.col.where'),
      t('experts.form.publish'),
      'URL',
    ],
    items.map((e) => [
      e.name,
      e.headline,
      e.organisation,
      e.specialties.map((s) => labelOf(t, 'experts.specialty', s)).join('; '),
      e.fields.map((f) => labelOf(t, 'project.field', f)).join('; '),
      placesOf(t, all, e.communes, e.anywhere, t('experts.anywhere')),
      e.isPublic ? t('experts.public') : t('experts.private'),
      `${c.var.deps.config.BASE_URL}/chuyen-gia/${e.slug}`,
    ]),
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="chuyen-gia-${todayInVietnam()}.csv"`);
  return c.body(csv);
});

interface FormTarget {
  title: string;
  action: string;
  cancelHref: string;
}

function formValuesOf(e: ExpertProfile): FormValues {
  const on = (b: boolean) => (b ? 'on' : '');
  return {
    name: e.name,
    headline: e.headline,
    organisation: e.organisation,
    bio: e.bio,
    specialties: e.specialties,
    fields: e.fields,
    communes: e.communes,
    anywhere: on(e.anywhere),
    isPublic: on(e.isPublic),
  };
}

async function expertForm(
  c: Context<AppEnv>,
  target: FormTarget,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <ExpertFormPage ctx={pageContext(c)} {...target} values={values} errors={errors} communes={await communes(c)} />,
    status,
  );
}

async function submitExpertForm(
  c: Context<AppEnv>,
  target: FormTarget,
  save: (input: ExpertInput) => Promise<Response>,
) {
  return submitForm(
    c,
    ExpertInput,
    (values, errors) => expertForm(c, target, values, errors, 422),
    (input) => save(input),
  );
}

async function ownTarget(c: Context<AppEnv>): Promise<{ target: FormTarget; profile: ExpertProfile | null }> {
  const profile = await getExpertByUserId(c.var.deps.db, requireActor(c).id);
  return {
    profile,
    target: {
      title: c.var.t('experts.form.title.mine'),
      action: '/chuyen-gia/ho-so',
      cancelHref: profile ? `/chuyen-gia/${profile.slug}` : '/chuyen-gia',
    },
  };
}

/** The signed-in expert's own profile: a blank form (with their name) until they save one. */
expertsPages.get('/chuyen-gia/ho-so', allow('expert'), async (c) => {
  const { target, profile } = await ownTarget(c);
  return expertForm(c, target, profile ? formValuesOf(profile) : { name: requireActor(c).name, anywhere: 'on' });
});

expertsPages.post('/chuyen-gia/ho-so', allow('expert'), async (c) => {
  const { target } = await ownTarget(c);
  return submitExpertForm(c, target, async (input) => {
    const saved = await saveOwnProfile({ db: c.var.deps.db, actor: requireActor(c), input });
    return redirectWithFlash(c, `/chuyen-gia/${saved.slug}`, 'experts.saved');
  });
});

expertsPages.get('/chuyen-gia/:slug', async (c) => {
  const expert = await getExpert({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  return render(
    c,
    <ExpertPage ctx={pageContext(c)} expert={expert} communes={await communes(c)} isStaff={isStaff(c.var.actor)} />,
  );
});

async function staffTarget(c: Context<AppEnv>) {
  const expert = await getExpert({ db: c.var.deps.db, actor: requireActor(c), slug: c.req.param('slug') ?? '' });
  const target: FormTarget = {
    title: c.var.t('experts.form.title.edit', { name: expert.name }),
    action: `/chuyen-gia/${expert.slug}/sua`,
    cancelHref: `/chuyen-gia/${expert.slug}`,
  };
  return { expert, target };
}

expertsPages.get('/chuyen-gia/:slug/sua', allow('officer', 'admin'), async (c) => {
  const { expert, target } = await staffTarget(c);
  return expertForm(c, target, formValuesOf(expert));
});

expertsPages.post('/chuyen-gia/:slug/sua', allow('officer', 'admin'), async (c) => {
  const { expert, target } = await staffTarget(c);
  return submitExpertForm(c, target, async (input) => {
    const saved = await updateExpert({ db: c.var.deps.db, actor: requireActor(c), slug: expert.slug, input });
    return redirectWithFlash(c, `/chuyen-gia/${saved.slug}`, 'experts.saved');
  });
});
