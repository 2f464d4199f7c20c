import type { Translator } from '#kernel/i18n/index.ts';
import type { Option } from '#kernel/ui/form.tsx';

export interface CommuneOption {
  slug: string;
  name: string;
  kind: 'commune' | 'ward';
  formerDistrictName: string | null;
}

/** "Xã Thất Khê (huyện cũ: Tràng Định)": people still think in former districts. */
export function communeOptions(t: Translator, communes: CommuneOption[]): Option[] {
  return communes.map((c) => ({
    value: c.slug,
    label: `${t(`commune.kind.${c.kind}`)} ${c.name}${c.formerDistrictName ? ` (${t('projects.detail.formerDistrict', { name: c.formerDistrictName })})` : ''}`,
  }));
}
