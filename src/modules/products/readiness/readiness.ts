import { EXPIRY_WARNING_DAYS, type ReadinessItemCode, readinessItems, requiredItems } from '../products.taxonomy.ts';

/** What the summary needs of one checklist line. */
export interface ChecklistLine {
  item: string;
  status: string;
  expiresOn: string | null;
  verifiedAt: Date | null;
}

export interface ExpiryWarning {
  item: ReadinessItemCode;
  expiresOn: string;
  /** Negative once expired. */
  daysLeft: number;
}

export interface ReadinessSummary {
  /** Required items met today (done and verified and unexpired, or not applicable). */
  met: number;
  required: number;
  /** Required items not met, in checklist order: what the founder still has to do. */
  missing: ReadinessItemCode[];
  /** Done but waiting for an officer's check. */
  awaitingVerification: ReadinessItemCode[];
  warnings: ExpiryWarning[];
  ready: boolean;
  /** Ready until this day (the earliest expiry of the required documents); null when not ready. */
  readyUntil: string | null;
}

const NO_EXPIRY = '9999-12-31';
const DAY = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Counts an item as met for the whole of its validity, whatever today is. */
function metIgnoringExpiry(line: ChecklistLine | undefined): boolean {
  if (!line) return false;
  return line.status === 'not_applicable' || (line.status === 'done' && line.verifiedAt !== null);
}

/**
 * A product's market readiness from its checklist, on a given day (yyyy-MM-dd).
 * @example readinessSummary(items, todayInVietnam()).missing // ['barcode', 'trademark']
 */
export function readinessSummary(lines: ChecklistLine[], today: string): ReadinessSummary {
  const byItem = new Map(lines.map((l) => [l.item, l]));
  const missing: ReadinessItemCode[] = [];
  const awaitingVerification: ReadinessItemCode[] = [];
  let readyUntil: string | null = NO_EXPIRY;
  for (const code of requiredItems) {
    const line = byItem.get(code);
    const expired = line?.status === 'done' && line.expiresOn !== null && line.expiresOn < today;
    if (!metIgnoringExpiry(line)) readyUntil = null;
    else if (line?.status === 'done' && line.expiresOn && readyUntil && line.expiresOn < readyUntil)
      readyUntil = line.expiresOn;
    if (!metIgnoringExpiry(line) || expired) missing.push(code);
    if (line?.status === 'done' && line.verifiedAt === null) awaitingVerification.push(code);
  }
  if (byItem.get('ocop')?.status === 'done' && byItem.get('ocop')?.verifiedAt === null)
    awaitingVerification.push('ocop');
  const warnings: ExpiryWarning[] = [];
  for (const code of readinessItems) {
    const line = byItem.get(code);
    if (line?.status !== 'done' || !line.expiresOn) continue;
    const daysLeft = daysBetween(today, line.expiresOn);
    if (daysLeft <= EXPIRY_WARNING_DAYS) warnings.push({ item: code, expiresOn: line.expiresOn, daysLeft });
  }
  const ready = readyUntil !== null && readyUntil >= today;
  return {
    met: requiredItems.length - missing.length,
    required: requiredItems.length,
    missing,
    awaitingVerification,
    warnings,
    ready,
    readyUntil,
  };
}
