import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { type CommuneOption, placesOf } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, KeyFacts, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { PartnerIntroduction } from '../introductions.service.ts';
import type { PartnerDetail } from '../partners.service.ts';
import { buyerKinds, type PartnerKind } from '../partners.taxonomy.ts';

export interface SubForm {
  values: FormValues;
  errors: Record<string, string>;
}

export const introductionTone = { sent: 'info', interested: 'success', not_now: 'neutral' } as const;

/** How to reach the organisation: for signed-in people only; others are asked to sign in. */
const Contacts: FC<{ t: PageContext['t']; partner: PartnerDetail; show: boolean }> = ({ t, partner: p, show }) =>
  show ? (
    <ul class="plain">
      {p.contactName && <li>{p.contactName}</li>}
      {p.contactPhone && (
        <li>
          <a href={`tel:${p.contactPhone}`}>{p.contactPhone}</a>
        </li>
      )}
      {p.contactEmail && (
        <li>
          <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
        </li>
      )}
      {p.address && <li>{p.address}</li>}
      {p.website && (
        <li>
          <a href={p.website} rel="nofollow noopener">
            {p.website.replace(/^https?:\/\//, '')}
          </a>
        </li>
      )}
    </ul>
  ) : (
    <a href={`/dang-nhap?next=${encodeURIComponent(`/doi-tac/${p.slug}`)}`}>{t('partners.detail.contactSignIn')}</a>
  );

/** What a founder or an officer looks for first: what kind of partner, what it offers or buys, where, whom to call. */
export const PartnerFacts: FC<{
  ctx: PageContext;
  partner: PartnerDetail;
  communes: CommuneOption[];
  showContacts: boolean;
  isStaff: boolean;
  seesMatches: boolean;
}> = ({ ctx, partner: p, communes, showContacts, isStaff, seesMatches }) => {
  const { t } = ctx;
  const buys = buyerKinds.includes(p.kind as PartnerKind);
  const hasContacts = Boolean(p.contactName || p.contactPhone || p.contactEmail || p.address || p.website);
  return (
    <KeyFacts
      label={t('partners.detail.summary')}
      facts={[
        { label: t('partners.col.kind'), value: labelOf(t, 'partners.kind', p.kind) },
        {
          label: t('partners.detail.where'),
          value: placesOf(t, communes, p.communes, p.anywhere, t('partners.anywhere')),
        },
        p.offers.length > 0 && {
          label: t('partners.detail.offers'),
          value: p.offers.map((o) => labelOf(t, 'project.need', o)).join(', '),
          wide: true,
        },
        p.fields.length > 0 && {
          label: buys ? t('partners.detail.buys') : t('partners.detail.fields'),
          value: p.fields.map((f) => labelOf(t, 'project.field', f)).join(', '),
          wide: true,
        },
        hasContacts && {
          label: t('partners.detail.contact'),
          value: <Contacts t={t} partner={p} show={showContacts} />,
          wide: true,
        },
      ]}
    >
      {isStaff && (
        <a class="button button-primary" href="#introduce">
          {t('partners.introduce.title')}
        </a>
      )}
      {seesMatches && (
        <a class="button button-secondary" href={`/doi-tac/${p.slug}/du-an-phu-hop`}>
          {t('matching.projectsLink')}
        </a>
      )}
    </KeyFacts>
  );
};

/** The projects the Department introduced to this partner, and what the partner answered. */
export const Introductions: FC<{ t: PageContext['t']; items: PartnerIntroduction[] }> = ({ t, items }) => (
  <section aria-labelledby="introductions">
    <h2 id="introductions">{t('partners.detail.introductions')}</h2>
    {items.length === 0 ? (
      <EmptyState title={t('partners.detail.noIntroductions')} />
    ) : (
      <Table
        caption={t('partners.detail.introductions')}
        rows={items}
        columns={[
          {
            label: t('partners.col.project'),
            primary: true,
            cell: (r) => <a href={`/gioi-thieu/${r.id}`}>{r.projectName}</a>,
          },
          {
            label: t('partners.col.status'),
            cell: (r) => (
              <Badge tone={introductionTone[r.status as keyof typeof introductionTone] ?? 'neutral'}>
                {labelOf(t, 'partners.introduction.status', r.status)}
              </Badge>
            ),
          },
          { label: t('partners.col.date'), cell: (r) => formatDate(r.createdAt) },
        ]}
      />
    )}
  </section>
);

/** Staff introduce a project to the partner, with a message. */
export const IntroduceForm: FC<{ ctx: PageContext; slug: string; form?: SubForm }> = ({ ctx, slug, form }) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="introduce">
      <h2 id="introduce">{t('partners.introduce.title')}</h2>
      <ErrorSummary
        t={t}
        errors={form?.errors ?? {}}
        labels={{ project: t('partners.introduce.project'), message: t('partners.introduce.message') }}
      />
      <PostForm action={`/doi-tac/${slug}/gioi-thieu`} csrfToken={ctx.csrfToken} class="form">
        <Input
          name="project"
          label={t('partners.introduce.project')}
          hint={t('partners.introduce.projectHint')}
          value={formValue(form?.values, 'project')}
          error={form?.errors.project}
          required
          maxlength={300}
        />
        <TextArea
          name="message"
          label={t('partners.introduce.message')}
          hint={t('partners.introduce.messageHint')}
          value={formValue(form?.values, 'message')}
          error={form?.errors.message}
          required
          rows={4}
          maxlength={3000}
        />
        <Button>{t('partners.introduce.submit')}</Button>
      </PostForm>
    </section>
  );
};

/** The people who answer for the organisation; staff add and remove them. */
export const Members: FC<{ ctx: PageContext; partner: PartnerDetail; isStaff: boolean; form?: SubForm }> = ({
  ctx,
  partner: p,
  isStaff,
  form,
}) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('partners.detail.members')}</h2>
      {p.members.length === 0 ? (
        <p class="muted">{t('partners.detail.noMembers')}</p>
      ) : (
        <ul class="plain">
          {p.members.map((m) => (
            <li>
              {m.name} <span class="muted">({m.email})</span>
              {isStaff && (
                <PostForm
                  action={`/doi-tac/${p.slug}/thanh-vien/${m.userId}/xoa`}
                  csrfToken={ctx.csrfToken}
                  class="inline"
                >
                  <button
                    type="submit"
                    class="link-button"
                    aria-label={t('partners.member.removeLabel', { name: m.name })}
                  >
                    {t('partners.member.remove')}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {isStaff && (
        <PostForm action={`/doi-tac/${p.slug}/thanh-vien`} csrfToken={ctx.csrfToken} class="assign">
          <ErrorSummary t={t} errors={form?.errors ?? {}} labels={{ email: t('partners.member.email') }} />
          <Input
            name="email"
            type="email"
            label={t('partners.member.email')}
            hint={t('partners.member.emailHint')}
            value={formValue(form?.values, 'email')}
            error={form?.errors.email}
            autocomplete="off"
            required
            maxlength={254}
          />
          <Button kind="secondary">{t('partners.member.add')}</Button>
        </PostForm>
      )}
    </section>
  );
};
