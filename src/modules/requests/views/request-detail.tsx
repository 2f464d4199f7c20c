import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate, formatDateTime, type MessageKey } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, FileInput, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import {
  type ExpertCandidate,
  type PartnerCandidate,
  type Suggestion,
  SuggestionList,
} from '#modules/matching/index.ts';
import type { RequestView, ThreadEntry } from '../requests.service.ts';
import { openStatuses } from '../requests.taxonomy.ts';
import { StatusBadge } from './request-list.tsx';

export interface RequestDetailProps {
  ctx: PageContext;
  request: RequestView;
  suggestions: { experts: Suggestion<ExpertCandidate>[]; partners: Suggestion<PartnerCandidate>[] } | null;
  /** A failed form on this page: which one, what was typed, what is wrong. */
  failed?: { form: 'message' | 'status' | 'connect'; values: FormValues; errors: Record<string, string> };
}

const accept = 'application/pdf,image/jpeg,image/png,image/webp';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const Entry: FC<{ ctx: PageContext; number: number; e: ThreadEntry }> = ({ ctx, number, e }) => {
  const { t } = ctx;
  const actor = e.actorName ?? t('requests.event.someone');
  const status = e.toStatus ? labelOf(t, 'requests.status', e.toStatus) : '';
  const head = t(`requests.event.${e.type}` as MessageKey, { actor, body: e.body, status });
  const showBody = e.type === 'message' || e.type === 'created' || (e.type === 'status' && e.body);
  return (
    <li class={`thread-entry${e.actorIsStaff ? ' from-staff' : ''}`}>
      <p class="thread-head">
        <strong>{head}</strong> <time datetime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
      </p>
      {showBody && <p class="thread-body">{e.body}</p>}
      {e.files.length > 0 && (
        <ul class="files">
          {e.files.map((f) => (
            <li>
              <a href={`/yeu-cau/${number}/tep/${f.id}`}>{f.name}</a> <span class="muted">({sizeText(f.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
};

export const RequestDetailPage: FC<RequestDetailProps> = ({ ctx, request: r, suggestions, failed }) => {
  const { t } = ctx;
  const staff = r.party === 'staff';
  const open = (openStatuses as readonly string[]).includes(r.status);
  const title = `${r.ref} · ${labelOf(t, 'project.need', r.kind)}`;
  const errorsOf = (form: 'message' | 'status' | 'connect') => (failed?.form === form ? failed.errors : {});
  const valuesOf = (form: 'message' | 'status' | 'connect') => (failed?.form === form ? failed.values : {});
  const connectForm = (target: 'expert' | 'partner', id: string, label: string) => {
    const typed = failed?.form === 'connect' && formValue(failed.values, 'targetId') === id;
    return (
      <details class="connect" open={typed || undefined}>
        <summary>{label}</summary>
        <PostForm action={`/yeu-cau/${r.number}/ket-noi`} csrfToken={ctx.csrfToken} class="form">
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="targetId" value={id} />
          <TextArea
            name="message"
            label={t('requests.detail.connectMessage')}
            value={typed ? formValue(failed?.values, 'message') : r.body}
            error={typed ? failed?.errors.message : undefined}
            rows={3}
            maxlength={3000}
            required
          />
          <Button>{label}</Button>
        </PostForm>
      </details>
    );
  };
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        {staff ? (
          <a href="/quan-ly/yeu-cau">{t('requests.inbox.title')}</a>
        ) : (
          <a href="/yeu-cau">{t('requests.title.mine')}</a>
        )}
      </nav>
      <h1>{title}</h1>
      <p>
        <StatusBadge t={t} status={r.status} overdue={r.overdue} />
        {r.urgency === 'urgent' && (
          <>
            {' '}
            <Badge tone="danger">{t('requests.urgency.urgent')}</Badge>
          </>
        )}
      </p>
      <dl class="facts">
        {r.projectSlug && (
          <>
            <dt>{t('requests.detail.project')}</dt>
            <dd>
              <a href={`/du-an/${r.projectSlug}`}>{r.projectName}</a>
            </dd>
          </>
        )}
        <dt>{t('requests.detail.requester')}</dt>
        <dd>{r.requesterName ?? r.contactName ?? '—'}</dd>
        {staff && (r.contactPhone || r.contactEmail) && (
          <>
            <dt>{t('requests.detail.contact')}</dt>
            <dd>{[r.contactPhone, r.contactEmail].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {r.communeName && (
          <>
            <dt>{t('requests.field.commune')}</dt>
            <dd>{r.communeName}</dd>
          </>
        )}
        <dt>{t('requests.detail.assignee')}</dt>
        <dd>{r.assigneeName ?? t('requests.detail.noAssignee')}</dd>
        {r.dueOn && (
          <>
            <dt>{t('requests.detail.due')}</dt>
            <dd>{formatDate(r.dueOn)}</dd>
          </>
        )}
        <dt>{t('requests.detail.filed')}</dt>
        <dd>{formatDateTime(r.createdAt)}</dd>
      </dl>
      {r.outcome && (
        <section>
          <h2>{t('requests.detail.outcome')}</h2>
          <p>{r.outcome}</p>
        </section>
      )}
      {r.declineReason && (
        <section>
          <h2>{t('requests.detail.declineReason')}</h2>
          <p>{r.declineReason}</p>
        </section>
      )}
      {r.links.length > 0 && (
        <section>
          <h2>{t('requests.detail.links')}</h2>
          <ul>
            {r.links.map((l) => (
              <li>
                <a href={l.href}>{t(`requests.detail.link.${l.type}`, { name: l.name })}</a>{' '}
                <Badge>
                  {labelOf(
                    t,
                    l.type === 'engagement' ? 'engagements.status' : 'partners.introduction.status',
                    l.status,
                  )}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
      {staff && r.status === 'new' && (
        <section class="panel">
          <h2>{t('requests.detail.accept')}</h2>
          <p class="hint">{t('requests.detail.acceptLead')}</p>
          <PostForm action={`/yeu-cau/${r.number}/nhan`} csrfToken={ctx.csrfToken}>
            <Button>{t('requests.detail.accept')}</Button>
          </PostForm>
        </section>
      )}
      {staff && open && (
        <section class="panel" id="goi-y">
          <h2>{t('requests.detail.suggestions')}</h2>
          <p class="hint">{t('matching.lead')}</p>
          {failed?.form === 'connect' && (
            <ErrorSummary t={t} errors={failed.errors} labels={{ message: t('requests.detail.connectMessage') }} />
          )}
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
                action={(s) => connectForm('expert', s.candidate.id, t('requests.detail.connectExpert'))}
              />
              <h3>{t('matching.partners')}</h3>
              <SuggestionList
                t={t}
                items={suggestions.partners}
                empty={t('matching.noPartners')}
                href={(c) => `/doi-tac/${c.slug}`}
                action={(s) => connectForm('partner', s.candidate.id, t('requests.detail.connectPartner'))}
              />
            </>
          )}
        </section>
      )}
      {staff && open && (
        <section class="panel" id="trang-thai">
          <h2>{t('requests.detail.status')}</h2>
          <ErrorSummary
            t={t}
            errors={errorsOf('status')}
            labels={{ note: t('requests.detail.statusNote'), to: t('requests.detail.statusTo') }}
          />
          <PostForm action={`/yeu-cau/${r.number}/trang-thai`} csrfToken={ctx.csrfToken} class="form">
            <Select
              name="to"
              label={t('requests.detail.statusTo')}
              value={formValue(valuesOf('status'), 'to') || (r.status === 'in_progress' ? 'resolved' : 'in_progress')}
              options={(['in_progress', 'resolved', 'declined'] as const)
                .filter((s) => s !== r.status)
                .map((s) => ({ value: s, label: t(`requests.detail.statusTo.${s}`) }))}
              error={errorsOf('status').to}
              required
            />
            <TextArea
              name="note"
              label={t('requests.detail.statusNote')}
              hint={t('requests.detail.statusNoteHint')}
              value={formValue(valuesOf('status'), 'note')}
              error={errorsOf('status').note}
              rows={3}
              maxlength={5000}
            />
            <Button kind="secondary">{t('requests.detail.statusSave')}</Button>
          </PostForm>
        </section>
      )}
      <section id="trao-doi">
        <h2>{t('requests.detail.thread')}</h2>
        <ol class="thread">
          {r.thread.map((e) => (
            <Entry ctx={ctx} number={r.number} e={e} />
          ))}
        </ol>
        <h3>{t('requests.detail.message')}</h3>
        <ErrorSummary
          t={t}
          errors={errorsOf('message')}
          labels={{ body: t('requests.detail.messageBody'), files: t('requests.field.files') }}
        />
        <PostForm action={`/yeu-cau/${r.number}/tin-nhan`} csrfToken={ctx.csrfToken} class="form" multipart>
          <TextArea
            name="body"
            label={t('requests.detail.messageBody')}
            value={formValue(valuesOf('message'), 'body')}
            error={errorsOf('message').body}
            required
            rows={3}
            maxlength={5000}
          />
          <FileInput
            name="files"
            label={t('requests.field.files')}
            hint={t('requests.field.filesHint')}
            accept={accept}
            multiple
            error={errorsOf('message').files}
            optionalText={t('form.optional')}
          />
          <Button>{t('requests.detail.messageSend')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
};
