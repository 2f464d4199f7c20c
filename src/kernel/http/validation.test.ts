import { describe, expect, it } from 'vitest';
import { normalisePhone, phone } from './validation.ts';

describe('phone numbers as people write them', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(0205) 3812-345', '02053812345'],
    ['', ''],
  ])('%s is %s', (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
  });

  it('the form field stores the same digits and refuses what is not a number', () => {
    expect(phone().parse('+84 912 345 678')).toBe('0912345678');
    expect(phone().safeParse('12345').success).toBe(false);
  });
});
