import { describe, expect, it } from 'vitest';
import { type ChecklistLine, readinessSummary } from './readiness.ts';

const verified = new Date('2022-01-01T00:00:00Z');
const done = (item: string, expiresOn: string | null = null, verifiedAt: Date | null = verified): ChecklistLine => ({
  item,
  status: 'done',
  expiresOn,
  verifiedAt,
});
const na = (item: string): ChecklistLine => ({ item, status: 'not_applicable', expiresOn: null, verifiedAt: null });

const allRequired = [
  done('legal_entity'),
  done('food_safety', '2026-03-01'),
  done('self_declaration'),
  done('label'),
  done('barcode', '2026-12-31'),
  done('traceability'),
  done('trademark'),
];

describe('market readiness summary', () => {
  it('a product with every required item verified is ready until its first document expires', () => {
    const s = readinessSummary(allRequired, '2025-06-01');
    expect(s.ready).toBe(true);
    expect(s.met).toBe(7);
    expect(s.missing).toEqual([]);
    expect(s.readyUntil).toBe('2026-03-01');
    expect(s.warnings).toEqual([]);
  });

  it('lists what is missing in checklist order, and items done but not yet verified', () => {
    const lines = [
      done('legal_entity'),
      { item: 'label', status: 'in_progress', expiresOn: null, verifiedAt: null },
      done('barcode', null, null),
      na('food_safety'),
    ];
    const s = readinessSummary(lines, '2025-06-01');
    expect(s.ready).toBe(false);
    expect(s.readyUntil).toBeNull();
    expect(s.missing).toEqual(['self_declaration', 'label', 'barcode', 'traceability', 'trademark']);
    expect(s.awaitingVerification).toEqual(['barcode']);
    expect(s.met).toBe(2);
  });

  it('warns 60 days before a document expires, and an expired one makes the product not ready', () => {
    const soon = readinessSummary(allRequired, '2026-01-15');
    expect(soon.ready).toBe(true);
    expect(soon.warnings).toEqual([{ item: 'food_safety', expiresOn: '2026-03-01', daysLeft: 45 }]);

    const after = readinessSummary(allRequired, '2026-03-02');
    expect(after.ready).toBe(false);
    expect(after.missing).toEqual(['food_safety']);
    expect(after.warnings[0]).toEqual({ item: 'food_safety', expiresOn: '2026-03-01', daysLeft: -1 });
  });

  it('OCOP is optional: it never makes a product not ready, but its expiry is still flagged', () => {
    const s = readinessSummary([...allRequired, done('ocop', '2025-07-01')], '2025-06-01');
    expect(s.ready).toBe(true);
    expect(s.readyUntil).toBe('2026-03-01');
    expect(s.warnings.map((w) => w.item)).toEqual(['ocop']);
  });
});
