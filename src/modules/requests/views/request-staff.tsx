import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import {
  type ExpertCandidate,
  type PartnerCandidate,
  type Suggestion,
  SuggestionList,
} from '#modules/matching/index.ts';
import type { RequestView } from '../requests.queries.ts';

export type RequestForm = 'message' | 'status' | 'connect';
export interface FailedForm {
  form: RequestForm;
  values: FormValues;
  errors: Record<string, string>;
}

/**
 * The form under one suggestion. The page shows several: their fields carry the candidate's id
 * (`scope`), so no two share an id and each label names its own field.
 */
const ConnectForm: FC<{
  ctx: PageContext;
  request: RequestView;
  target: 'expert' | 'partner';
  id: string;
  label: string;
  failed?: FailedForm;
}> = ({ ctx, request: r, target, id, label, failed }) => {
  const { t } = ctx;
  const typed = failed?.form === 'connect' && formValue(failed.values, 'targetId') === id;
  const needs = r.needs.map((n) => ({ value: n, label: labelOf(t, 'project.need', n) }));
  return (
    <div class="connect">
      {typed && (
        <ErrorSummary
          t={t}
          errors={failed.errors}
          labels={{ message: t('requests.detail.connectMessage'), need: t('requests.detail.connectFor') }}
          scope={id}
        />
      )}
      <PostForm action={`/yeu-cau/${r.number}/ket-noi`} csrfToken={ctx.csrfToken} class="form">
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="targetId" value={id} />
        <input type="hidden" name="seen" value={r.status} />
        {needs.length > 1 ? (
          <Select
            name="need"
            scope={id}
            label={t('requests.detail.connectFor')}
            value={(typed && formValue(failed.values, 'need')) || firstWaiting(r)}
            options={needs}
            error={typed ? failed.errors.need : undefined}
            required
          />
        ) : (
          <input type="hidden" name="need" value={r.kind} />
        )}
        {/* The message is the request's words unless the officer edits it: open only to change it. */}
        <details class="connect-message" open={typed || undefined}>
          <summary>{t('requests.detail.editMessage')}</summary>
          <TextArea
            name="message"
            scope={id}
            label={t('requests.detail.connectMessage')}
            value={typed ? formValue(failed.values, 'message') : r.body}
            error={typed ? failed.errors.message : undefined}
            rows={3}
            maxlength={3000}
            required
          />
        </details>
        <Button>{label}</Button>
      </PostForm>
    </div>
  );
};

/** The need an officer most likely connects next: the first with no one on it yet. */
function firstWaiting(r: RequestView): string {
  return (r.needsProgress.find((n) => n.state === 'waiting') ?? r.needsProgress[0])?.need ?? r.kind;
}

/** Experts and partners who fit, each with its reasons and a form to connect them. */
export const SuggestionsPanel: FC<{
  ctx: PageContext;
  request: RequestView;
  suggestions: { experts: Suggestion<ExpertCandidate>[]; partners: Suggestion<PartnerCandidate>[] } | null;
  failed?: FailedForm;
}> = ({ ctx, request, suggestions, failed }) => {
  const { t } = ctx;
  return (
    <section class="panel" id="goi-y" aria-labelledby="goi-y-title">
      <h2 id="goi-y-title">{t('requests.detail.suggestions')}</h2>
      <p class="hint">{t('matching.lead')}</p>
      {!suggestions ? (
        <p>{t('requests.detail.noProjectToConnect')}</p>
      ) : (
        <>
          <h3>{t('matching.experts')}</h3>
          <SuggestionList
            t={t}
            items={suggestions.experts}
            empty={t('matching.noExperts')}
            href={(c) => `/chuyen-gia/${c.slug}`}
            action={(s) => (
              <ConnectForm
                ctx={ctx}
                request={request}
                target="expert"
                id={s.candidate.id}
                label={t('requests.detail.connectExpert')}
                failed={failed}
              />
            )}
          />
          <h3>{t('matching.partners')}</h3>
          <SuggestionList
            t={t}
            items={suggestions.partners}
            empty={t('matching.noPartners')}
            href={(c) => `/doi-tac/${c.slug}`}
            action={(s) => (
              <ConnectForm
                ctx={ctx}
                request={request}
                target="partner"
                id={s.candidate.id}
                label={t('requests.detail.connectPartner')}
                failed={failed}
              />
            )}
          />
        </>
      )}
    </section>
  );
};

/** Moving the request on: in progress, resolved (with what was done) or declined (with why). */
export const StatusPanel: FC<{
  ctx: PageContext;
  request: RequestView;
  values: FormValues;
  errors: Record<string, string>;
}> = ({ ctx, request: r, values, errors }) => {
  const { t } = ctx;
  return (
    <section class="panel" id="trang-thai" aria-labelledby="trang-thai-title">
      <h2 id="trang-thai-title">{t('requests.detail.status')}</h2>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{
          note: t('requests.detail.statusNote'),
          to: t('requests.detail.statusTo'),
          helpedOn: t('requests.detail.helpedOn'),
        }}
      />
      <PostForm action={`/yeu-cau/${r.number}/trang-thai`} csrfToken={ctx.csrfToken} class="form">
        {/* The status this officer sees: if someone changes it meanwhile, this form is refused, not applied blindly. */}
        <input type="hidden" name="seen" value={r.status} />
        <Select
          name="to"
          label={t('requests.detail.statusTo')}
          value={formValue(values, 'to') || (r.status === 'in_progress' ? 'resolved' : 'in_progress')}
          options={(['in_progress', 'resolved', 'declined'] as const)
            .filter((s) => s !== r.status)
            .map((s) => ({ value: s, label: t(`requests.detail.statusTo.${s}`) }))}
          error={errors.to}
          required
        />
        <TextArea
          name="note"
          label={t('requests.detail.statusNote')}
          hint={t('requests.detail.statusNoteHint')}
          value={formValue(values, 'note')}
          error={errors.note}
          rows={3}
          maxlength={5000}
        />
        <Input
          name="helpedOn"
          type="date"
          label={t('requests.detail.helpedOn')}
          hint={t('requests.detail.helpedOnHint')}
          value={formValue(values, 'helpedOn') || todayInVietnam()}
          error={errors.helpedOn}
        />
        <Button kind="secondary">{t('requests.detail.statusSave')}</Button>
      </PostForm>
    </section>
  );
};
