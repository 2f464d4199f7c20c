import { type Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { allow, requireActor, signedIn } from '#kernel/auth/access.ts';
import { sessionCookieNames } from '#kernel/auth/session.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { PersonalDataEraser } from '#kernel/personal-data.ts';
import { getBreach, listBreaches, saveBreach } from './breaches.service.ts';
import { consentsOf, giveConsent, withdrawConsent } from './consents.service.ts';
import {
  decideDataRequest,
  fileDataRequest,
  getDataRequest,
  listDataRequests,
  requestsOf,
} from './data-requests.service.ts';
import { deleteOwnAccount, eraseAccount } from './erase.ts';
import { currentNotice, listNotices, publishNotice } from './notice.service.ts';
import { BreachInput, DataRequestInput, DecisionInput, DeleteAccountInput, NoticeInput } from './privacy.schemas.ts';
import {
  BreachesPage,
  BreachPage,
  DeleteAccountPage,
  NoticeAdminPage,
  NoticePage,
  QueuePage,
  RequestPage,
  RightsPage,
} from './views/privacy.tsx';

/**
 * The privacy notice (public, versioned), a person's consents, requests and account deletion,
 * the officers' queue of requests, and the admins' breach record. `erasers` are the modules'
 * `anonymise` functions, wired in src/modules.ts.
 */
export function privacyPages(erasers: PersonalDataEraser[]) {
  const pages = new Hono<AppEnv>();

  pages.get('/quyen-rieng-tu', async (c) => {
    const { db } = c.var.deps;
    const [current, all] = await Promise.all([currentNotice(db), listNotices(db)]);
    return render(c, <NoticePage ctx={pageContext(c)} shown={current} current={current} all={all} />);
  });

  pages.get('/quyen-rieng-tu/:version', async (c) => {
    const { db } = c.var.deps;
    const [current, all] = await Promise.all([currentNotice(db), listNotices(db)]);
    const shown = all.find((n) => n.version === c.req.param('version'));
    if (!shown) throw new AppError('not_found', 'privacy.notice.notFound');
    return render(c, <NoticePage ctx={pageContext(c)} shown={shown} current={current} all={all} />);
  });

  pages.get('/quan-tri/quyen-rieng-tu', allow('admin'), async (c) =>
    render(c, <NoticeAdminPage ctx={pageContext(c)} all={await listNotices(c.var.deps.db)} />),
  );

  pages.post('/quan-tri/quyen-rieng-tu', allow('admin'), async (c) => {
    const { db } = c.var.deps;
    return submitForm(
      c,
      NoticeInput,
      async (values, errors, status) =>
        render(
          c,
          <NoticeAdminPage ctx={pageContext(c)} all={await listNotices(db)} values={values} errors={errors} />,
          status,
        ),
      async (input) => {
        await publishNotice({ db, actor: requireActor(c), input });
        return redirectWithFlash(c, '/quan-tri/quyen-rieng-tu', 'privacy.notice.published');
      },
    );
  });

  const rightsPage = async (c: Context<AppEnv>, values?: FormValues, errors?: Record<string, string>) => {
    const { db } = c.var.deps;
    const { id } = requireActor(c);
    const [consents, requests] = await Promise.all([consentsOf(db, id), requestsOf(db, id)]);
    return render(
      c,
      <RightsPage ctx={pageContext(c)} consents={consents} requests={requests} values={values} errors={errors} />,
      errors ? 422 : 200,
    );
  };

  pages.get('/tai-khoan/quyen-du-lieu', signedIn, (c) => rightsPage(c));

  pages.post('/tai-khoan/yeu-cau-du-lieu', signedIn, (c) =>
    submitForm(
      c,
      DataRequestInput,
      (values, errors) => rightsPage(c, values, errors),
      async (input) => {
        await fileDataRequest({ ...c.var.deps, actor: requireActor(c), input });
        c.var.deps.mailer.wake();
        return redirectWithFlash(c, '/tai-khoan/quyen-du-lieu', 'privacy.request.filed');
      },
    ),
  );

  pages.post('/tai-khoan/dong-y/nhan-tin', signedIn, async (c) => {
    await giveConsent({ db: c.var.deps.db, actor: requireActor(c), purpose: 'news' });
    return redirectWithFlash(c, '/tai-khoan#dong-y', 'privacy.consent.givenFlash');
  });

  pages.post('/tai-khoan/dong-y/:id/rut', signedIn, async (c) => {
    await withdrawConsent({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') });
    return redirectWithFlash(c, '/tai-khoan#dong-y', 'privacy.consent.withdrawnFlash');
  });

  pages.get('/tai-khoan/xoa', signedIn, (c) => render(c, <DeleteAccountPage ctx={pageContext(c)} />));

  pages.post('/tai-khoan/xoa', signedIn, (c) =>
    submitForm(
      c,
      DeleteAccountInput,
      (_values, errors, status) => render(c, <DeleteAccountPage ctx={pageContext(c)} errors={errors} />, status),
      async (input) => {
        await deleteOwnAccount({
          ...c.var.deps,
          actor: requireActor(c),
          password: input.password,
          erasers,
          ip: clientIp(c),
        });
        // The session is gone with the account: the browser's cookie is cleared too.
        for (const name of sessionCookieNames)
          deleteCookie(c, name, name.startsWith('__Secure-') ? { path: '/', secure: true } : { path: '/' });
        return redirectWithFlash(c, '/', 'privacy.delete.done', undefined, 'info');
      },
      { conflicts: 'form' },
    ),
  );

  pages.get('/quan-ly/yeu-cau-du-lieu', allow('officer', 'admin'), async (c) =>
    render(c, <QueuePage ctx={pageContext(c)} requests={await listDataRequests(c.var.deps.db)} />),
  );

  pages.get('/quan-ly/yeu-cau-du-lieu/:id', allow('officer', 'admin'), async (c) =>
    render(c, <RequestPage ctx={pageContext(c)} request={await getDataRequest(c.var.deps.db, c.req.param('id'))} />),
  );

  pages.post('/quan-ly/yeu-cau-du-lieu/:id', allow('officer', 'admin'), async (c) => {
    const { db } = c.var.deps;
    const request = await getDataRequest(db, c.req.param('id'));
    const actor = requireActor(c);
    return submitForm(
      c,
      DecisionInput,
      (values, errors, status) =>
        render(c, <RequestPage ctx={pageContext(c)} request={request} values={values} errors={errors} />, status),
      async (input) => {
        await decideDataRequest({
          ...c.var.deps,
          actor,
          id: request.id,
          input,
          // Carrying out a deletion is the same anonymisation as the person's own, in the same transaction.
          before:
            request.kind === 'deletion' && input.decision === 'done'
              ? (tx, r) => eraseAccount(tx, { userId: r.userId, by: actor, erasers, ip: clientIp(c) })
              : undefined,
        });
        c.var.deps.mailer.wake();
        return redirectWithFlash(c, `/quan-ly/yeu-cau-du-lieu/${request.id}`, 'privacy.request.decidedFlash');
      },
      { conflicts: 'form' },
    );
  });

  pages.get('/quan-tri/su-co', allow('admin'), async (c) =>
    render(c, <BreachesPage ctx={pageContext(c)} breaches={await listBreaches(c.var.deps.db)} />),
  );

  pages.post('/quan-tri/su-co', allow('admin'), async (c) => {
    const { db } = c.var.deps;
    return submitForm(
      c,
      BreachInput,
      async (values, errors, status) =>
        render(
          c,
          <BreachesPage ctx={pageContext(c)} breaches={await listBreaches(db)} values={values} errors={errors} />,
          status,
        ),
      async (input) => {
        const saved = await saveBreach({ db, actor: requireActor(c), input });
        return redirectWithFlash(c, `/quan-tri/su-co/${saved.id}`, 'privacy.breach.saved');
      },
    );
  });

  pages.get('/quan-tri/su-co/:id', allow('admin'), async (c) =>
    render(c, <BreachPage ctx={pageContext(c)} breach={await getBreach(c.var.deps.db, c.req.param('id'))} />),
  );

  pages.post('/quan-tri/su-co/:id', allow('admin'), async (c) => {
    const { db } = c.var.deps;
    const b = await getBreach(db, c.req.param('id'));
    return submitForm(
      c,
      BreachInput,
      (values, errors, status) =>
        render(c, <BreachPage ctx={pageContext(c)} breach={b} values={values} errors={errors} />, status),
      async (input) => {
        await saveBreach({ db, actor: requireActor(c), id: b.id, input });
        return redirectWithFlash(c, `/quan-tri/su-co/${b.id}`, 'privacy.breach.saved');
      },
    );
  });

  return pages;
}
