import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formValue, formValues, readForm, submitForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { getProjectById, listProjects } from '#modules/projects/index.ts';
import { ExternalEventInput, NominateInput, NominationUpdate } from '../events.schemas.ts';
import { ExternalDetailPage, ExternalFormPage, ExternalListPage, NominatePage } from '../views/external.tsx';
import {
  createExternalEvent,
  externalEventWithTitle,
  getExternalEvent,
  listExternalEvents,
  nominate,
  updateExternalEvent,
  updateNomination,
} from './nominations.service.ts';

/** Programmes and events run by others, and the projects the Department nominates to them (staff). */
export const externalPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');
const slugOf = (c: Context<AppEnv>) => c.req.param('slug') ?? '';

externalPages.get('/su-kien-ngoai', staffOnly, async (c) => {
  return render(
    c,
    <ExternalListPage
      ctx={pageContext(c)}
      items={await listExternalEvents({ db: c.var.deps.db, actor: requireActor(c) })}
    />,
  );
});

externalPages.get('/su-kien-ngoai/moi', staffOnly, (c) =>
  render(c, <ExternalFormPage ctx={pageContext(c)} values={{}} errors={{}} />),
);

externalPages.post('/su-kien-ngoai/moi', staffOnly, async (c) => {
  const form = await readForm(c, ExternalEventInput);
  if (!form.ok)
    return render(c, <ExternalFormPage ctx={pageContext(c)} values={form.values} errors={form.errors} />, 422);
  const { db } = c.var.deps;
  if (form.values.confirmDuplicate !== 'on') {
    const same = await externalEventWithTitle(db, form.data.title, form.data.startsOn);
    if (same) {
      const duplicate = { ...same, href: `/su-kien-ngoai/${same.slug}` };
      const errors = { title: c.var.t('events.duplicate.field', { year: same.startsOn.slice(0, 4) }) };
      return render(
        c,
        <ExternalFormPage ctx={pageContext(c)} values={form.values} errors={errors} duplicate={duplicate} />,
        422,
      );
    }
  }
  const created = await createExternalEvent({ db, actor: requireActor(c), input: form.data });
  return redirectWithFlash(c, `/su-kien-ngoai/${created.slug}`, 'events.external.created', { title: created.title });
});

externalPages.get('/su-kien-ngoai/:slug/sua', staffOnly, async (c) => {
  const e = await getExternalEvent({ db: c.var.deps.db, actor: c.var.actor, slug: slugOf(c) });
  const values: FormValues = {
    kind: e.kind,
    title: e.title,
    organiser: e.organiser,
    place: e.place,
    startsOn: e.startsOn,
    endsOn: e.endsOn ?? '',
    description: e.description,
    url: e.url,
  };
  return render(
    c,
    <ExternalFormPage ctx={pageContext(c)} values={values} errors={{}} editing={{ slug: e.slug, title: e.title }} />,
  );
});

externalPages.post('/su-kien-ngoai/:slug/sua', staffOnly, async (c) => {
  const e = await getExternalEvent({ db: c.var.deps.db, actor: c.var.actor, slug: slugOf(c) });
  const editing = { slug: e.slug, title: e.title };
  const form = await readForm(c, ExternalEventInput);
  if (!form.ok)
    return render(
      c,
      <ExternalFormPage ctx={pageContext(c)} values={form.values} errors={form.errors} editing={editing} />,
      422,
    );
  await updateExternalEvent({ db: c.var.deps.db, actor: requireActor(c), slug: e.slug, input: form.data });
  return redirectWithFlash(c, `/su-kien-ngoai/${e.slug}`, 'events.external.updated');
});

externalPages.get('/su-kien-ngoai/:slug', staffOnly, async (c) => {
  const event = await getExternalEvent({ db: c.var.deps.db, actor: c.var.actor, slug: slugOf(c) });
  return render(c, <ExternalDetailPage ctx={pageContext(c)} event={event} />);
});

async function nominatePage(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const event = await getExternalEvent({ db, actor, slug: slugOf(c) });
  // The search box is part of the nomination form (its button posts with intent=search), so the
  // words typed and the projects ticked survive a new search.
  const q = (formValue(values, 'q') || c.req.query('q') || '').slice(0, 100);
  const { items } = await listProjects({
    db,
    actor,
    filters: { q: q || undefined },
    page: { page: 1, perPage: 50, offset: 0 },
  });
  // Projects ticked before a new search or a failed submit stay listed, whatever the search finds.
  const shown = new Set(items.map((p) => p.id));
  const ticked = formValues(values, 'projects')
    .filter((id) => !shown.has(id))
    .slice(0, 50);
  const kept = await Promise.all(ticked.map((id) => getProjectById({ db, actor, id }).catch(() => null)));
  const candidates = [
    ...kept.flatMap((p) => (p ? [{ id: p.id, name: p.name, communeName: p.communeName }] : [])),
    ...items,
  ];
  return render(
    c,
    <NominatePage ctx={pageContext(c)} event={event} q={q} candidates={candidates} values={values} errors={errors} />,
    status,
  );
}

externalPages.get('/su-kien-ngoai/:slug/de-cu', staffOnly, (c) => nominatePage(c, {}));

externalPages.post('/su-kien-ngoai/:slug/de-cu', staffOnly, async (c) => {
  // "Tìm" submits the same form: it shows the list again with the ticked projects kept.
  const peek = await readForm(c, NominateInput);
  if (formValue(peek.values, 'intent') === 'search') return nominatePage(c, peek.values);
  return submitForm(
    c,
    NominateInput,
    (values, errors) => nominatePage(c, values, errors, 422),
    async (input) => {
      const done = await nominate({ deps: c.var.deps, actor: requireActor(c), slug: slugOf(c), input });
      return redirectWithFlash(c, `/su-kien-ngoai/${slugOf(c)}`, 'events.external.nominated', { count: done.created });
    },
  );
});

externalPages.post('/su-kien-ngoai/:slug/de-cu/:id', staffOnly, async (c) => {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const id = c.req.param('id') ?? '';
  const event = await getExternalEvent({ db, actor, slug: slugOf(c) });
  if (!event.nominations.some((n) => n.id === id))
    throw new AppError('not_found', 'events.external.nominationNotFound');
  // Bad input, or the nomination changed since the page was shown: the page again, as it now is,
  // with this nomination's form filled in as it was sent.
  const showAgain = async (values: FormValues, errors: Record<string, string>, status: 409 | 422) =>
    render(
      c,
      <ExternalDetailPage
        ctx={pageContext(c)}
        event={await getExternalEvent({ db, actor, slug: event.slug })}
        failed={{ id, values, errors }}
      />,
      status,
    );
  return submitForm(
    c,
    NominationUpdate,
    showAgain,
    async (input) => {
      const updated = await updateNomination({ db, actor, slug: event.slug, id, input });
      return redirectWithFlash(c, `/su-kien-ngoai/${event.slug}`, 'events.external.updatedNomination', {
        project: updated.projectName,
      });
    },
    { conflicts: 'form' },
  );
});
