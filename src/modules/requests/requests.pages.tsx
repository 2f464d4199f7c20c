import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { loadFile, MB, readUploads } from '#kernel/files/files.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { sendFile } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormFiles, type FormValues, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { formatDate, todayInVietnam } from '#kernel/i18n/index.ts';
import { communeOptions } from '#kernel/ui/communes.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { listStaff } from '#modules/accounts/index.ts';
import { suggestFor } from '#modules/matching/index.ts';
import { listCommunes } from '#modules/places/index.ts';
import { projectsOf, type SupportNeed, supportNeeds } from '#modules/projects/index.ts';
import { acceptRequest } from './accept-request.ts';
import { assignRequests } from './assign-requests.ts';
import { changeStatus } from './change-request-status.ts';
import { postMessage } from './comment-on-request.ts';
import { connectRequest } from './connect-request.ts';
import { fileRequest } from './create-request.ts';
import { fileWalkIn } from './file-walk-in.ts';
import { type RequestContext, requestRef } from './requests.access.ts';
import { getRequest, inboxCounts, listInbox, listMyRequests, requestFileId } from './requests.queries.ts';
import {
  AssignInput,
  ConnectInput,
  InboxFilters,
  MessageInput,
  RequestInput,
  StatusInput,
  WalkInInput,
} from './requests.schemas.ts';
import { openStatuses } from './requests.taxonomy.ts';
import { RequestDetailPage } from './views/request-detail.tsx';
import { RequestFormPage } from './views/request-form.tsx';
import { InboxPage } from './views/request-inbox.tsx';
import { MyRequestsPage } from './views/request-list.tsx';

export const requestsPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');
const fileRules = { accept: 'document' as const, maxBytes: 10 * MB, maxFiles: 5 };

function requestContext(c: Context<AppEnv>): RequestContext {
  const { db, mailer, config } = c.var.deps;
  return { db, mailer, baseUrl: config.BASE_URL, actor: requireActor(c) };
}

function numberParam(c: Context<AppEnv>): number {
  const raw = c.req.param('number') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found', 'requests.notFound');
  return Number(raw);
}

async function communeChoices(c: Context<AppEnv>) {
  return communeOptions(c.var.t, await listCommunes(c.var.deps.db, c.var.deps.config.PROVINCE), {
    formerDistrict: true,
  });
}

// ---------------------------------------------------------------- founders

requestsPages.get('/yeu-cau', allow(), async (c) => {
  const actor = requireActor(c);
  const page = pageFrom(c.req.query('page'));
  const { items, total } = await listMyRequests({ db: c.var.deps.db, actor, page });
  return render(
    c,
    <MyRequestsPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      canFile={actor.role === 'founder'}
    />,
  );
});

async function founderForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const projects = (await projectsOf(c.var.deps.db, requireActor(c).id)).map((p) => ({ value: p.slug, label: p.name }));
  return render(
    c,
    <RequestFormPage
      ctx={pageContext(c)}
      projects={projects}
      walkIn={false}
      communes={[]}
      values={values}
      errors={errors}
    />,
    status,
  );
}

/** Prefilled from the query: "ask for help on this item" links elsewhere open the form ready. */
requestsPages.get('/yeu-cau/moi', allow('founder'), (c) => {
  const q = c.req.query();
  const need = (supportNeeds as readonly string[]).includes(q.loai ?? '') ? [q.loai as SupportNeed] : [];
  return founderForm(c, {
    project: (q.du_an ?? '').slice(0, 120),
    needs: need,
    body: (q.noi_dung ?? '').slice(0, 5000),
    urgency: 'normal',
  });
});

requestsPages.post('/yeu-cau/moi', allow('founder'), (c) =>
  submitForm(
    c,
    RequestInput,
    (values, errors) => founderForm(c, values, errors, 422),
    async (input, files) => {
      const uploads = await readUploads(files.files, 'files', fileRules);
      const { number } = await fileRequest({ ...requestContext(c), input, files: uploads });
      return redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.filed', { ref: requestRef(number) });
    },
  ),
);

// ---------------------------------------------------------------- one request

async function detailPage(
  c: Context<AppEnv>,
  failed?: Parameters<typeof RequestDetailPage>[0]['failed'],
  status: 200 | 409 | 422 = 200,
) {
  const { db, config } = c.var.deps;
  const request = await getRequest({ db, actor: c.var.actor, number: numberParam(c) });
  const open = (openStatuses as readonly string[]).includes(request.status);
  // One list per need still open (waiting or being helped), each ranked for that need alone.
  const suggestions =
    request.party === 'staff' && open && request.projectId
      ? await Promise.all(
          request.needsProgress
            .filter((n) => n.state !== 'done')
            .map(async (n) => ({
              need: n.need,
              state: n.state,
              // Several needs: the best three each, so the page stays short on a phone.
              ...(await suggestFor(
                db,
                config.PROVINCE,
                { needs: [n.need], projectId: request.projectId, communeSlug: request.communeSlug, text: request.body },
                request.needs.length > 1 ? 3 : 5,
              )),
            })),
        )
      : null;
  return render(
    c,
    <RequestDetailPage ctx={pageContext(c)} request={request} suggestions={suggestions} failed={failed} />,
    status,
  );
}

requestsPages.get('/yeu-cau/:number', allow(), (c) => detailPage(c));

/**
 * Reads a form posted from the request page; a refusal (bad input, or the request changed
 * meanwhile) shows the page again with that form filled in as it was sent.
 */
function onRequestPage<S extends z.ZodType>(
  c: Context<AppEnv>,
  form: 'message' | 'status' | 'connect',
  schema: S,
  act: (data: z.output<S>, files: FormFiles) => Promise<Response>,
) {
  return submitForm(c, schema, (values, errors, status) => detailPage(c, { form, values, errors }, status), act, {
    conflicts: 'form',
  });
}

requestsPages.post('/yeu-cau/:number/tin-nhan', allow(), (c) =>
  onRequestPage(c, 'message', MessageInput, async (data, files) => {
    const number = numberParam(c);
    // Existence and access first: a stranger gets 404 before any file is read.
    await getRequest({ db: c.var.deps.db, actor: c.var.actor, number });
    const uploads = await readUploads(files.files, 'files', fileRules);
    await postMessage({ ...requestContext(c), number, body: data.body, files: uploads });
    return redirectWithFlash(c, `/yeu-cau/${number}#trao-doi`, 'requests.detail.messageSent');
  }),
);

requestsPages.get('/yeu-cau/:number/tep/:fileId', allow(), async (c) => {
  const { db } = c.var.deps;
  const id = await requestFileId({ db, actor: c.var.actor, number: numberParam(c), fileId: c.req.param('fileId') });
  const file = await loadFile(db, id);
  if (!file) throw new AppError('not_found');
  return sendFile(c, file, { download: file.mime === 'application/pdf' ? false : undefined });
});

/** Taking a new request; taken meanwhile by someone else, the officer is told on the request's page. */
requestsPages.post('/yeu-cau/:number/nhan', staffOnly, (c) => {
  const number = numberParam(c);
  return submitForm(
    c,
    z.object({}),
    () => redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.error.notNew', {}, 'error'),
    async () => {
      await acceptRequest({ ...requestContext(c), number });
      return redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.detail.accepted', { ref: requestRef(number) });
    },
    { conflicts: 'form' },
  );
});

requestsPages.post('/yeu-cau/:number/trang-thai', staffOnly, (c) =>
  onRequestPage(c, 'status', StatusInput, async (data) => {
    const number = numberParam(c);
    const status = await changeStatus({ ...requestContext(c), number, input: data });
    return redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.detail.statusChanged', {
      status: labelOf(c.var.t, 'requests.status', status),
    });
  }),
);

requestsPages.post('/yeu-cau/:number/ket-noi', staffOnly, (c) =>
  onRequestPage(c, 'connect', ConnectInput, async (data) => {
    const number = numberParam(c);
    const { name } = await connectRequest({ ...requestContext(c), number, input: data });
    return redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.detail.connected', { name });
  }),
);

// ---------------------------------------------------------------- the officers' inbox

async function inbox(c: Context<AppEnv>, errors?: Record<string, string>, status: 200 | 422 = 200) {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const query = c.req.query();
  const filters = InboxFilters.parse(query);
  const page = pageFrom(query.page);
  const [{ items, total }, counts, staff, communes] = await Promise.all([
    listInbox({ db, actor, filters, page }),
    inboxCounts(db, actor),
    listStaff(db),
    communeChoices(c),
  ]);
  return render(
    c,
    <InboxPage
      ctx={pageContext(c)}
      items={items}
      info={pageInfo(page, total)}
      filters={filters}
      query={query}
      counts={counts}
      communes={communes}
      staff={staff.map((s) => ({ value: s.id, label: s.name }))}
      errors={errors}
    />,
    status,
  );
}

requestsPages.get('/quan-ly/yeu-cau', staffOnly, (c) => inbox(c));

requestsPages.get('/quan-ly/yeu-cau.csv', staffOnly, async (c) => {
  const { t } = c.var;
  const filters = InboxFilters.parse(c.req.query());
  const { items } = await listInbox({
    db: c.var.deps.db,
    actor: requireActor(c),
    filters,
    page: { page: 1, perPage: 100_000, offset: 0 },
  });
  const csv = toCsv(
    [
      t('requests.col.ref'),
      t('requests.col.kind'),
      t('requests.field.urgency'),
      t('requests.col.project'),
      t('requests.col.commune'),
      t('requests.col.status'),
      t('requests.col.due'),
      t('requests.col.assignee'),
      t('requests.col.created'),
      t('requests.field.body'),
    ],
    items.map((r) => [
      r.ref,
      labelOf(t, 'project.need', r.kind),
      labelOf(t, 'requests.urgency', r.urgency),
      r.projectName ?? r.contactName ?? r.requesterName ?? '',
      r.communeName ?? '',
      `${labelOf(t, 'requests.status', r.status)}${r.overdue ? ` (${t('requests.overdue')})` : ''}`,
      r.dueOn ? formatDate(r.dueOn) : '',
      r.assigneeName ?? '',
      formatDate(r.createdAt),
      r.body,
    ]),
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="yeu-cau-ho-tro-${todayInVietnam()}.csv"`);
  return c.body(csv);
});

requestsPages.post('/quan-ly/yeu-cau/phan-cong', staffOnly, (c) =>
  submitForm(
    c,
    AssignInput,
    (_values, errors) => inbox(c, errors, 422),
    async ({ numbers, assigneeId }) => {
      const { moved, assignee } = await assignRequests({ ...requestContext(c), numbers, assigneeId });
      return redirectWithFlash(c, '/quan-ly/yeu-cau?view=open', 'requests.inbox.assigned', {
        n: moved,
        name: assignee,
      });
    },
  ),
);

async function walkInForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <RequestFormPage
      ctx={pageContext(c)}
      projects={[]}
      walkIn
      communes={await communeChoices(c)}
      values={values}
      errors={errors}
    />,
    status,
  );
}

requestsPages.get('/quan-ly/yeu-cau/moi', staffOnly, (c) => walkInForm(c, { urgency: 'normal' }));

requestsPages.post('/quan-ly/yeu-cau/moi', staffOnly, (c) =>
  submitForm(
    c,
    WalkInInput,
    (values, errors) => walkInForm(c, values, errors, 422),
    async (input) => {
      const { number } = await fileWalkIn({ ...requestContext(c), input });
      return redirectWithFlash(c, `/yeu-cau/${number}`, 'requests.walkInFiled', { ref: requestRef(number) });
    },
  ),
);
