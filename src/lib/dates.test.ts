import { describe, expect, it } from 'vitest';
import { addDays, formatViDate, parseDay, todayVn } from './dates.ts';

describe('calendar days', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd, and refuses days that do not exist', () => {
    expect(parseDay('31/12/2023')).toBe('2023-12-31');
    expect(parseDay('1/7/2025')).toBe('2025-07-01');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('29/02/2023')).toBeNull();
    expect(parseDay('2023-13-01')).toBeNull();
    expect(parseDay('tomorrow')).toBeNull();
  });
  it('shows days the Vietnamese way and counts across month ends', () => {
    expect(formatViDate('2025-07-01')).toBe('01/07/2025');
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
  });
  it("takes today in Vietnam's time zone", () => {
    expect(todayVn(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
  });
});
