import type { FC } from 'hono/jsx';
import { formatDate, formatDateTime } from '#kernel/i18n/index.ts';
import { Badge, KeyFacts } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { RequestView } from '../requests.queries.ts';
import { StatusBadge } from './request-list.tsx';

/**
 * Under the title: where the request stands and who has it; for staff, the next step (take it,
 * connect someone, change its status) as the main action.
 */
export const RequestFacts: FC<{ ctx: PageContext; request: RequestView; open: boolean }> = ({
  ctx,
  request: r,
  open,
}) => {
  const { t } = ctx;
  const staff = r.party === 'staff';
  return (
    <KeyFacts
      label={t('requests.detail.summary')}
      facts={[
        {
          label: t('requests.col.status'),
          value: (
            <>
              <StatusBadge t={t} status={r.status} overdue={r.overdue} />
              {r.urgency === 'urgent' && (
                <>
                  {' '}
                  <Badge tone="danger">{t('requests.urgency.urgent')}</Badge>
                </>
              )}
            </>
          ),
        },
        r.projectSlug && {
          label: t('requests.detail.project'),
          value: <a href={`/du-an/${r.projectSlug}`}>{r.projectName}</a>,
        },
        (r.requesterName || r.contactName) && {
          label: t('requests.detail.requester'),
          value: r.requesterName ?? r.contactName,
        },
        staff &&
          (r.contactPhone || r.contactEmail) && {
            label: t('requests.detail.contact'),
            value: [r.contactPhone, r.contactEmail].filter(Boolean).join(' · '),
          },
        r.communeName && { label: t('requests.field.commune'), value: r.communeName },
        { label: t('requests.detail.assignee'), value: r.assigneeName ?? t('requests.detail.noAssignee') },
        r.dueOn && open && { label: t('requests.detail.due'), value: formatDate(r.dueOn) },
        { label: t('requests.detail.filed'), value: formatDateTime(r.createdAt) },
      ]}
    >
      {staff && r.status === 'new' && (
        <PostForm action={`/yeu-cau/${r.number}/nhan`} csrfToken={ctx.csrfToken}>
          <Button>{t('requests.detail.accept')}</Button>
        </PostForm>
      )}
      {staff && open && r.status !== 'new' && (
        <a class="button button-primary" href="#goi-y">
          {t('requests.detail.suggestions')}
        </a>
      )}
      {staff && open && <a href="#trang-thai">{t('requests.detail.status')}</a>}
      {!staff && open && <a href="#trao-doi">{t('requests.detail.message')}</a>}
    </KeyFacts>
  );
};

/** What came of it: the outcome or the reason for declining, and each need with the engagements and introductions made for it. */
export const RequestOutcome: FC<{ ctx: PageContext; request: RequestView }> = ({ ctx, request: r }) => {
  const { t } = ctx;
  return (
    <>
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
      <section aria-labelledby="nhu-cau">
        <h2 id="nhu-cau">{t('requests.needs.title')}</h2>
        <ul class="rows">
          {r.needsProgress.map((n) => (
            <li>
              <p class="row-title">
                {labelOf(t, 'project.need', n.need)}{' '}
                <Badge tone={n.state === 'done' ? 'success' : n.state === 'working' ? 'info' : undefined}>
                  {t(`requests.needs.state.${n.state}`)}
                </Badge>
              </p>
              {n.links.length === 0 ? (
                <p class="row-meta">{t('requests.needs.none')}</p>
              ) : (
                <ul>
                  {n.links.map((l) => (
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
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
};
