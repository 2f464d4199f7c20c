import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { StoryRow } from '../stories.service.ts';

export interface StoryValues {
  project?: string;
  headline?: string;
  body?: string;
}

const TextFields: FC<{ ctx: PageContext; values: StoryValues; errors: Record<string, string> }> = ({
  ctx,
  values,
  errors,
}) => {
  const { t } = ctx;
  return (
    <>
      <Input
        name="headline"
        label={t('reports.story.headline')}
        hint={t('reports.story.headlineHint')}
        optionalText={t('form.optional')}
        value={values.headline}
        error={errors.headline}
        maxlength={120}
      />
      <TextArea
        name="body"
        label={t('reports.story.body')}
        hint={t('reports.story.bodyHint')}
        optionalText={t('form.optional')}
        value={values.body}
        error={errors.body}
        rows={5}
        maxlength={1000}
      />
    </>
  );
};

const labels = (ctx: PageContext) => ({
  project: ctx.t('reports.story.project'),
  headline: ctx.t('reports.story.headline'),
  body: ctx.t('reports.story.body'),
});

/** `/quan-ly/cau-chuyen`: the chosen stories, and the form to choose one more. */
export const StoriesPage: FC<{
  ctx: PageContext;
  stories: StoryRow[];
  candidates: { id: string; name: string }[];
  values: StoryValues;
  errors: Record<string, string>;
}> = ({ ctx, stories, candidates, values, errors }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.story.title')}>
      <h1>{t('reports.story.title')}</h1>
      <p class="lead">{t('reports.story.lead')}</p>
      <p>
        <a href="/so-lieu">{t('reports.story.publicLink')} →</a>
      </p>
      <h2>{t('reports.story.chosen')}</h2>
      {stories.length === 0 ? (
        <EmptyState title={t('reports.story.none')} />
      ) : (
        <Table
          caption={t('reports.story.chosen')}
          rows={stories}
          columns={[
            {
              label: t('reports.story.col.project'),
              primary: true,
              cell: (s) => (
                <>
                  <a href={`/du-an/${s.projectSlug}`}>{s.projectName}</a>
                  {!s.isPublic && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('reports.story.private')}</Badge>
                    </>
                  )}
                </>
              ),
            },
            { label: t('reports.story.col.headline'), phone: 'hide', cell: (s) => s.headline },
            { label: t('reports.story.col.chosenAt'), cell: (s) => formatDate(s.chosenAt) },
            {
              label: t('reports.story.col.actions'),
              cell: (s) => (
                <>
                  <a href={`/quan-ly/cau-chuyen/${s.projectId}`}>
                    {t('reports.story.edit')}
                    <span class="visually-hidden"> {s.projectName}</span>
                  </a>
                  <PostForm action={`/quan-ly/cau-chuyen/${s.projectId}/xoa`} csrfToken={ctx.csrfToken} class="inline">
                    <Button kind="secondary">
                      {t('reports.story.remove')}
                      <span class="visually-hidden"> {s.projectName}</span>
                    </Button>
                  </PostForm>
                </>
              ),
            },
          ]}
        />
      )}
      <h2 id="them">{t('reports.story.add')}</h2>
      {candidates.length === 0 && !errors.project ? (
        <p>{t('reports.story.noCandidates')}</p>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} labels={labels(ctx)} />
          <PostForm action="/quan-ly/cau-chuyen" csrfToken={ctx.csrfToken}>
            <Select
              name="project"
              label={t('reports.story.project')}
              placeholder={t('reports.story.projectPick')}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
              value={values.project}
              error={errors.project}
              required
            />
            <TextFields ctx={ctx} values={values} errors={errors} />
            <Button>{t('reports.story.addSubmit')}</Button>
          </PostForm>
        </>
      )}
    </Layout>
  );
};

/** `/quan-ly/cau-chuyen/:projectId`: one story's headline and text. */
export const StoryEditPage: FC<{
  ctx: PageContext;
  story: StoryRow;
  values: StoryValues;
  errors: Record<string, string>;
}> = ({ ctx, story, values, errors }) => {
  const { t } = ctx;
  const title = t('reports.story.editTitle', { name: story.projectName });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/quan-ly/cau-chuyen">← {t('reports.story.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels(ctx)} />
      <PostForm action={`/quan-ly/cau-chuyen/${story.projectId}`} csrfToken={ctx.csrfToken}>
        <TextFields ctx={ctx} values={values} errors={errors} />
        <Button>{t('reports.story.save')}</Button>
      </PostForm>
    </Layout>
  );
};
