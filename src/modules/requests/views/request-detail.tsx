import type { FC } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { RequestView } from '../requests.queries.ts';
import { openStatuses } from '../requests.taxonomy.ts';
import { RequestFacts, RequestOutcome } from './request-facts.tsx';
import {
  type FailedForm,
  type NeedSuggestions,
  type RequestForm,
  StatusPanel,
  SuggestionsPanel,
} from './request-staff.tsx';
import { RequestMessage, Thread } from './request-thread.tsx';

export interface RequestDetailProps {
  ctx: PageContext;
  request: RequestView;
  suggestions: NeedSuggestions[] | null;
  /** A failed form on this page: which one, what was typed, what is wrong. */
  failed?: FailedForm;
}

/**
 * A request, in the order people need it: where it stands and the next step, what was asked,
 * what came of it, the conversation; then, for staff, who could help and the status form.
 */
export const RequestDetailPage: FC<RequestDetailProps> = ({ ctx, request: r, suggestions, failed }) => {
  const { t } = ctx;
  const staff = r.party === 'staff';
  const open = (openStatuses as readonly string[]).includes(r.status);
  const title = `${r.ref} · ${r.needs.map((n) => labelOf(t, 'project.need', n)).join(', ')}`;
  const errorsOf = (form: RequestForm) => (failed?.form === form ? failed.errors : {});
  const valuesOf = (form: RequestForm) => (failed?.form === form ? failed.values : {});
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
      {staff && r.readyToClose && (
        <p class="flash flash-success">
          {t('requests.detail.ready')} <a href="#trang-thai">{t('requests.detail.status')}</a>
        </p>
      )}
      <RequestFacts ctx={ctx} request={r} open={open} />
      <RequestMessage ctx={ctx} request={r} />
      <RequestOutcome ctx={ctx} request={r} />
      <Thread ctx={ctx} request={r} values={valuesOf('message')} errors={errorsOf('message')} />
      {staff && open && <SuggestionsPanel ctx={ctx} request={r} suggestions={suggestions} failed={failed} />}
      {/* Also when a stale form closed meanwhile was refused: the officer sees why, with what they typed. */}
      {staff && (open || failed?.form === 'status') && (
        <StatusPanel ctx={ctx} request={r} values={valuesOf('status')} errors={errorsOf('status')} />
      )}
    </Layout>
  );
};
