/** Calendar dates as 'YYYY-MM-DD' strings: they compare correctly as text and carry no time zone. */
import type { Random } from './random.ts';

/** Day on which the 2025 reform (two-level local government) took effect. */
export const REFORM_DATE = '2025-07-01';
/** The last day the generator may use for an event: "today" in the demo world. */
export const DEMO_TODAY = '2025-11-30';

const DAY_MS = 86_400_000;

function toDays(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** A uniformly random date in [from, to], both included. */
export function randomDate(random: Random, from: string, to: string): string {
  return fromDays(random.int(toDays(from), toDays(to)));
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
