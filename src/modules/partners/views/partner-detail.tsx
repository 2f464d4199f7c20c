import type { FC } from 'hono/jsx';
import type { CommuneOption } from '#kernel/ui/communes.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { PartnerIntroduction } from '../introductions.service.ts';
import type { PartnerDetail } from '../partners.service.ts';
import { IntroduceForm, Introductions, Members, PartnerFacts, type SubForm } from './partner-parts.tsx';

export { introductionTone, type SubForm } from './partner-parts.tsx';

export interface PartnerPageProps {
  ctx: PageContext;
  partner: PartnerDetail;
  communes: CommuneOption[];
  /** Staff and the organisation's members. */
  canEdit: boolean;
  isStaff: boolean;
  /** Contacts are for signed-in people only. */
  showContacts: boolean;
  /** Shown to staff and members; null hides the section. */
  introductions: PartnerIntroduction[] | null;
  memberForm?: SubForm;
  introduceForm?: SubForm;
}

/**
 * A partner's page: what it offers or buys, where and whom to call under the title; its story;
 * then, for staff and members, the introductions, the introduce form and the members.
 */
export const PartnerPage: FC<PartnerPageProps> = ({
  ctx,
  partner: p,
  communes,
  canEdit,
  isStaff,
  showContacts,
  introductions,
  memberForm,
  introduceForm,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={p.name} description={p.summary}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/doi-tac">{t('partners.nav')}</a>
      </nav>
      <div class="page-head">
        <h1>{p.name}</h1>
        {canEdit && (
          <a class="button button-secondary" href={`/doi-tac/${p.slug}/sua`}>
            {t('partners.edit')}
          </a>
        )}
      </div>
      {!p.isPublic && (
        <p>
          <Badge tone="warning">{t('partners.private')}</Badge>
        </p>
      )}
      <p class="lead">{p.summary}</p>
      <PartnerFacts
        ctx={ctx}
        partner={p}
        communes={communes}
        showContacts={showContacts}
        isStaff={isStaff}
        seesMatches={introductions !== null}
      />
      {p.description && (
        <div class="prose">
          {p.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </div>
      )}
      {introductions && <Introductions t={t} items={introductions} />}
      {isStaff && <IntroduceForm ctx={ctx} slug={p.slug} form={introduceForm} />}
      {canEdit && <Members ctx={ctx} partner={p} isStaff={isStaff} form={memberForm} />}
    </Layout>
  );
};
