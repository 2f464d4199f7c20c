import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formErrors, readForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { text } from '#kernel/http/validation.ts';
import { ProposeForm, proposeEngagement } from '#modules/engagements/index.ts';
import { getExpertBySlug } from '#modules/experts/index.ts';
import { getPartnerBySlug, introduceProject, partnerIdsOfUser } from '#modules/partners/index.ts';
import { getProject, type SupportNeed, supportNeeds } from '#modules/projects/index.ts';
import { projectsForExpert, projectsForPartner, suggestFor } from './matching.service.ts';
import { ProjectSuggestionsPage, type ProjectSuggestionsProps, ProjectsForPage } from './views/matching-pages.tsx';

export const matchingPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');

const IntroduceForm = z.object({ partnerId: text.required(100), message: text.required(3000, 5) });

async function suggestionsPage(
  c: Context<AppEnv>,
  failed?: ProjectSuggestionsProps['failed'],
  status: 200 | 409 | 422 = 200,
) {
  const { db, config } = c.var.deps;
  const project = await getProject({ db, actor: c.var.actor, slug: c.req.param('slug') ?? '' });
  const needs = project.needs.filter((n): n is SupportNeed => (supportNeeds as readonly string[]).includes(n));
  const { experts, partners } = await suggestFor(db, config.PROVINCE, { needs, projectId: project.id, text: '' }, 8);
  return render(
    c,
    <ProjectSuggestionsPage
      ctx={pageContext(c)}
      project={{ slug: project.slug, name: project.name, needs }}
      experts={experts}
      partners={partners}
      failed={failed}
    />,
    status,
  );
}

matchingPages.get('/du-an/:slug/goi-y', staffOnly, (c) => suggestionsPage(c));

/** A refusal while connecting: the suggestions again, with that candidate's form open and filled in. */
async function refused(
  c: Context<AppEnv>,
  target: 'expert' | 'partner',
  id: string,
  values: FormValues,
  error: unknown,
) {
  if (!(error instanceof AppError) || !['validation', 'conflict'].includes(error.code)) throw error;
  const errors =
    error.code === 'validation' ? formErrors(c, error) : { _form: c.var.t(error.messageKey, error.params) };
  return suggestionsPage(c, { target, id, values, errors }, error.code === 'conflict' ? 409 : 422);
}

matchingPages.post('/du-an/:slug/goi-y/chuyen-gia', staffOnly, async (c) => {
  const { db, mailer, config } = c.var.deps;
  const project = await getProject({ db, actor: c.var.actor, slug: c.req.param('slug') });
  const form = await readForm(c, ProposeForm.omit({ projectId: true }));
  const expertId = typeof form.values.expertId === 'string' ? form.values.expertId : '';
  if (!form.ok)
    return suggestionsPage(c, { target: 'expert', id: expertId, values: form.values, errors: form.errors }, 422);
  try {
    const { id, expertName } = await proposeEngagement({
      db,
      mailer,
      actor: requireActor(c),
      baseUrl: config.BASE_URL,
      input: { ...form.data, projectId: project.id },
    });
    return redirectWithFlash(c, `/tu-van/${id}`, 'engagements.proposed', { name: expertName });
  } catch (error) {
    return refused(c, 'expert', expertId, form.values, error);
  }
});

matchingPages.post('/du-an/:slug/goi-y/doi-tac', staffOnly, async (c) => {
  const { db, mailer } = c.var.deps;
  const project = await getProject({ db, actor: c.var.actor, slug: c.req.param('slug') });
  const form = await readForm(c, IntroduceForm);
  const partnerId = typeof form.values.partnerId === 'string' ? form.values.partnerId : '';
  if (!form.ok)
    return suggestionsPage(c, { target: 'partner', id: partnerId, values: form.values, errors: form.errors }, 422);
  try {
    const { id } = await introduceProject({
      db,
      mailer,
      actor: requireActor(c),
      partnerId: form.data.partnerId,
      projectId: project.id,
      message: form.data.message,
    });
    return redirectWithFlash(c, `/gioi-thieu/${id}`, 'matching.introduced');
  } catch (error) {
    return refused(c, 'partner', partnerId, form.values, error);
  }
});

matchingPages.get('/chuyen-gia/:slug/du-an-phu-hop', allow(), async (c) => {
  const { db, config } = c.var.deps;
  const actor = requireActor(c);
  const expert = await getExpertBySlug(db, c.req.param('slug'));
  if (!expert) throw new AppError('not_found', 'experts.notFound');
  if (!isStaff(actor) && actor.id !== expert.userId) throw new AppError('forbidden');
  const items = await projectsForExpert(db, config.PROVINCE, expert.userId, !isStaff(actor));
  return render(
    c,
    <ProjectsForPage ctx={pageContext(c)} name={expert.name} back={`/chuyen-gia/${expert.slug}`} items={items} />,
  );
});

matchingPages.get('/doi-tac/:slug/du-an-phu-hop', allow(), async (c) => {
  const { db, config } = c.var.deps;
  const actor = requireActor(c);
  const partner = await getPartnerBySlug(db, c.req.param('slug'));
  if (!partner) throw new AppError('not_found', 'partners.notFound');
  if (!isStaff(actor) && !(await partnerIdsOfUser(db, actor.id)).includes(partner.id)) throw new AppError('forbidden');
  const items = await projectsForPartner(db, config.PROVINCE, partner.id, !isStaff(actor));
  return render(
    c,
    <ProjectsForPage ctx={pageContext(c)} name={partner.name} back={`/doi-tac/${partner.slug}`} items={items} />,
  );
});
