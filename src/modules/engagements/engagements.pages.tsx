import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { loadFile, MB, readUploads } from '#kernel/files/files.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { sendFile } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { CloseForm, EngagementFilters, RespondForm, SessionInput } from './engagements.schemas.ts';
import {
  closeEngagement,
  engagementFile,
  getEngagement,
  listEngagements,
  logSession,
  respondToEngagement,
} from './engagements.service.ts';
import { EngagementListPage, EngagementPage, type EngagementPageProps } from './views/engagements.tsx';

export const engagementsPages = new Hono<AppEnv>();
const fileRules = { accept: 'document' as const, maxBytes: 10 * MB, maxFiles: 5 };

engagementsPages.get('/tu-van', allow(), async (c) => {
  const actor = requireActor(c);
  const { status } = EngagementFilters.parse(c.req.query());
  const page = pageFrom(c.req.query('page'));
  const { items, total } = await listEngagements({ db: c.var.deps.db, actor, status, page });
  return render(
    c,
    <EngagementListPage ctx={pageContext(c)} items={items} info={pageInfo(page, total)} status={status} />,
  );
});

async function engagementPage(
  c: Context<AppEnv>,
  failed?: EngagementPageProps['failed'],
  status: 200 | 409 | 422 = 200,
) {
  const e = await getEngagement({ db: c.var.deps.db, actor: c.var.actor, id: c.req.param('id') ?? '' });
  return render(c, <EngagementPage ctx={pageContext(c)} e={e} failed={failed} />, status);
}

engagementsPages.get('/tu-van/:id', allow(), (c) => engagementPage(c));

/** A form posted from the engagement page; a refusal shows the page again with that form filled in. */
async function onEngagementPage<S extends z.ZodType>(
  c: Context<AppEnv>,
  form: 'respond' | 'session' | 'close',
  parties: readonly ('expert' | 'staff' | 'team')[],
  schema: S,
  act: (data: z.output<S>, files: Record<string, File[]>) => Promise<Response>,
) {
  // Who may post is checked before anything is read: strangers get 404, other parties 403.
  const { party } = await getEngagement({ db: c.var.deps.db, actor: c.var.actor, id: c.req.param('id') ?? '' });
  if (!parties.includes(party)) throw new AppError('forbidden');
  return submitForm(c, schema, (values, errors, status) => engagementPage(c, { form, values, errors }, status), act, {
    conflicts: 'form',
  });
}

engagementsPages.post('/tu-van/:id/tra-loi', allow(), (c) =>
  onEngagementPage(c, 'respond', ['expert'], RespondForm, async (data) => {
    const id = c.req.param('id');
    const accept = data.decision === 'accept';
    await respondToEngagement({
      db: c.var.deps.db,
      mailer: c.var.deps.mailer,
      actor: requireActor(c),
      baseUrl: c.var.deps.config.BASE_URL,
      id,
      accept,
      reason: data.reason,
    });
    return redirectWithFlash(c, `/tu-van/${id}`, accept ? 'engagements.accepted' : 'engagements.declined');
  }),
);

engagementsPages.post('/tu-van/:id/buoi', allow(), (c) =>
  onEngagementPage(c, 'session', ['expert', 'staff'], SessionInput, async (data, files) => {
    const id = c.req.param('id');
    const uploads = await readUploads(files.files, 'files', fileRules);
    await logSession({ db: c.var.deps.db, actor: requireActor(c), id, input: data, files: uploads });
    return redirectWithFlash(c, `/tu-van/${id}#buoi-lam-viec`, 'engagements.sessionLogged');
  }),
);

engagementsPages.post('/tu-van/:id/ket-thuc', allow(), (c) =>
  onEngagementPage(c, 'close', ['expert', 'staff'], CloseForm, async (data) => {
    const id = c.req.param('id');
    await closeEngagement({ db: c.var.deps.db, actor: requireActor(c), id, outcome: data.outcome });
    return redirectWithFlash(c, `/tu-van/${id}`, 'engagements.closedOk');
  }),
);

engagementsPages.get('/tu-van/:id/tep/:fileId', allow(), async (c) => {
  const { db } = c.var.deps;
  const id = await engagementFile({ db, actor: c.var.actor, id: c.req.param('id'), fileId: c.req.param('fileId') });
  const file = await loadFile(db, id);
  if (!file) throw new AppError('not_found');
  return sendFile(c, file);
});
