/**
 * Lower-case and accent-free, the same as SQL `lower(f_unaccent(x))`: "Thạch Đen" → "thach den".
 * @example fold('Đình Lập') === 'dinh lap'
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** URL-safe: "Thạch đen Hồng Nhung" → "thach-den-hong-nhung"; `fallback` when nothing is left. */
export function slugify(s: string, max = 80, fallback = 'du-an'): string {
  const slug = fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || fallback;
}
