import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { placesOf } from '#kernel/ui/communes.ts';
import { withQuery } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { listCommunes } from '#modules/places/index.ts';
import { getProject } from '#modules/projects/index.ts';
import {
  answerIntroduction,
  getIntroduction,
  introduceProject,
  introductionsForPartner,
} from './introductions.service.ts';
import { AnswerInput, IntroductionInput, MemberInput, PartnerFilters, PartnerInput } from './partners.schemas.ts';
import {
  addMember,
  canManage,
  createPartner,
  getPartner,
  listPartners,
  type PartnerDetail,
  partnersOfUser,
  removeMember,
  updatePartner,
} from './partners.service.ts';
import { IntroductionPage } from './views/introduction.tsx';
import { MyPartnersPage } from './views/my-partners.tsx';
import { PartnerPage, type SubForm } from './views/partner-detail.tsx';
import { PartnerFormPage } from './views/partner-form.tsx';
import { PartnerListPage } from './views/partner-list.tsx';

export const partnersPages = new Hono<AppEnv>();

function communes(c: Context<AppEnv>) {
  return listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE);
}

partnersPages.get('/doi-tac', async (c) => {
  const query = c.req.query();
  const filters = PartnerFilters.parse(query);
  const page = pageFrom(query.page);
  const actor = c.var.actor;
  const { items, total, more } = await listPartners({ db: c.var.deps.db, actor, filters, page });
  const staff = isStaff(actor);
  return render(
    c,
    <PartnerListPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      more={more}
      filters={filters}
      query={query}
      communes={await communes(c)}
      canCreate={staff}
      exportHref={staff ? withQuery('/doi-tac.csv', query, { page: undefined }) : undefined}
    />,
  );
});

/** The directory as filtered, with contacts, for staff who work in Excel. */
partnersPages.get('/doi-tac.csv', allow('officer', 'admin'), async (c) => {
  const { t } = c.var;
  const filters = PartnerFilters.parse(c.req.query());
  const { items } = await listPartners({
    db: c.var.deps.db,
    actor: c.var.actor,
    filters,
    page: { page: 1, perPage: 100_000, offset: 0 },
  });
  const all = await communes(c);
  const csv = toCsv(
    [
      t('partners.col.name'),
      t('partners.col.kind'),
      t('partners.field.summary'),
      t('partners.col.offers'),
      t('partners.field.fields'),
      t('partners.col.where'),
      t('partners.field.contactName'),
      t('partners.field.contactPhone'),
      t('partners.field.contactEmail'),
      t('partners.field.website'),
      t('partners.form.publish'),
      'URL',
    ],
    items.map((p) => [
      p.name,
      labelOf(t, 'partners.kind', p.kind),
      p.summary,
      p.offers.map((o) => labelOf(t, 'project.need', o)).join('; '),
      p.fields.map((f) => labelOf(t, 'project.field', f)).join('; '),
      placesOf(t, all, p.communes, p.anywhere, t('partners.anywhere')),
      p.contactName,
      p.contactPhone,
      p.contactEmail,
      p.website,
      p.isPublic ? t('partners.public') : t('partners.private'),
      `${c.var.deps.config.BASE_URL}/doi-tac/${p.slug}`,
    ]),
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="doi-tac-${todayInVietnam()}.csv"`);
  return c.body(csv);
});

interface FormTarget {
  title: string;
  action: string;
  cancelHref: string;
}

const newTarget = (c: Context<AppEnv>): FormTarget => ({
  title: c.var.t('partners.form.title.new'),
  action: '/doi-tac/moi',
  cancelHref: '/doi-tac',
});
const editTarget = (c: Context<AppEnv>, p: PartnerDetail): FormTarget => ({
  title: c.var.t('partners.form.title.edit', { name: p.name }),
  action: `/doi-tac/${p.slug}/sua`,
  cancelHref: `/doi-tac/${p.slug}`,
});

function formValuesOf(p: PartnerDetail): FormValues {
  const on = (b: boolean) => (b ? 'on' : '');
  return {
    name: p.name,
    slug: p.slug,
    kind: p.kind,
    summary: p.summary,
    description: p.description,
    offers: p.offers,
    fields: p.fields,
    communes: p.communes,
    anywhere: on(p.anywhere),
    address: p.address,
    website: p.website,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    isPublic: on(p.isPublic),
  };
}

async function partnerForm(
  c: Context<AppEnv>,
  target: FormTarget,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <PartnerFormPage ctx={pageContext(c)} {...target} values={values} errors={errors} communes={await communes(c)} />,
    status,
  );
}

async function submitPartnerForm(
  c: Context<AppEnv>,
  target: FormTarget,
  save: (input: PartnerInput) => Promise<Response>,
) {
  return submitForm(
    c,
    PartnerInput,
    (values, errors) => partnerForm(c, target, values, errors, 422),
    (input) => save(input),
  );
}

partnersPages.get('/doi-tac/moi', allow('officer', 'admin'), (c) =>
  partnerForm(c, newTarget(c), { anywhere: 'on', isPublic: 'on' }),
);

partnersPages.post('/doi-tac/moi', allow('officer', 'admin'), (c) =>
  submitPartnerForm(c, newTarget(c), async (input) => {
    const created = await createPartner({ db: c.var.deps.db, actor: requireActor(c), input });
    return redirectWithFlash(c, `/doi-tac/${created.slug}`, 'partners.created', { name: created.name });
  }),
);

/** A partner account goes straight to the organisation it speaks for. */
partnersPages.get('/doi-tac/cua-toi', allow('partner'), async (c) => {
  const mine = await partnersOfUser(c.var.deps.db, requireActor(c).id);
  const only = mine.length === 1 ? mine[0] : undefined;
  if (only) return c.redirect(`/doi-tac/${only.slug}`, 303);
  return render(c, <MyPartnersPage ctx={pageContext(c)} partners={mine} />);
});

async function partnerPage(
  c: Context<AppEnv>,
  p: PartnerDetail,
  forms: { memberForm?: SubForm; introduceForm?: SubForm } = {},
  status: 200 | 422 = 200,
) {
  const actor = c.var.actor;
  const manage = canManage(actor, p.members);
  return render(
    c,
    <PartnerPage
      ctx={pageContext(c)}
      partner={p}
      communes={await communes(c)}
      canEdit={manage}
      isStaff={isStaff(actor)}
      showContacts={!!actor}
      introductions={manage ? await introductionsForPartner(c.var.deps.db, p.id) : null}
      {...forms}
    />,
    status,
  );
}

partnersPages.get('/doi-tac/:slug', async (c) => {
  const p = await getPartner({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  return partnerPage(c, p);
});

/** The partner, if this person may edit it: 404 when they may not see it, 403 when they may only look. */
async function editablePartner(c: Context<AppEnv>): Promise<PartnerDetail> {
  const actor = requireActor(c);
  const p = await getPartner({ db: c.var.deps.db, actor, slug: c.req.param('slug') ?? '' });
  if (!canManage(actor, p.members)) throw new AppError('forbidden');
  return p;
}

partnersPages.get('/doi-tac/:slug/sua', allow(), async (c) => {
  const p = await editablePartner(c);
  return partnerForm(c, editTarget(c, p), formValuesOf(p));
});

partnersPages.post('/doi-tac/:slug/sua', allow(), async (c) => {
  const p = await editablePartner(c);
  return submitPartnerForm(c, editTarget(c, p), async (input) => {
    const updated = await updatePartner({ db: c.var.deps.db, actor: requireActor(c), slug: p.slug, input });
    return redirectWithFlash(c, `/doi-tac/${updated.slug}`, 'partners.updated');
  });
});

partnersPages.post('/doi-tac/:slug/thanh-vien', allow('officer', 'admin'), async (c) => {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const p = await getPartner({ db, actor, slug: c.req.param('slug') });
  return submitForm(
    c,
    MemberInput,
    (values, errors) => partnerPage(c, p, { memberForm: { values, errors } }, 422),
    async (input) => {
      const added = await addMember({ db, actor, slug: p.slug, email: input.email });
      return redirectWithFlash(c, `/doi-tac/${p.slug}`, 'partners.member.added', { name: added.name });
    },
  );
});

partnersPages.post('/doi-tac/:slug/thanh-vien/:userId/xoa', allow('officer', 'admin'), async (c) => {
  const slug = c.req.param('slug');
  const removed = await removeMember({
    db: c.var.deps.db,
    actor: requireActor(c),
    slug,
    userId: c.req.param('userId'),
  });
  return redirectWithFlash(c, `/doi-tac/${slug}`, 'partners.member.removed', { name: removed.name });
});

partnersPages.post('/doi-tac/:slug/gioi-thieu', allow('officer', 'admin'), async (c) => {
  const { db, mailer, config } = c.var.deps;
  const actor = requireActor(c);
  const p = await getPartner({ db, actor, slug: c.req.param('slug') });
  return submitForm(
    c,
    IntroductionInput,
    (values, errors) => partnerPage(c, p, { introduceForm: { values, errors } }, 422),
    async (input) => {
      const target = await getProject({ db, actor, slug: input.project }).catch((error) => {
        if (error instanceof AppError && error.code === 'not_found')
          throw new AppError('validation', 'errors.validation', { project: 'partners.v.project' });
        throw error;
      });
      const { id } = await introduceProject({
        db,
        mailer,
        actor,
        partnerId: p.id,
        projectId: target.id,
        message: input.message,
        baseUrl: config.BASE_URL,
      });
      return redirectWithFlash(c, `/gioi-thieu/${id}`, 'partners.introduce.done', {
        project: target.name,
        partner: p.name,
      });
    },
  );
});

partnersPages.get('/gioi-thieu/:id', allow(), async (c) => {
  const intro = await getIntroduction({ db: c.var.deps.db, actor: c.var.actor, id: c.req.param('id') });
  return render(c, <IntroductionPage ctx={pageContext(c)} intro={intro} values={{}} errors={{}} />);
});

partnersPages.post('/gioi-thieu/:id/tra-loi', allow(), async (c) => {
  const { db, mailer, config } = c.var.deps;
  const actor = requireActor(c);
  const intro = await getIntroduction({ db, actor, id: c.req.param('id') });
  if (!intro.canAnswer) throw new AppError('forbidden');
  // Bad input, or answered meanwhile by someone else: the page again, as it now is, with the form as sent.
  const showAgain = async (values: FormValues, errors: Record<string, string>, status: 409 | 422) =>
    render(
      c,
      <IntroductionPage
        ctx={pageContext(c)}
        intro={await getIntroduction({ db, actor, id: intro.id })}
        values={values}
        errors={errors}
      />,
      status,
    );
  return submitForm(
    c,
    AnswerInput,
    showAgain,
    async (input) => {
      await answerIntroduction({
        db,
        mailer,
        actor,
        id: intro.id,
        status: input.status,
        answer: input.answer,
        seen: input.seen,
        baseUrl: config.BASE_URL,
      });
      return redirectWithFlash(c, `/gioi-thieu/${intro.id}`, 'partners.answer.done');
    },
    { conflicts: 'form' },
  );
});
