import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatViDate, parseDay, todayVn } from './dates.ts';

describe('calendar days', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd, and refuses days that do not exist', () => {
    expect(parseDay('31/12/2023')).toBe('2023-12-31');
    expect(parseDay('1/7/2025')).toBe('2025-07-01');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('29/02/2023')).toBeNull();
    expect(parseDay('29/02/1900')).toBeNull();
    expect(parseDay('29/02/2000')).toBe('2000-02-29');
    expect(parseDay('2023-13-01')).toBeNull();
    expect(parseDay('tomorrow')).toBeNull();
  });
  it('agrees with the calendar of Date for any digits typed', () => {
    // The reference: a day exists when Date.UTC gives back the same year, month and day.
    const viaDate = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      const ok = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      return ok ? date.toISOString().slice(0, 10) : null;
    };
    const n = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(n(9999), n(14), n(33), (y, m, d) => {
        expect(parseDay(`${d}/${m}/${String(y).padStart(4, '0')}`)).toBe(viaDate(y, m, d));
        expect(
          parseDay(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
        ).toBe(m < 100 && d < 100 ? viaDate(y, m, d) : null);
      }),
      { numRuns: 3000 },
    );
  });
  it('shows days the Vietnamese way and counts across month ends', () => {
    expect(formatViDate('2025-07-01')).toBe('01/07/2025');
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
  });
  it("takes today in Vietnam's time zone", () => {
    expect(todayVn(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
  });
});
