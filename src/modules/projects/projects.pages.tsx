import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash, safeNext } from '#kernel/http/flash.ts';
import { type FormValues, readForm, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { formatDate, todayInVietnam } from '#kernel/i18n/index.ts';
import { withQuery } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { inviteUser, listStaff } from '#modules/accounts/index.ts';
import { peopleByIds } from '#modules/people/index.ts';
import { listCommunes } from '#modules/places/index.ts';
import { mayCreateProject, projectCreatorRoles } from './projects.queries.ts';
import { ProjectFilters, ProjectInput, ReviewInput, StaffProjectInput } from './projects.schemas.ts';
import {
  assignCaseOfficer,
  canEdit,
  createProject,
  getProject,
  linkFounder,
  listProjects,
  type ProjectDetail,
  reviewProject,
  reviewQueue,
  updateProject,
} from './projects.service.ts';
import type { ProjectPorts } from './projects.timeline.ts';
import { ProjectPage } from './views/project-detail.tsx';
import { ProjectFormPage } from './views/project-form.tsx';
import { ProjectListPage } from './views/project-list.tsx';
import { ReviewQueuePage } from './views/project-review.tsx';

const projectsPages = new Hono<AppEnv>();

/** What the edit form shows for a saved project. */
function formValuesOf(p: ProjectDetail): FormValues {
  return {
    name: p.name,
    summary: p.summary,
    description: p.description,
    type: p.type,
    field: p.field,
    stage: p.stage,
    commune: p.communeSlug ?? '',
    members: p.members
      .filter((m) => m.role !== 'lead')
      .map((m) => m.email ?? m.name)
      .join('\n'),
    needs: p.needs,
    awards: p.awards.map((a) => `${a.year} - ${a.title}`).join('\n'),
    links: p.links.join('\n'),
    consentToPublish: p.consentToPublish ? 'on' : '',
    // A wish to publish that waits for review (or was sent back) stays ticked.
    isPublic: p.isPublic || p.publishReview ? 'on' : '',
  };
}

function communes(c: { var: AppEnv['Variables'] }) {
  return listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE);
}

async function listPage(c: Context<AppEnv>, scope: 'directory' | 'mine') {
  const { t } = c.var;
  const query = c.req.query();
  const filters = ProjectFilters.parse(query);
  const page = pageFrom(query.page);
  const actor = c.var.actor;
  const { items, total, more } = await listProjects({ db: c.var.deps.db, actor, filters, page, scope });
  const mine = scope === 'mine';
  return render(
    c,
    <ProjectListPage
      ctx={pageContext(c)}
      title={mine ? t('projects.mine') : t('projects.title')}
      lead={mine ? '' : t('projects.lead')}
      path={mine ? '/du-an/cua-toi' : '/du-an'}
      items={items}
      info={pageInfo(page, total)}
      more={more}
      filters={filters}
      query={query}
      communes={await communes(c)}
      canCreate={mayCreateProject(actor)}
      showVisibility={isStaff(actor) || mine}
      exportHref={isStaff(actor) && !mine ? withQuery('/du-an.csv', query, { page: undefined }) : undefined}
      emptyText={mine ? t('projects.mine.empty') : t('projects.empty')}
    />,
  );
}

projectsPages.get('/du-an', (c) => listPage(c, 'directory'));
projectsPages.get('/du-an/cua-toi', allow(), (c) => listPage(c, 'mine'));

/** The directory as filtered, for staff who work in Excel (UTF-8 with BOM). */
projectsPages.get('/du-an.csv', allow('officer', 'admin'), async (c) => {
  const { t } = c.var;
  const filters = ProjectFilters.parse(c.req.query());
  const { items } = await listProjects({
    db: c.var.deps.db,
    actor: c.var.actor,
    filters,
    page: { page: 1, perPage: 100_000, offset: 0 },
  });
  const csv = toCsv(
    [
      t('projects.col.name'),
      t('projects.field.summary'),
      t('projects.field.type'),
      t('projects.col.field'),
      t('projects.col.stage'),
      t('projects.col.commune'),
      t('projects.field.needs'),
      t('projects.filter.visibility'),
      t('projects.col.updated'),
      'URL',
    ],
    items.map((p) => [
      p.name,
      p.summary,
      labelOf(t, 'project.type', p.type),
      labelOf(t, 'project.field', p.field),
      labelOf(t, 'project.stage', p.stage),
      p.communeName,
      p.needs.map((n) => labelOf(t, 'project.need', n)).join('; '),
      p.isPublic ? t('projects.public') : t('projects.private'),
      formatDate(p.updatedAt),
      `${c.var.deps.config.BASE_URL}/du-an/${p.slug}`,
    ]),
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="du-an-${todayInVietnam()}.csv"`);
  return c.body(csv);
});

interface FormTarget {
  title: string;
  action: string;
  cancelHref: string;
}

const newTarget = (c: Context<AppEnv>): FormTarget => ({
  title: c.var.t('projects.form.title.new'),
  action: '/du-an/moi',
  cancelHref: '/du-an',
});
const editTarget = (c: Context<AppEnv>, p: ProjectDetail): FormTarget => ({
  title: c.var.t('projects.form.title.edit', { name: p.name }),
  action: `/du-an/${p.slug}/sua`,
  cancelHref: `/du-an/${p.slug}`,
});

async function projectForm(
  c: Context<AppEnv>,
  target: FormTarget,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <ProjectFormPage
      ctx={pageContext(c)}
      {...target}
      values={values}
      errors={errors}
      communes={await communes(c)}
      walkIn={target.action === '/du-an/moi' && isStaff(c.var.actor)}
    />,
    status,
  );
}

/** Validates the project form and saves it; any refusal shows the form again with what was typed. */
async function submitProjectForm(
  c: Context<AppEnv>,
  target: FormTarget,
  save: (input: ProjectInput) => Promise<Response>,
) {
  return submitForm(
    c,
    ProjectInput,
    (values, errors) => projectForm(c, target, values, errors, 422),
    (input) => save(input),
  );
}

projectsPages.get('/du-an/moi', allow(...projectCreatorRoles), (c) => projectForm(c, newTarget(c), {}));

projectsPages.post('/du-an/moi', allow(...projectCreatorRoles), (c) => {
  const actor = requireActor(c);
  const { deps } = c.var;
  if (!isStaff(actor))
    return submitProjectForm(c, newTarget(c), async (input) => {
      const created = await createProject({ db: deps.db, actor, input });
      return redirectWithFlash(c, `/du-an/${created.slug}`, 'projects.created', { name: created.name });
    });
  // Staff may register the project of a founder who came in person, and invite them to it.
  return submitForm(
    c,
    StaffProjectInput,
    (values, errors) => projectForm(c, newTarget(c), values, errors, 422),
    async (input) => {
      const created = await createProject({ db: deps.db, actor, input, founder: input });
      if (input.inviteFounder && input.founderEmail && !created.founderUserId) {
        const invited = await inviteUser({
          ...deps,
          actor,
          input: { email: input.founderEmail, name: input.founderName, role: 'founder' },
          ip: clientIp(c),
        });
        await linkFounder(deps.db, created.id, invited.id);
        return redirectWithFlash(c, `/du-an/${created.slug}`, 'projects.created.invited', {
          name: created.name,
          email: input.founderEmail,
        });
      }
      if (input.founderEmail && created.founderUserId)
        return redirectWithFlash(c, `/du-an/${created.slug}`, 'projects.created.linked', {
          name: created.name,
          email: input.founderEmail,
        });
      return redirectWithFlash(c, `/du-an/${created.slug}`, 'projects.created', { name: created.name });
    },
  );
});

/** The project, if this person may edit it: 404 when they may not see it, 403 when they may only look. */
async function editableProject(c: Context<AppEnv>): Promise<ProjectDetail> {
  const actor = requireActor(c);
  const project = await getProject({ db: c.var.deps.db, actor, slug: c.req.param('slug') ?? '' });
  if (!canEdit(actor, project.members)) throw new AppError('forbidden');
  return project;
}

projectsPages.get('/du-an/:slug/sua', allow(), async (c) => {
  const project = await editableProject(c);
  return projectForm(c, editTarget(c, project), formValuesOf(project));
});

projectsPages.post('/du-an/:slug/sua', allow(), async (c) => {
  const project = await editableProject(c);
  return submitProjectForm(c, editTarget(c, project), async (input) => {
    const updated = await updateProject({ db: c.var.deps.db, actor: requireActor(c), slug: project.slug, input });
    return redirectWithFlash(c, `/du-an/${updated.slug}`, 'projects.updated');
  });
});

/** The queue of founders' projects waiting to be published; `refused` shows a refused answer again. */
async function reviewQueuePage(c: Context<AppEnv>, refused?: { slug: string; error: string; note: string }) {
  const query = c.req.query();
  const page = pageFrom(query.page);
  const { items, total, pending } = await reviewQueue({ db: c.var.deps.db, actor: requireActor(c), page });
  return render(
    c,
    <ReviewQueuePage
      ctx={pageContext(c)}
      items={items}
      pending={pending}
      info={pageInfo(page, total)}
      query={query}
      refused={refused}
    />,
    refused ? 422 : 200,
  );
}

projectsPages.get('/quan-ly/du-an-cho-duyet', allow('officer', 'admin'), (c) => reviewQueuePage(c));

/** An officer publishes a founder's project or sends it back; a refusal shows the queue again, note kept. */
projectsPages.post('/du-an/:slug/duyet', allow('officer', 'admin'), async (c) => {
  const slug = c.req.param('slug');
  const form = await readForm(c, ReviewInput);
  const next = safeNext(typeof form.values.next === 'string' ? form.values.next : undefined, `/du-an/${slug}`);
  const again = (error: string) =>
    reviewQueuePage(c, { slug, error, note: typeof form.values.note === 'string' ? form.values.note : '' });
  if (!form.ok) return again(form.errors.note ?? form.errors.decision ?? c.var.t('errors.validation'));
  try {
    const done = await reviewProject({
      db: c.var.deps.db,
      actor: requireActor(c),
      slug,
      input: form.data,
      baseUrl: c.var.deps.config.BASE_URL,
    });
    return redirectWithFlash(
      c,
      next,
      form.data.decision === 'approve' ? 'projects.review.approved' : 'projects.review.sentBack',
      { name: done.name },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return again(c.var.t('projects.review.notWaiting'));
    throw error;
  }
});

projectsPages.post('/du-an/:slug/phu-trach', allow('officer', 'admin'), async (c) => {
  const actor = requireActor(c);
  const body = await c.req.parseBody();
  const officerId = typeof body.officerId === 'string' && body.officerId ? body.officerId : actor.id;
  const slug = c.req.param('slug');
  const officer = await assignCaseOfficer({ db: c.var.deps.db, actor, slug, officerId });
  return redirectWithFlash(c, `/du-an/${slug}`, 'projects.detail.assigned', { name: officer.name });
});

/**
 * The projects module's pages. A project's page shows its timeline, which the support ledger (a
 * module above this one) reads: the composition root hands that reader in.
 */
export function createProjectsPages(ports: ProjectPorts): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.route('/', projectsPages);
  pages.get('/du-an/:slug', async (c) => {
    const { db } = c.var.deps;
    const actor = c.var.actor;
    const project = await getProject({ db, actor, slug: c.req.param('slug') });
    const editable = canEdit(actor, project.members);
    const staff = isStaff(actor);
    // The team's phone numbers and e-mails are in the people registry: for staff only.
    const people = staff
      ? await peopleByIds(
          db,
          project.members.flatMap((m) => (m.personId ? [m.personId] : [])),
        )
      : new Map();
    const contacts = Object.fromEntries(
      project.members.flatMap((m) => {
        const p = m.personId ? people.get(m.personId) : undefined;
        const said = [p?.phone, p?.email].filter(Boolean).join(' · ');
        return said ? [[m.id, said]] : [];
      }),
    );
    return render(
      c,
      <ProjectPage
        ctx={pageContext(c)}
        project={project}
        timeline={await ports.timeline(db, project.id)}
        canEdit={editable}
        isStaff={staff}
        showOutcomes={editable}
        staff={staff ? await listStaff(db) : []}
        contacts={contacts}
      />,
    );
  });
  return pages;
}
