import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { IntroductionDetail } from '../introductions.service.ts';
import { answerStatuses } from '../partners.schemas.ts';
import { introductionTone } from './partner-detail.tsx';

export interface IntroductionPageProps {
  ctx: PageContext;
  intro: IntroductionDetail;
  values: FormValues;
  errors: Record<string, string>;
}

export const IntroductionPage: FC<IntroductionPageProps> = ({ ctx, intro: i, values, errors }) => {
  const { t } = ctx;
  const title = t('partners.introduction.title', { project: i.projectName });
  // A partner may not open a private project's page; the summary below is what it needs.
  const projectLink = i.projectIsPublic || !i.canAnswer || ctx.actor?.role === 'officer' || ctx.actor?.role === 'admin';
  const answered = i.status !== 'sent';
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/doi-tac/${i.partnerSlug}`}>{i.partnerName}</a>
      </nav>
      <h1>{title}</h1>
      <p class="badges">
        <Badge tone={introductionTone[i.status as keyof typeof introductionTone] ?? 'neutral'}>
          {labelOf(t, 'partners.introduction.status', i.status)}
        </Badge>
      </p>
      <div class="columns">
        <div class="col-main">
          <h2>{t('partners.introduction.message')}</h2>
          <div class="prose">
            {i.message.split(/\n{2,}/).map((para) => (
              <p>{para}</p>
            ))}
          </div>
          {answered && (
            <>
              <h2>{t('partners.introduction.answer')}</h2>
              {i.answer && (
                <div class="prose">
                  {i.answer.split(/\n{2,}/).map((para) => (
                    <p>{para}</p>
                  ))}
                </div>
              )}
              <p class="muted">
                {t('partners.introduction.answeredBy', {
                  name: i.answeredByName ?? '—',
                  date: formatDate(i.answeredAt),
                })}
              </p>
            </>
          )}
          {i.canAnswer && (
            <section aria-labelledby="answer">
              <h2 id="answer">{answered ? t('partners.answer.change') : t('partners.answer.title')}</h2>
              <ErrorSummary
                t={t}
                errors={errors}
                labels={{ status: t('partners.answer.status'), answer: t('partners.answer.text') }}
              />
              <PostForm action={`/gioi-thieu/${i.id}/tra-loi`} csrfToken={ctx.csrfToken} class="form">
                {/* The version this page shows: an answer sent over a newer one is refused and shown again. */}
                <input type="hidden" name="seen" value={(i.answeredAt ?? i.createdAt).toISOString()} />
                <Select
                  name="status"
                  label={t('partners.answer.status')}
                  value={formValue(values, 'status') || (answered ? i.status : '')}
                  placeholder={t('form.choose')}
                  options={optionsOf(t, 'partners.introduction.status', answerStatuses)}
                  error={errors.status}
                  required
                />
                <TextArea
                  name="answer"
                  label={t('partners.answer.text')}
                  hint={t('partners.answer.textHint')}
                  value={formValue(values, 'answer') || i.answer}
                  error={errors.answer}
                  optionalText={t('form.optional')}
                  rows={4}
                  maxlength={3000}
                />
                <Button>{t('partners.answer.submit')}</Button>
              </PostForm>
            </section>
          )}
        </div>
        <aside class="col-side">
          <dl class="facts">
            <dt>{t('partners.introduction.project')}</dt>
            <dd>
              {projectLink ? <a href={`/du-an/${i.projectSlug}`}>{i.projectName}</a> : i.projectName}
              <p class="muted">{i.projectSummary}</p>
            </dd>
            <dt>{t('partners.introduction.partner')}</dt>
            <dd>
              <a href={`/doi-tac/${i.partnerSlug}`}>{i.partnerName}</a>
            </dd>
            <dt>{t('partners.introduction.by')}</dt>
            <dd>{i.introducedByName ?? '—'}</dd>
            <dt>{t('partners.introduction.at')}</dt>
            <dd>{formatDate(i.createdAt)}</dd>
          </dl>
        </aside>
      </div>
    </Layout>
  );
};
