import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDateTime, type MessageKey } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, FileInput, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { RequestView, ThreadEntry } from '../requests.queries.ts';

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
  // The first message is shown at the top of the page (RequestMessage): here only that it came.
  const showBody = e.type === 'message' || (e.type === 'status' && e.body);
  return (
    <li class={`thread-entry${e.actorIsStaff ? ' from-staff' : ''}`}>
      <p class="thread-head">
        <strong>{head}</strong> <time datetime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
      </p>
      {showBody && <p class="thread-body">{e.body}</p>}
      {e.files.length > 0 && e.type !== 'created' && (
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

/** The request as its author wrote it, with its files: what everyone on the page acts on. */
export const RequestMessage: FC<{ ctx: PageContext; request: RequestView }> = ({ ctx, request: r }) => {
  const { t } = ctx;
  const created = r.thread.find((e) => e.type === 'created');
  return (
    <section class="request-message" aria-labelledby="noi-dung">
      <h2 id="noi-dung">{t('requests.detail.body')}</h2>
      <blockquote>
        <p class="pre">{r.body}</p>
        {created && created.files.length > 0 && (
          <ul class="files">
            {created.files.map((f) => (
              <li>
                <a href={`/yeu-cau/${r.number}/tep/${f.id}`}>{f.name}</a>{' '}
                <span class="muted">({sizeText(f.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </blockquote>
    </section>
  );
};

/** The conversation, then the reply form. */
export const Thread: FC<{
  ctx: PageContext;
  request: RequestView;
  values: FormValues;
  errors: Record<string, string>;
}> = ({ ctx, request: r, values, errors }) => {
  const { t } = ctx;
  return (
    <section id="trao-doi" aria-labelledby="trao-doi-title">
      <h2 id="trao-doi-title">{t('requests.detail.thread')}</h2>
      <ol class="thread">
        {r.thread.map((e) => (
          <Entry ctx={ctx} number={r.number} e={e} />
        ))}
      </ol>
      <h3>{t('requests.detail.message')}</h3>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{ body: t('requests.detail.messageBody'), files: t('requests.field.files') }}
      />
      <PostForm action={`/yeu-cau/${r.number}/tin-nhan`} csrfToken={ctx.csrfToken} class="form" multipart>
        <TextArea
          name="body"
          label={t('requests.detail.messageBody')}
          value={formValue(values, 'body')}
          error={errors.body}
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
          error={errors.files}
          values={values}
          t={t}
          optionalText={t('form.optional')}
        />
        <Button>{t('requests.detail.messageSend')}</Button>
      </PostForm>
    </section>
  );
};
