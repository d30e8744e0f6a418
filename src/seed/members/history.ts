/**
 * Membership periods of the demo register: who was admitted where and when, who left, moved,
 * died, was expelled or came back. Every period lies inside its unit's life, except the open
 * memberships in dissolved units planted for the data-quality screen (problems.ts says which).
 */
import { addDays, maxDate, minDate, randomDate } from '../dates.ts';
import type { Random } from '../random.ts';
import type { MemberUnit } from './units.ts';

export type EndKind = 'transfer_out' | 'withdrawal' | 'expulsion' | 'death';
export type StartKind = 'admission' | 'transfer_in' | 'readmission';

export type Period = {
  id: number;
  personId: number;
  unitId: number;
  validFrom: string;
  validTo: string | null;
  startKind: StartKind;
  endKind: EndKind | null;
  /** Why it ended, for the event row. */
  endReason: string | null;
};

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** Mean years since joining, for members today: long in public bodies, shorter in firms; calibrated. */
export const MEAN_TENURE_YEARS = 22;

/**
 * An admission date for someone still a member on `last`: tenure drawn from an exponential (most
 * joined recently, some long ago), redrawn uniformly when it would fall before `earliest`.
 */
export function admissionFor(random: Random, earliest: string, last: string, meanYears: number): string {
  const tenure = -Math.log(1 - random.next()) * meanYears * 365.25;
  const date = addDays(last, -Math.round(tenure));
  return date >= earliest ? date : randomDate(random, earliest, last);
}

/** The first day a person born on `birthDate` may join this unit: of age, unit founded, from 1990. */
export function earliestJoin(unit: MemberUnit, birthDate: string): string {
  const ofAge = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4, 7)}-28`;
  return maxDate(maxDate(unit.from, ofAge), '1990-01-01');
}

/** Last day a member can be in the unit: the day before it is dissolved, or today. */
export function lastDay(unit: MemberUnit, today: string): string {
  return unit.to ? addDays(unit.to, -1) : today;
}

const WITHDRAWAL_REASONS = [
  'Chuyển công tác',
  'Nghỉ việc',
  'Nghỉ hưu',
  'Chấm dứt hợp đồng lao động',
  'Xin thôi sinh hoạt',
];

/** A period of someone who left: joined after `earliest`, left at least half a year later. */
export function leaverPeriod(
  random: Random,
  base: Omit<Period, 'validFrom' | 'validTo' | 'startKind' | 'endKind' | 'endReason'>,
  earliest: string,
  last: string,
): Period | null {
  if (days(earliest, last) < 400) return null;
  const validFrom = randomDate(random, earliest, addDays(last, -365));
  const stay = Math.round((0.5 + random.next() * random.next() * 12) * 365.25);
  const validTo = minDate(addDays(validFrom, stay), last);
  const reason = random.pick(WITHDRAWAL_REASONS);
  return { ...base, validFrom, validTo, startKind: 'admission', endKind: 'withdrawal', endReason: reason };
}

/** Units open on a day and still open today, by district: where transfers and readmissions go. */
export function createDestinations(units: MemberUnit[]) {
  const open = units.filter((u) => u.to === null);
  const byDistrict = new Map<string, MemberUnit[]>();
  for (const u of open) {
    const list = byDistrict.get(u.district ?? '') ?? [];
    list.push(u);
    byDistrict.set(u.district ?? '', list);
  }
  /** A unit other than `not`, open from `on` until today, preferably in `district`. */
  return (random: Random, district: string | null, on: string, not: number): MemberUnit | null => {
    const near = byDistrict.get(district ?? '') ?? [];
    for (const pool of [near, open]) {
      for (let i = 0; i < 12 && pool.length > 0; i++) {
        const u = random.pick(pool);
        if (u.id !== not && u.from <= on) return u;
      }
    }
    return null;
  };
}

export { days as daysBetween };
