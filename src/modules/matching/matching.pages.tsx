import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
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

const idOf = (values: FormValues, name: string) => (typeof values[name] === 'string' ? values[name] : '');

// A refusal while connecting shows the suggestions again, with that candidate's form open and
// filled in: 422 for what was typed, 409 when the candidate was taken meanwhile.
matchingPages.post('/du-an/:slug/goi-y/chuyen-gia', staffOnly, async (c) => {
  const { db, mailer, config } = c.var.deps;
  const project = await getProject({ db, actor: c.var.actor, slug: c.req.param('slug') });
  return submitForm(
    c,
    ProposeForm.omit({ projectId: true }),
    (values, errors, status) =>
      suggestionsPage(c, { target: 'expert', id: idOf(values, 'expertId'), values, errors }, status),
    async (input) => {
      const { id, expertName } = await proposeEngagement({
        db,
        mailer,
        actor: requireActor(c),
        baseUrl: config.BASE_URL,
        input: { ...input, projectId: project.id },
      });
      return redirectWithFlash(c, `/tu-van/${id}`, 'engagements.proposed', { name: expertName });
    },
    { conflicts: 'form' },
  );
});

matchingPages.post('/du-an/:slug/goi-y/doi-tac', staffOnly, async (c) => {
  const { db, mailer } = c.var.deps;
  const project = await getProject({ db, actor: c.var.actor, slug: c.req.param('slug') });
  return submitForm(
    c,
    IntroduceForm,
    (values, errors, status) =>
      suggestionsPage(c, { target: 'partner', id: idOf(values, 'partnerId'), values, errors }, status),
    async (input) => {
      const { id } = await introduceProject({
        db,
        mailer,
        actor: requireActor(c),
        partnerId: input.partnerId,
        projectId: project.id,
        message: input.message,
      });
      return redirectWithFlash(c, `/gioi-thieu/${id}`, 'matching.introduced');
    },
    { conflicts: 'form' },
  );
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
