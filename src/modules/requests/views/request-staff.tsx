import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import {
  type ExpertCandidate,
  type PartnerCandidate,
  type Suggestion,
  SuggestionList,
} from '#modules/matching/index.ts';
import type { SupportNeed } from '#modules/projects/index.ts';
import type { RequestView } from '../requests.queries.ts';

export type RequestForm = 'message' | 'status' | 'connect';
export interface FailedForm {
  form: RequestForm;
  values: FormValues;
  errors: Record<string, string>;
}

/** Who could help with one need of the request, ranked for that need. */
export interface NeedSuggestions {
  need: SupportNeed;
  state: 'waiting' | 'working' | 'done';
  experts: Suggestion<ExpertCandidate>[];
  partners: Suggestion<PartnerCandidate>[];
}

/**
 * The form under one suggestion: the button in sight, the message (the request's words unless
 * edited) folded away. The page shows several: their fields carry the candidate's id and the need
 * (`scope`), so no two share an id and each label names its own field.
 */
const ConnectForm: FC<{
  ctx: PageContext;
  request: RequestView;
  need: SupportNeed;
  target: 'expert' | 'partner';
  id: string;
  label: string;
  failed?: FailedForm;
}> = ({ ctx, request: r, need, target, id, label, failed }) => {
  const { t } = ctx;
  const scope = `${need}-${id}`;
  const typed =
    failed?.form === 'connect' &&
    formValue(failed.values, 'targetId') === id &&
    (formValue(failed.values, 'need') || r.kind) === need;
  return (
    <div class="connect">
      {typed && (
        <ErrorSummary
          t={t}
          errors={failed.errors}
          labels={{ message: t('requests.detail.connectMessage') }}
          scope={scope}
        />
      )}
      <PostForm action={`/yeu-cau/${r.number}/ket-noi`} csrfToken={ctx.csrfToken} class="form">
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="targetId" value={id} />
        <input type="hidden" name="need" value={need} />
        <input type="hidden" name="seen" value={r.status} />
        <details class="connect-message" open={typed || undefined}>
          <summary>{t('requests.detail.editMessage')}</summary>
          <TextArea
            name="message"
            scope={scope}
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

/** For each need not done yet, the experts and partners who fit it, each with its reasons and a button to connect. */
export const SuggestionsPanel: FC<{
  ctx: PageContext;
  request: RequestView;
  suggestions: NeedSuggestions[] | null;
  failed?: FailedForm;
}> = ({ ctx, request, suggestions, failed }) => {
  const { t } = ctx;
  const several = request.needs.length > 1;
  return (
    <section class="panel" id="goi-y" aria-labelledby="goi-y-title">
      <h2 id="goi-y-title">{t('requests.detail.suggestions')}</h2>
      <p class="hint">{t('matching.lead')}</p>
      {/* A need the request does not name comes only from a tampered form or a script: said once, here. */}
      {failed?.form === 'connect' && failed.errors.need && (
        <p class="flash flash-error" role="alert">
          {failed.errors.need}
        </p>
      )}
      {!suggestions ? (
        <p>{t('requests.detail.noProjectToConnect')}</p>
      ) : (
        suggestions.map((group) => {
          const Heading = several ? 'h4' : 'h3';
          return (
            <>
              {several && (
                <h3>
                  {t('requests.detail.connectFor')}: {labelOf(t, 'project.need', group.need)}{' '}
                  <Badge tone={group.state === 'working' ? 'info' : undefined}>
                    {t(`requests.needs.state.${group.state}`)}
                  </Badge>
                </h3>
              )}
              <Heading>{t('matching.experts')}</Heading>
              <SuggestionList
                t={t}
                items={group.experts}
                empty={t('matching.noExperts')}
                href={(c) => `/chuyen-gia/${c.slug}`}
                action={(s) => (
                  <ConnectForm
                    ctx={ctx}
                    request={request}
                    need={group.need}
                    target="expert"
                    id={s.candidate.id}
                    label={t('requests.detail.connectExpert')}
                    failed={failed}
                  />
                )}
              />
              <Heading>{t('matching.partners')}</Heading>
              <SuggestionList
                t={t}
                items={group.partners}
                empty={t('matching.noPartners')}
                href={(c) => `/doi-tac/${c.slug}`}
                action={(s) => (
                  <ConnectForm
                    ctx={ctx}
                    request={request}
                    need={group.need}
                    target="partner"
                    id={s.candidate.id}
                    label={t('requests.detail.connectPartner')}
                    failed={failed}
                  />
                )}
              />
            </>
          );
        })
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
