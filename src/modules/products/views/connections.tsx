import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate, formatVnd } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import {
  Button,
  Checkbox,
  ErrorSummary,
  FileInput,
  Input,
  type Option,
  PostForm,
  Select,
  TextArea,
} from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ConnectionAccess, ConnectionStepRow, ConnectionView } from '../connections/connections.service.ts';
import type { BoardFilters } from '../products.schemas.ts';
import { connectionStages } from '../products.taxonomy.ts';

const stageTone: Record<string, Tone> = {
  introduced: 'neutral',
  meeting: 'info',
  samples: 'info',
  negotiating: 'warning',
  contract_signed: 'success',
  not_pursued: 'danger',
};

export const StageBadge: FC<{ t: PageContext['t']; stage: string }> = ({ t, stage }) => (
  <Badge tone={stageTone[stage] ?? 'neutral'}>{labelOf(t, 'products.stage', stage)}</Badge>
);

const title = (c: ConnectionView) => `${c.productName ?? c.projectName} ↔ ${c.partnerName}`;

/**
 * A stage move as a plain form: works without JavaScript; ids are unique per card. Folded on
 * phones (a card stays a few lines high), open on wide screens.
 */
const MoveForm: FC<{ ctx: PageContext; c: ConnectionView; today: string }> = ({ ctx, c, today }) => {
  const { t } = ctx;
  return (
    <details class="move-fold">
      <summary>
        {t('products.connection.move')}
        <span class="visually-hidden">: {title(c)}</span>
      </summary>
      <PostForm action={`/ket-noi-tieu-thu/${c.id}/giai-doan`} csrfToken={ctx.csrfToken} class="move">
        <input type="hidden" name="back" value="board" />
        <label for={`st-${c.id}`}>{t('products.connection.moveTo')}</label>
        <select id={`st-${c.id}`} name="stage">
          {connectionStages.map((s) => (
            <option value={s} selected={s === c.stage}>
              {labelOf(t, 'products.stage', s)}
            </option>
          ))}
        </select>
        <label for={`on-${c.id}`}>{t('products.connection.on')}</label>
        <input id={`on-${c.id}`} name="on" type="date" value={today} />
        <label for={`nx-${c.id}`}>{t('products.connection.nextStep')}</label>
        {/* Empty: a new stage has its own next step; the old one is not carried forward unasked. */}
        <input id={`nx-${c.id}`} name="nextStep" type="text" value="" maxlength={300} />
        <button type="submit" class="button button-secondary">
          {t('products.connection.move')}
          <span class="visually-hidden">: {title(c)}</span>
        </button>
      </PostForm>
    </details>
  );
};

export interface BoardProps {
  ctx: PageContext;
  items: ConnectionView[];
  filters: BoardFilters;
  partners: Option[];
  communes: Option[];
  today: string;
}

/** One connection on the board: what, with whom, since when, its outcome, next step and a move. */
const BoardCard: FC<{ ctx: PageContext; c: ConnectionView; today: string }> = ({ ctx, c, today }) => {
  const { t, lang } = ctx;
  return (
    <li class="board-card">
      <h3>
        <a href={`/ket-noi-tieu-thu/${c.id}`}>{c.productName ?? c.projectName}</a>
      </h3>
      <p class="row-meta">
        <span class="board-stage">
          <StageBadge t={t} stage={c.stage} />
        </span>
        <span>{t('products.connection.since', { date: formatDate(c.stageOn) })}</span>
        <span>{c.partnerName}</span>
        {c.communeName ? <span>{c.communeName}</span> : null}
      </p>
      {(c.contractValueVnd !== null || c.growthPercent !== undefined) && (
        <p class="row-meta board-outcome">
          {c.contractValueVnd !== null && (
            <span>{t('products.connection.contractIs', { value: formatVnd(c.contractValueVnd, lang) })}</span>
          )}
          {c.growthPercent !== undefined && (
            <span>{t('products.connection.growthIs', { growth: c.growthPercent })}</span>
          )}
        </p>
      )}
      {c.nextStep && (
        <p class="next-step">
          {t('products.connection.nextStepIs', { step: c.nextStep })}
          {c.nextStepOn ? ` (${formatDate(c.nextStepOn)})` : ''}
        </p>
      )}
      <MoveForm ctx={ctx} c={c} today={today} />
    </li>
  );
};

export const BoardPage: FC<BoardProps> = ({ ctx, items, filters, partners, communes, today }) => {
  const { t } = ctx;
  const pageTitle = t('products.board.title');
  const all = t('products.filter.all');
  const filtered = Boolean(filters.partner || filters.commune || filters.stage);
  const stages = filters.stage ? [filters.stage] : connectionStages;
  return (
    <Layout ctx={ctx} title={pageTitle}>
      <div class="page-head">
        <h1>{pageTitle}</h1>
        <a class="button button-primary" href="/ket-noi-tieu-thu/moi">
          {t('products.connection.new')}
        </a>
      </div>
      <p class="lead">{t('products.board.lead')}</p>
      <p>
        <a href="/hoi-mua">{t('products.inquiries.title')}</a>
      </p>
      <FilterForm
        t={t}
        action="/ket-noi-tieu-thu"
        active={[filters.partner, filters.commune, filters.stage].filter(Boolean).length}
        clearHref="/ket-noi-tieu-thu"
      >
        <Select
          name="partner"
          label={t('products.connection.partner')}
          value={filters.partner}
          placeholder={all}
          options={partners}
        />
        <Select
          name="commune"
          label={t('products.filter.commune')}
          value={filters.commune}
          placeholder={all}
          options={communes}
        />
        <Select
          name="stage"
          label={t('products.connection.stage')}
          value={filters.stage}
          placeholder={all}
          options={optionsOf(t, 'products.stage', connectionStages)}
        />
      </FilterForm>
      {items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('products.board.empty')} />
      ) : (
        <div class="board">
          {stages.map((stage) => {
            const cards = items.filter((c) => c.stage === stage);
            return (
              <section class="board-column" aria-labelledby={`col-${stage}`}>
                <h2 id={`col-${stage}`}>
                  {labelOf(t, 'products.stage', stage)} <span class="muted">({cards.length})</span>
                </h2>
                <ul>
                  {cards.map((c) => (
                    <BoardCard ctx={ctx} c={c} today={today} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </Layout>
  );
};

export interface ConnectionPageProps {
  ctx: PageContext;
  c: ConnectionView;
  steps: ConnectionStepRow[];
  access: ConnectionAccess;
  today: string;
  stageValues: FormValues;
  stageErrors: Record<string, string>;
  outcomeValues: FormValues;
  outcomeErrors: Record<string, string>;
}

const stageLabelsOf = (t: PageContext['t']) => ({
  stage: t('products.connection.stage'),
  on: t('products.connection.on'),
  note: t('products.connection.note'),
  nextStep: t('products.connection.nextStep'),
  nextStepOn: t('products.connection.nextStepOn'),
});

const outcomeLabelsOf = (t: PageContext['t']) => ({
  contractSignedOn: t('products.connection.contractSignedOn'),
  contractValueVnd: t('products.connection.contractValue'),
  contractVolume: t('products.connection.contractVolume'),
  contractMonths: t('products.connection.contractMonths'),
  contractFile: t('products.connection.contractFile'),
  salesPeriod: t('products.connection.salesPeriod'),
  salesBeforeVnd: t('products.connection.salesBefore'),
  salesAfterVnd: t('products.connection.salesAfter'),
});

/** What the connection is, with whom, since when, its contract and its sales. */
const ConnectionFacts: FC<ConnectionPageProps> = (p) => {
  const { t, lang } = p.ctx;
  const { c } = p;
  return (
    <dl class="facts">
      <dt>{t('products.connection.what')}</dt>
      <dd>
        {c.productSlug ? <a href={`/san-pham/${c.productSlug}`}>{c.productName}</a> : null}
        {c.productSlug ? ' · ' : ''}
        <a href={`/du-an/${c.projectSlug}`}>{c.projectName}</a>
      </dd>
      <dt>{t('products.connection.partner')}</dt>
      <dd>
        <a href={`/doi-tac/${c.partnerSlug}`}>{c.partnerName}</a>
      </dd>
      <dt>{t('products.connection.startedOn')}</dt>
      <dd>{formatDate(c.startedOn)}</dd>
      {c.nextStep && (
        <>
          <dt>{t('products.connection.nextStep')}</dt>
          <dd>
            {c.nextStep}
            {c.nextStepOn ? ` (${formatDate(c.nextStepOn)})` : ''}
          </dd>
        </>
      )}
      {c.contractSignedOn && (
        <>
          <dt>{t('products.connection.contract')}</dt>
          <dd>
            {t('products.connection.signedOn', { date: formatDate(c.contractSignedOn) })}
            {c.contractValueVnd !== null ? ` · ${formatVnd(c.contractValueVnd, lang)}` : ''}
            {c.contractVolume ? ` · ${c.contractVolume}` : ''}
            {c.contractMonths ? ` · ${t('products.connection.months', { n: c.contractMonths })}` : ''}
          </dd>
        </>
      )}
      {c.contractFileId && (
        <>
          <dt>{t('products.connection.contractFile')}</dt>
          <dd>
            <a href={`/ket-noi-tieu-thu/${c.id}/hop-dong`}>{t('products.checklist.document')}</a>
          </dd>
        </>
      )}
      {c.growthPercent !== undefined && (
        <>
          <dt>{t('products.connection.sales')}</dt>
          <dd>
            {t('products.connection.salesText', {
              before: formatVnd(c.salesBeforeVnd ?? 0, lang),
              after: formatVnd(c.salesAfterVnd ?? 0, lang),
              period: c.salesPeriod || '—',
            })}{' '}
            <strong>{t('products.connection.growthIs', { growth: c.growthPercent })}</strong>
          </dd>
        </>
      )}
    </dl>
  );
};

/** Every stage it went through, with its date and note. */
const ConnectionHistory: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  return (
    <>
      <h2>{t('products.connection.history')}</h2>
      <ol class="timeline">
        {p.steps.map((s) => (
          <li>
            <p class="timeline-date">
              <time datetime={s.on}>{formatDate(s.on)}</time>
            </p>
            <p class="timeline-title">
              <StageBadge t={t} stage={s.stage} />
            </p>
            {s.note && <p>{s.note}</p>}
            {s.nextStep && <p class="muted">{t('products.connection.nextStepIs', { step: s.nextStep })}</p>}
          </li>
        ))}
      </ol>
    </>
  );
};

/** Staff move the connection to a stage, with its date and the next step. */
const StageForm: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  const { c } = p;
  const opt = t('form.optional');
  const sv = (k: string) => formValue(p.stageValues, k);
  const stageLabels = stageLabelsOf(t);
  return (
    <>
      <h2 id="giai-doan">{t('products.connection.moveTitle')}</h2>
      <ErrorSummary t={t} errors={p.stageErrors} labels={stageLabels} />
      <PostForm action={`/ket-noi-tieu-thu/${c.id}/giai-doan`} csrfToken={p.ctx.csrfToken} class="form">
        <Select
          name="stage"
          label={stageLabels.stage}
          value={sv('stage') || c.stage}
          options={optionsOf(t, 'products.stage', connectionStages)}
          error={p.stageErrors.stage}
          required
        />
        <Input
          name="on"
          type="date"
          label={stageLabels.on}
          value={sv('on') || p.today}
          error={p.stageErrors.on}
          required
        />
        <TextArea
          name="note"
          label={stageLabels.note}
          value={sv('note')}
          error={p.stageErrors.note}
          optionalText={opt}
          rows={3}
          maxlength={2000}
        />
        <div class="row">
          <Input
            name="nextStep"
            label={stageLabels.nextStep}
            value={sv('nextStep')}
            error={p.stageErrors.nextStep}
            optionalText={opt}
            maxlength={300}
          />
          <Input
            name="nextStepOn"
            type="date"
            label={stageLabels.nextStepOn}
            value={sv('nextStepOn') || (c.nextStepOn ?? '')}
            error={p.stageErrors.nextStepOn}
            optionalText={opt}
          />
        </div>
        <div class="form-actions">
          <Button>{t('products.connection.move')}</Button>
        </div>
      </PostForm>
    </>
  );
};

/** The contract: when signed, its value, volume, length and file. */
const ContractFields: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  const { c } = p;
  const opt = t('form.optional');
  const ov = (k: string) => formValue(p.outcomeValues, k);
  const outcomeLabels = outcomeLabelsOf(t);
  return (
    <fieldset>
      <legend>{t('products.connection.contract')}</legend>
      <div class="row">
        <Input
          name="contractSignedOn"
          type="date"
          label={outcomeLabels.contractSignedOn}
          value={ov('contractSignedOn')}
          error={p.outcomeErrors.contractSignedOn}
          optionalText={opt}
        />
        <Input
          name="contractValueVnd"
          inputmode="decimal"
          label={outcomeLabels.contractValueVnd}
          value={ov('contractValueVnd')}
          error={p.outcomeErrors.contractValueVnd}
          optionalText={opt}
        />
      </div>
      <div class="row">
        <Input
          name="contractVolume"
          label={outcomeLabels.contractVolume}
          value={ov('contractVolume')}
          error={p.outcomeErrors.contractVolume}
          optionalText={opt}
          maxlength={200}
        />
        <Input
          name="contractMonths"
          type="number"
          inputmode="numeric"
          label={outcomeLabels.contractMonths}
          value={ov('contractMonths')}
          error={p.outcomeErrors.contractMonths}
          optionalText={opt}
        />
      </div>
      <FileInput
        name="contractFile"
        label={outcomeLabels.contractFile}
        hint={t('products.field.fileHint')}
        accept="application/pdf,image/jpeg,image/png,image/webp"
        error={p.outcomeErrors.contractFile}
        values={p.outcomeValues}
        t={t}
        optionalText={opt}
      />
      {c.contractFileId && (
        <Checkbox name="removeFile" label={t('products.field.removeFile')} checked={ov('removeFile') === 'on'} />
      )}
    </fieldset>
  );
};

/** The sales before and after the connection, over a period. */
const SalesFields: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  const opt = t('form.optional');
  const ov = (k: string) => formValue(p.outcomeValues, k);
  const outcomeLabels = outcomeLabelsOf(t);
  return (
    <fieldset>
      <legend>{t('products.connection.sales')}</legend>
      <Input
        name="salesPeriod"
        label={outcomeLabels.salesPeriod}
        hint={t('products.connection.salesPeriodHint')}
        value={ov('salesPeriod')}
        error={p.outcomeErrors.salesPeriod}
        optionalText={opt}
        maxlength={120}
      />
      <div class="row">
        <Input
          name="salesBeforeVnd"
          inputmode="decimal"
          label={outcomeLabels.salesBeforeVnd}
          value={ov('salesBeforeVnd')}
          error={p.outcomeErrors.salesBeforeVnd}
          optionalText={opt}
        />
        <Input
          name="salesAfterVnd"
          inputmode="decimal"
          label={outcomeLabels.salesAfterVnd}
          value={ov('salesAfterVnd')}
          error={p.outcomeErrors.salesAfterVnd}
          optionalText={opt}
        />
      </div>
      <p class="hint">{t('products.connection.growthHint')}</p>
    </fieldset>
  );
};

/** Staff record the contract and the sales before and after. */
const OutcomeForm: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  const { c } = p;
  const outcomeLabels = outcomeLabelsOf(t);
  return (
    <>
      <h2 id="ket-qua">{t('products.connection.outcomeTitle')}</h2>
      <p>{t('products.connection.outcomeLead')}</p>
      <ErrorSummary t={t} errors={p.outcomeErrors} labels={outcomeLabels} />
      <PostForm action={`/ket-noi-tieu-thu/${c.id}/ket-qua`} csrfToken={p.ctx.csrfToken} class="form" multipart>
        <ContractFields {...p} />
        <SalesFields {...p} />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
        </div>
      </PostForm>
    </>
  );
};

export const ConnectionPage: FC<ConnectionPageProps> = (p) => {
  const { t } = p.ctx;
  const { c } = p;
  return (
    <Layout ctx={p.ctx} title={title(c)}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        {p.access.isStaff ? (
          <a href="/ket-noi-tieu-thu">{t('products.board.title')}</a>
        ) : (
          <a href={`/du-an/${c.projectSlug}`}>{c.projectName}</a>
        )}
      </nav>
      <h1>{title(c)}</h1>
      <p class="badges">
        <StageBadge t={t} stage={c.stage} />
      </p>
      <div class="columns">
        <div class="col-main">
          <ConnectionFacts {...p} />
          {c.notes && <p>{c.notes}</p>}
          <ConnectionHistory {...p} />
        </div>
        <aside class="col-side">
          {p.access.isTeam && (
            <PostForm action={`/ket-noi-tieu-thu/${c.id}/chia-se`} csrfToken={p.ctx.csrfToken}>
              <Checkbox
                name="share"
                label={t('products.connection.share')}
                hint={t('products.connection.shareHint')}
                checked={c.shareDocuments}
              />
              <Button kind="secondary">{t('form.save')}</Button>
            </PostForm>
          )}
          {!p.access.isTeam && (
            <p>{c.shareDocuments ? t('products.connection.shared') : t('products.connection.notShared')}</p>
          )}
        </aside>
      </div>
      {p.access.isStaff && (
        <>
          <StageForm {...p} />
          <OutcomeForm {...p} />
        </>
      )}
    </Layout>
  );
};

export interface NewConnectionProps {
  ctx: PageContext;
  partners: Option[];
  products: Option[];
  project: { slug: string; name: string } | null;
  inquiry: { id: string; name: string; organisation: string; message: string } | null;
  values: FormValues;
  errors: Record<string, string>;
}

const newLabelsOf = (t: PageContext['t']) => ({
  partnerId: t('products.connection.partner'),
  product: t('products.connection.product'),
  project: t('products.connection.project'),
  startedOn: t('products.connection.startedOn'),
  notes: t('products.connection.note'),
  nextStep: t('products.connection.nextStep'),
  nextStepOn: t('products.connection.nextStepOn'),
});

/** The buyer's inquiry the connection starts from. */
const FromInquiry: FC<{ ctx: PageContext; inquiry: NonNullable<NewConnectionProps['inquiry']> }> = ({
  ctx,
  inquiry,
}) => {
  const { t } = ctx;
  return (
    <div class="card">
      <p>
        <strong>{t('products.connection.fromInquiry', { name: inquiry.name })}</strong>
        {inquiry.organisation ? ` · ${inquiry.organisation}` : ''}
      </p>
      <p>{inquiry.message}</p>
    </div>
  );
};

/** The next step and its date. */
const NextStepRow: FC<Pick<NewConnectionProps, 'ctx' | 'values' | 'errors'>> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const v = (k: string) => formValue(values, k);
  const labels = newLabelsOf(t);
  return (
    <div class="row">
      <Input
        name="nextStep"
        label={labels.nextStep}
        value={v('nextStep')}
        error={errors.nextStep}
        optionalText={t('form.optional')}
        maxlength={300}
      />
      <Input
        name="nextStepOn"
        type="date"
        label={labels.nextStepOn}
        value={v('nextStepOn')}
        error={errors.nextStepOn}
        optionalText={t('form.optional')}
      />
    </div>
  );
};

export const NewConnectionPage: FC<NewConnectionProps> = ({
  ctx,
  partners,
  products,
  project,
  inquiry,
  values,
  errors,
}) => {
  const { t } = ctx;
  const v = (k: string) => formValue(values, k);
  const labels = newLabelsOf(t);
  const pageTitle = t('products.connection.new');
  return (
    <Layout ctx={ctx} title={pageTitle}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/ket-noi-tieu-thu">{t('products.board.title')}</a>
      </nav>
      <h1>{pageTitle}</h1>
      {inquiry && <FromInquiry ctx={ctx} inquiry={inquiry} />}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action="/ket-noi-tieu-thu/moi" csrfToken={ctx.csrfToken} class="form">
        {inquiry && <input type="hidden" name="inquiryId" value={inquiry.id} />}
        {project && <input type="hidden" name="project" value={project.slug} />}
        <Select
          name="partnerId"
          label={labels.partnerId}
          hint={t('products.connection.partnerHint')}
          value={v('partnerId')}
          placeholder={t('form.choose')}
          options={partners}
          error={errors.partnerId}
          required
        />
        <Select
          name="product"
          label={labels.product}
          hint={project ? t('products.connection.productOfProject', { name: project.name }) : undefined}
          value={v('product')}
          placeholder={project ? t('products.connection.wholeProject') : t('form.choose')}
          options={products}
          error={errors.product ?? errors.project}
          required={!project}
        />
        <Input
          name="startedOn"
          type="date"
          label={labels.startedOn}
          value={v('startedOn')}
          error={errors.startedOn}
          required
        />
        <TextArea
          name="notes"
          label={labels.notes}
          value={v('notes')}
          error={errors.notes}
          optionalText={t('form.optional')}
          rows={3}
          maxlength={3000}
        />
        <NextStepRow ctx={ctx} values={values} errors={errors} />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href="/ket-noi-tieu-thu">{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
