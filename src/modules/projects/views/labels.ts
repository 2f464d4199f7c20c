import type { MessageKey, Translator } from '#kernel/i18n/index.ts';
import type { Option } from '#kernel/ui/form.tsx';

/** Options for a select or checkboxes from a list of codes and their i18n prefix. */
export function optionsOf(t: Translator, prefix: string, codes: readonly string[]): Option[] {
  return codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
}

/** The label of one code, or the code itself when the catalogue has none. */
export function labelOf(t: Translator, prefix: string, code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

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
