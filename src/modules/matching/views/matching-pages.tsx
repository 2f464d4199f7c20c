import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { Badge, EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { type ExpertCandidate, fitLevel, type PartnerCandidate, type Suggestion } from '../matching.score.ts';
import type { ProjectSuggestion } from '../matching.service.ts';
import { FitBadge, Reasons, SuggestionList } from './suggestions.tsx';

export interface ProjectSuggestionsProps {
  ctx: PageContext;
  project: { slug: string; name: string; needs: string[] };
  experts: Suggestion<ExpertCandidate>[];
  partners: Suggestion<PartnerCandidate>[];
  failed?: { target: 'expert' | 'partner'; id: string; values: FormValues; errors: Record<string, string> };
}

/** The values and messages sent back for this candidate's form, if it was the one that failed. */
const failedFor = (failed: ProjectSuggestionsProps['failed'], target: 'expert' | 'partner', id: string) =>
  failed && failed.target === target && failed.id === id ? failed : undefined;

/** Proposing an engagement with a suggested expert. */
const ExpertConnectForm: FC<ProjectSuggestionsProps & { s: Suggestion<ExpertCandidate> }> = ({
  ctx,
  project,
  failed,
  s,
}) => {
  const { t } = ctx;
  const f = failedFor(failed, 'expert', s.candidate.id);
  return (
    <details class="connect" open={f ? true : undefined}>
      <summary>{t('requests.detail.connectExpert')}</summary>
      {f && (
        <ErrorSummary
          t={t}
          errors={f.errors}
          labels={{ topic: t('engagements.propose.topic'), brief: t('engagements.propose.brief') }}
          scope={s.candidate.id}
        />
      )}
      <PostForm action={`/du-an/${project.slug}/goi-y/chuyen-gia`} csrfToken={ctx.csrfToken} class="form">
        <input type="hidden" name="expertId" value={s.candidate.id} />
        <Input
          name="topic"
          scope={s.candidate.id}
          label={t('engagements.propose.topic')}
          value={f ? formValue(f.values, 'topic') : project.needs.map((n) => labelOf(t, 'project.need', n)).join(', ')}
          error={f?.errors.topic}
          required
          maxlength={300}
        />
        <TextArea
          name="brief"
          scope={s.candidate.id}
          label={t('engagements.propose.brief')}
          value={f ? formValue(f.values, 'brief') : ''}
          error={f?.errors.brief}
          rows={3}
          maxlength={5000}
          optionalText={t('form.optional')}
        />
        <Button>{t('engagements.propose.save')}</Button>
      </PostForm>
    </details>
  );
};

/** Introducing the project to a suggested partner. */
const PartnerConnectForm: FC<ProjectSuggestionsProps & { s: Suggestion<PartnerCandidate> }> = ({
  ctx,
  project,
  failed,
  s,
}) => {
  const { t } = ctx;
  const f = failedFor(failed, 'partner', s.candidate.id);
  return (
    <details class="connect" open={f ? true : undefined}>
      <summary>{t('requests.detail.connectPartner')}</summary>
      {f && (
        <ErrorSummary
          t={t}
          errors={f.errors}
          labels={{ message: t('requests.detail.connectMessage') }}
          scope={s.candidate.id}
        />
      )}
      <PostForm action={`/du-an/${project.slug}/goi-y/doi-tac`} csrfToken={ctx.csrfToken} class="form">
        <input type="hidden" name="partnerId" value={s.candidate.id} />
        <TextArea
          name="message"
          scope={s.candidate.id}
          label={t('requests.detail.connectMessage')}
          value={f ? formValue(f.values, 'message') : ''}
          error={f?.errors.message}
          required
          rows={3}
          maxlength={3000}
        />
        <Button>{t('requests.detail.connectPartner')}</Button>
      </PostForm>
    </details>
  );
};

/** Staff: the best experts and partners for a project's declared needs, and a form to connect each. */
export const ProjectSuggestionsPage: FC<ProjectSuggestionsProps> = (p) => {
  const { ctx, project, experts, partners } = p;
  const { t } = ctx;
  const title = t('matching.forProject', { name: project.name });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/du-an/${project.slug}`}>{project.name}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('matching.lead')}</p>
      {project.needs.length > 0 && (
        <p>
          {project.needs.map((n) => (
            <>
              <Badge tone="info">{labelOf(t, 'project.need', n)}</Badge>{' '}
            </>
          ))}
        </p>
      )}
      <h2>{t('matching.experts')}</h2>
      <SuggestionList
        t={t}
        items={experts}
        empty={t('matching.noExperts')}
        href={(c) => `/chuyen-gia/${c.slug}`}
        action={(s) => <ExpertConnectForm {...p} s={s} />}
      />
      <h2>{t('matching.partners')}</h2>
      <SuggestionList
        t={t}
        items={partners}
        empty={t('matching.noPartners')}
        href={(c) => `/doi-tac/${c.slug}`}
        action={(s) => <PartnerConnectForm {...p} s={s} />}
      />
    </Layout>
  );
};

export interface ProjectsForProps {
  ctx: PageContext;
  name: string;
  back: string;
  items: ProjectSuggestion[];
}

/** The reverse: projects that need what an expert or a partner offers. */
export const ProjectsForPage: FC<ProjectsForProps> = ({ ctx, name, back, items }) => {
  const { t } = ctx;
  const title = t('matching.projectsFor', { name });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={back}>{name}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('matching.projectsLead')}</p>
      {items.length === 0 ? (
        <EmptyState title={t('matching.noProjects')} />
      ) : (
        <ol class="suggestions">
          {items.map((s) => (
            <li class="suggestion">
              <div class="suggestion-head">
                <a href={`/du-an/${s.project.slug}`}>{s.project.name}</a> <FitBadge t={t} level={fitLevel(s.score)} />
              </div>
              <p>{s.project.summary}</p>
              <Reasons t={t} reasons={s.reasons} />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
};
