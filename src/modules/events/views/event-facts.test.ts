import { describe, expect, it } from 'vitest';
import { translator } from '#kernel/i18n/index.ts';
import '../index.ts';
import { windowText } from './event-facts.tsx';

const t = translator('vi');

describe('the registration window, as the event page says it', () => {
  it('names both ends when both are set', () => {
    expect(windowText(t, '2026-12-01', '2026-12-19')).toBe('Nhận đăng ký từ 01/12/2026 đến 19/12/2026');
  });
  it('says only what is known, never "từ …"', () => {
    expect(windowText(t, null, '2026-12-19')).toBe('Nhận đăng ký đến 19/12/2026');
    expect(windowText(t, '2026-12-01', null)).toBe('Nhận đăng ký từ 01/12/2026');
    expect(windowText(t, null, null)).toBeNull();
  });
});
