import type { FC } from 'hono/jsx';
import { KeyFacts } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import type { ProjectDetail } from '../projects.service.ts';

/**
 * What people come to a project page for: its stage, where it is, who runs it and what help it
 * needs; and the next step for whoever is looking (ask for help, record help, see its products).
 */
export const ProjectFacts: FC<{ ctx: PageContext; project: ProjectDetail; canEdit: boolean; isStaff: boolean }> = ({
  ctx,
  project: p,
  canEdit,
  isStaff,
}) => {
  const { t } = ctx;
  const lead = p.members.find((m) => m.role === 'lead');
  return (
    <KeyFacts
      label={t('projects.detail.summary')}
      facts={[
        { label: t('projects.col.stage'), value: labelOf(t, 'project.stage', p.stage) },
        p.communeName && { label: t('projects.col.commune'), value: p.communeName },
        { label: t('projects.col.field'), value: labelOf(t, 'project.field', p.field) },
        p.members.length > 0 && {
          label: t('projects.detail.team'),
          value:
            p.members.length === 1
              ? (lead ?? p.members[0])?.name
              : t('projects.detail.teamOf', { name: (lead ?? p.members[0])?.name ?? '', n: p.members.length - 1 }),
        },
        p.needs.length > 0 && {
          label: t('projects.detail.needs'),
          value: p.needs.map((n) => labelOf(t, 'project.need', n)).join(', '),
          wide: true,
        },
        (isStaff || canEdit) && {
          label: t('projects.detail.caseOfficer'),
          value: p.caseOfficerName ?? t('projects.detail.noCaseOfficer'),
        },
      ]}
    >
      {isStaff && (
        <>
          <a class="button button-primary" href={`/du-an/${p.slug}/ho-tro/moi`}>
            {t('support.new')}
          </a>
          <a class="button button-secondary" href={`/du-an/${p.slug}/goi-y`}>
            {t('matching.suggestLink')}
          </a>
        </>
      )}
      {canEdit && !isStaff && (
        <a class="button button-primary" href={`/yeu-cau/moi?du_an=${encodeURIComponent(p.slug)}`}>
          {t('requests.new')}
        </a>
      )}
      <a href={`/du-an/${p.slug}/san-pham`}>{t('products.ofProject.link')}</a>
    </KeyFacts>
  );
};
