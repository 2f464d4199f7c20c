import type { Translator } from '#kernel/i18n/index.ts';
import type { Option } from './form.tsx';

export interface CommuneOption {
  slug: string;
  name: string;
  kind: 'commune' | 'ward';
  formerDistrictName?: string | null;
}

/**
 * "Xã Thất Khê", "Phường Lương Văn Tri"; with `formerDistrict`, "Xã Thất Khê (huyện cũ: Tràng
 * Định)": people still think in the districts abolished in 2025.
 */
export function communeOptions(t: Translator, communes: CommuneOption[], { formerDistrict = false } = {}): Option[] {
  return communes.map((c) => ({
    value: c.slug,
    label: `${t(`commune.kind.${c.kind}`)} ${c.name}${formerDistrict && c.formerDistrictName ? ` (${t('commune.formerDistrict', { name: c.formerDistrictName })})` : ''}`,
  }));
}

/** Where someone works, in words: "Toàn tỉnh…" or the communes' names. */
export function placesOf(
  t: Translator,
  communes: CommuneOption[],
  slugs: string[],
  anywhere: boolean,
  anywhereText: string,
): string {
  const names = slugs.map((s) => communes.find((c) => c.slug === s)).filter((c): c is CommuneOption => !!c);
  const listed = communeOptions(t, names)
    .map((o) => o.label)
    .join(', ');
  if (anywhere) return listed ? `${anywhereText} · ${listed}` : anywhereText;
  return listed || '—';
}
