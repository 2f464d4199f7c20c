import { Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { readForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { formatDate, todayInVietnam } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { getProject } from '#modules/projects/index.ts';
import { SupportFilters, SupportInput } from './support.schemas.ts';
import { listSupport, recordManualSupport } from './support.service.ts';
import { LedgerPage } from './views/ledger.tsx';
import { SupportFormPage } from './views/support-form.tsx';

export const supportPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');

supportPages.get('/du-an/:slug/ho-tro/moi', staffOnly, async (c) => {
  const project = await getProject({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.param('slug') });
  return render(
    c,
    <SupportFormPage
      ctx={pageContext(c)}
      projectName={project.name}
      projectSlug={project.slug}
      values={{ startedOn: todayInVietnam(), providerName: c.var.actor?.name ?? '' }}
      errors={{}}
    />,
  );
});

supportPages.post('/du-an/:slug/ho-tro/moi', staffOnly, async (c) => {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const project = await getProject({ db, actor, slug: c.req.param('slug') });
  const form = await readForm(c, SupportInput);
  if (!form.ok) {
    return render(
      c,
      <SupportFormPage
        ctx={pageContext(c)}
        projectName={project.name}
        projectSlug={project.slug}
        values={form.values}
        errors={form.errors}
      />,
      422,
    );
  }
  const { participants, contractValueVnd, salesGrowthPercent, evidence, ...rest } = form.data;
  await recordManualSupport({
    db,
    actor,
    input: {
      ...rest,
      projectId: project.id,
      providerUserId: rest.providerKind === 'officer' ? actor.id : null,
      figures: Object.fromEntries(
        Object.entries({ participants, contractValueVnd, salesGrowthPercent }).filter(([, v]) => v !== undefined),
      ),
      evidenceLinks: evidence,
    },
  });
  return redirectWithFlash(c, `/du-an/${project.slug}`, 'support.recorded');
});

function yearsUpTo(now: string): number[] {
  const last = Number(now.slice(0, 4));
  return Array.from({ length: last - 2019 }, (_, i) => last - i);
}

supportPages.get('/ho-tro', staffOnly, async (c) => {
  const query = c.req.query();
  const filters = SupportFilters.parse(query);
  const page = pageFrom(query.page, 25);
  const { items, total, more } = await listSupport({ db: c.var.deps.db, actor: requireActor(c), filters, page });
  return render(
    c,
    <LedgerPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      more={more}
      filters={filters}
      query={query}
      years={yearsUpTo(todayInVietnam())}
    />,
  );
});

/** The same list as a spreadsheet-friendly CSV (UTF-8 with BOM so Excel reads Vietnamese). */
supportPages.get('/ho-tro.csv', staffOnly, async (c) => {
  const { t } = c.var;
  const filters = SupportFilters.parse(c.req.query());
  const { items } = await listSupport({
    db: c.var.deps.db,
    actor: requireActor(c),
    filters,
    page: { page: 1, perPage: 50_000, offset: 0 },
  });
  const csv = toCsv(
    [
      t('support.col.date'),
      t('support.col.project'),
      t('support.col.kind'),
      t('support.col.title'),
      t('support.col.provider'),
      t('support.col.status'),
    ],
    items.map((r) => [
      formatDate(r.startedOn),
      r.projectName,
      labelOf(t, 'support.kind', r.kind),
      r.title,
      r.providerName,
      labelOf(t, 'support.status', r.status),
    ]),
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="so-ho-tro-${todayInVietnam()}.csv"`);
  return c.body(csv);
});
