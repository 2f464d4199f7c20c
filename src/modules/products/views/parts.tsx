import type { FC } from 'hono/jsx';
import { formatNumber, type Lang, type Translator } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';

/** Addresses of a product photo: the picture and its small copy. */
export const imageUrl = (id: string, size: 'lon' | 'nho' = 'lon') => `/anh-san-pham/${id}/${size}`;

/** The size the small copy has (the longest side fits 480). */
export function thumbSize(width: number, height: number, side = 480): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** "25.000 – 30.000 ₫ / hộp", or nothing when no price is given. */
export function priceText(
  t: Translator,
  lang: Lang,
  p: { priceMinVnd: number | null; priceMaxVnd: number | null; unit: string },
): string {
  const { priceMinVnd: min, priceMaxVnd: max } = p;
  if (min === null && max === null) return '';
  const amount =
    min !== null && max !== null && min !== max
      ? `${formatNumber(min, lang)} – ${formatNumber(max, lang)} ₫`
      : `${formatNumber((min ?? max) as number, lang)} ₫`;
  return p.unit ? t('products.price.perUnit', { amount, unit: p.unit }) : amount;
}

export const OcopBadge: FC<{ t: Translator; stars: number | null }> = ({ t, stars }) =>
  stars ? (
    <Badge tone="warning">
      <span aria-hidden="true">{'★'.repeat(stars)} </span>
      {t('products.ocop.badge', { stars })}
    </Badge>
  ) : null;

export const ReadyBadge: FC<{ t: Translator; ready: boolean }> = ({ t, ready }) =>
  ready ? <Badge tone="success">{t('products.ready.badge')}</Badge> : null;

/** The support-request form, prefilled: one click from a missing checklist item to asking for help. */
export function helpHref(projectSlug: string, need: string, text: string): string {
  const q = new URLSearchParams({ du_an: projectSlug, loai: need, noi_dung: text });
  return `/yeu-cau/moi?${q.toString()}`;
}
