import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { type CommuneOption, placesOf } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { PartnerIntroduction } from '../introductions.service.ts';
import type { PartnerDetail } from '../partners.service.ts';
import { buyerKinds, type PartnerKind } from '../partners.taxonomy.ts';

export interface SubForm {
  values: FormValues;
  errors: Record<string, string>;
}

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

export const introductionTone = { sent: 'info', interested: 'success', not_now: 'neutral' } as const;

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
  const buys = buyerKinds.includes(p.kind as PartnerKind);
  const hasContacts = Boolean(p.contactName || p.contactPhone || p.contactEmail || p.address || p.website);
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
      <p class="badges">
        <Badge tone="info">{labelOf(t, 'partners.kind', p.kind)}</Badge>{' '}
        {!p.isPublic && <Badge tone="warning">{t('partners.private')}</Badge>}
      </p>
      <p class="lead">{p.summary}</p>
      <div class="columns">
        <div class="col-main">
          {p.description && (
            <div class="prose">
              {p.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
          {introductions && (
            <>
              <p>
                <a class="button button-secondary" href={`/doi-tac/${p.slug}/du-an-phu-hop`}>
                  {t('matching.projectsLink')}
                </a>
              </p>
              <h2>{t('partners.detail.introductions')}</h2>
              {introductions.length === 0 ? (
                <EmptyState title={t('partners.detail.noIntroductions')} />
              ) : (
                <Table
                  caption={t('partners.detail.introductions')}
                  rows={introductions}
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
            </>
          )}
          {isStaff && (
            <section aria-labelledby="introduce">
              <h2 id="introduce">{t('partners.introduce.title')}</h2>
              <ErrorSummary
                t={t}
                errors={introduceForm?.errors ?? {}}
                labels={{ project: t('partners.introduce.project'), message: t('partners.introduce.message') }}
              />
              <PostForm action={`/doi-tac/${p.slug}/gioi-thieu`} csrfToken={ctx.csrfToken} class="form">
                <Input
                  name="project"
                  label={t('partners.introduce.project')}
                  hint={t('partners.introduce.projectHint')}
                  value={formValue(introduceForm?.values, 'project')}
                  error={introduceForm?.errors.project}
                  required
                  maxlength={300}
                />
                <TextArea
                  name="message"
                  label={t('partners.introduce.message')}
                  hint={t('partners.introduce.messageHint')}
                  value={formValue(introduceForm?.values, 'message')}
                  error={introduceForm?.errors.message}
                  required
                  rows={4}
                  maxlength={3000}
                />
                <Button>{t('partners.introduce.submit')}</Button>
              </PostForm>
            </section>
          )}
        </div>
        <aside class="col-side">
          <dl class="facts">
            {p.offers.length > 0 && (
              <>
                <dt>{t('partners.detail.offers')}</dt>
                <dd>
                  <ul class="plain">
                    {p.offers.map((o) => (
                      <li>{labelOf(t, 'project.need', o)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {p.fields.length > 0 && (
              <>
                <dt>{buys ? t('partners.detail.buys') : t('partners.detail.fields')}</dt>
                <dd>
                  <ul class="plain">
                    {p.fields.map((f) => (
                      <li>{labelOf(t, 'project.field', f)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('partners.detail.where')}</dt>
            <dd>{placesOf(t, communes, p.communes, p.anywhere, t('partners.anywhere'))}</dd>
            {hasContacts && <dt>{t('partners.detail.contact')}</dt>}
            {hasContacts && !showContacts && (
              <dd>
                <a href={`/dang-nhap?next=${encodeURIComponent(`/doi-tac/${p.slug}`)}`}>
                  {t('partners.detail.contactSignIn')}
                </a>
              </dd>
            )}
            {hasContacts && showContacts && (
              <dd>
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
              </dd>
            )}
            {canEdit && (
              <>
                <dt>{t('partners.detail.members')}</dt>
                <dd>
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
                </dd>
              </>
            )}
          </dl>
          {isStaff && (
            <PostForm action={`/doi-tac/${p.slug}/thanh-vien`} csrfToken={ctx.csrfToken} class="assign">
              <ErrorSummary t={t} errors={memberForm?.errors ?? {}} labels={{ email: t('partners.member.email') }} />
              <Input
                name="email"
                type="email"
                label={t('partners.member.email')}
                hint={t('partners.member.emailHint')}
                value={formValue(memberForm?.values, 'email')}
                error={memberForm?.errors.email}
                autocomplete="off"
                required
                maxlength={254}
              />
              <Button kind="secondary">{t('partners.member.add')}</Button>
            </PostForm>
          )}
        </aside>
      </div>
    </Layout>
  );
};
