import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { sendFile } from '#kernel/http/files.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, submitForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { listPartnerOptions } from '#modules/partners/index.ts';
import { listCommunes } from '#modules/places/index.ts';
import { BoardFilters, ConnectionInput, OutcomeInput, StageInput } from '../products.schemas.ts';
import { BoardPage, ConnectionPage, NewConnectionPage } from '../views/connections.tsx';
import {
  type Connection,
  connectionChoices,
  contractDocument,
  createConnection,
  getConnection,
  listBoard,
  moveConnection,
  saveOutcome,
  setDocumentSharing,
} from './connections.service.ts';

/** Sales connections: the officers' board, one connection's page, and their forms. */
export const connectionsPages = new Hono<AppEnv>();

async function partnerOptions(c: Context<AppEnv>) {
  const { t } = c.var;
  return (await listPartnerOptions(c.var.deps.db)).map((p) => ({
    value: p.id,
    label: `${p.name} (${labelOf(t, 'partners.kind', p.kind)})`,
  }));
}

connectionsPages.get('/ket-noi-tieu-thu', allow('officer', 'admin'), async (c) => {
  const { db, config } = c.var.deps;
  const filters = BoardFilters.parse(c.req.query());
  const [items, partners, communes] = await Promise.all([
    listBoard({ db, actor: requireActor(c), filters }),
    partnerOptions(c),
    listCommunes(db, config.PROVINCE),
  ]);
  return render(
    c,
    <BoardPage
      ctx={pageContext(c)}
      items={items}
      filters={filters}
      partners={partners}
      communes={communes.map((x) => ({
        value: x.slug,
        label: x.formerDistrictName ? `${x.name} (${x.formerDistrictName})` : x.name,
      }))}
      today={todayInVietnam()}
    />,
  );
});

async function newForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const actor = requireActor(c);
  const projectSlug = (typeof values.project === 'string' && values.project) || c.req.query('du_an') || undefined;
  const inquiryId = (typeof values.inquiryId === 'string' && values.inquiryId) || c.req.query('hoi_mua') || undefined;
  const choices = await connectionChoices({ db: c.var.deps.db, actor, projectSlug, inquiryId });
  const product = values.product ?? choices.inquiry?.productSlug ?? c.req.query('san_pham') ?? '';
  return render(
    c,
    <NewConnectionPage
      ctx={pageContext(c)}
      partners={await partnerOptions(c)}
      products={choices.products.map((p) => ({
        value: p.slug,
        label: choices.project ? p.name : `${p.name} · ${p.projectName}`,
      }))}
      project={choices.project}
      inquiry={choices.inquiry}
      values={{ startedOn: todayInVietnam(), ...values, product }}
      errors={errors}
    />,
    status,
  );
}

connectionsPages.get('/ket-noi-tieu-thu/moi', allow('officer', 'admin'), (c) => newForm(c, {}));

connectionsPages.post('/ket-noi-tieu-thu/moi', allow('officer', 'admin'), async (c) => {
  return submitForm(
    c,
    ConnectionInput,
    (values, errors) => newForm(c, values, errors, 422),
    async (input) => {
      const created = await createConnection({ db: c.var.deps.db, actor: requireActor(c), input });
      return redirectWithFlash(c, `/ket-noi-tieu-thu/${created.id}`, 'products.connection.created');
    },
  );
});

function outcomeValuesOf(x: Connection): FormValues {
  const n = (v: number | null) => (v === null ? '' : String(v));
  return {
    contractSignedOn: x.contractSignedOn ?? '',
    contractValueVnd: n(x.contractValueVnd),
    contractVolume: x.contractVolume,
    contractMonths: n(x.contractMonths),
    salesPeriod: x.salesPeriod,
    salesBeforeVnd: n(x.salesBeforeVnd),
    salesAfterVnd: n(x.salesAfterVnd),
  };
}

async function connectionPage(
  c: Context<AppEnv>,
  forms: {
    stageValues?: FormValues;
    stageErrors?: Record<string, string>;
    outcomeValues?: FormValues;
    outcomeErrors?: Record<string, string>;
  } = {},
  status: 200 | 422 = 200,
) {
  const { connection, steps, access } = await getConnection({
    db: c.var.deps.db,
    actor: requireActor(c),
    id: c.req.param('id') ?? '',
  });
  return render(
    c,
    <ConnectionPage
      ctx={pageContext(c)}
      c={connection}
      steps={steps}
      access={access}
      today={todayInVietnam()}
      stageValues={forms.stageValues ?? {}}
      stageErrors={forms.stageErrors ?? {}}
      outcomeValues={forms.outcomeValues ?? outcomeValuesOf(connection)}
      outcomeErrors={forms.outcomeErrors ?? {}}
    />,
    status,
  );
}

connectionsPages.get('/ket-noi-tieu-thu/:id', allow(), (c) => connectionPage(c));

connectionsPages.post('/ket-noi-tieu-thu/:id/giai-doan', allow('officer', 'admin'), async (c) => {
  return submitForm(
    c,
    StageInput,
    (values, errors) => connectionPage(c, { stageValues: values, stageErrors: errors }, 422),
    async (input) => {
      const moved = await moveConnection({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id'), input });
      const back = (await c.req.parseBody()).back === 'board' ? '/ket-noi-tieu-thu' : `/ket-noi-tieu-thu/${moved.id}`;
      return redirectWithFlash(c, back, 'products.connection.moved', {
        stage: labelOf(c.var.t, 'products.stage', moved.stage),
      });
    },
  );
});

connectionsPages.post('/ket-noi-tieu-thu/:id/ket-qua', allow('officer', 'admin'), async (c) => {
  return submitForm(
    c,
    OutcomeInput,
    (values, errors) => connectionPage(c, { outcomeValues: values, outcomeErrors: errors }, 422),
    async (input, files) => {
      const saved = await saveOutcome({
        db: c.var.deps.db,
        actor: requireActor(c),
        id: c.req.param('id'),
        input,
        file: files.contractFile?.[0],
      });
      return redirectWithFlash(c, `/ket-noi-tieu-thu/${saved.id}`, 'products.connection.outcomeSaved');
    },
  );
});

connectionsPages.post('/ket-noi-tieu-thu/:id/chia-se', allow(), async (c) => {
  const body = await c.req.parseBody();
  const share = body.share === 'on';
  const connection = await setDocumentSharing({
    db: c.var.deps.db,
    actor: requireActor(c),
    id: c.req.param('id'),
    share,
  });
  return redirectWithFlash(
    c,
    `/ket-noi-tieu-thu/${connection.id}`,
    share ? 'products.connection.sharedFlash' : 'products.connection.notSharedFlash',
  );
});

connectionsPages.get('/ket-noi-tieu-thu/:id/hop-dong', allow(), async (c) => {
  const file = await contractDocument({ db: c.var.deps.db, actor: requireActor(c), id: c.req.param('id') });
  return sendFile(c, file);
});
