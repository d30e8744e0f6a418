/**
 * Deliberate data-quality problems, a few dozen of each, for the screens that must find them (the
 * list is in README.md). They are planted after the clean register is built, from their own
 * seeded stream, on members who are open today.
 */
import { CITIZEN_ID_PROVINCES } from '../../lib/ids.ts';
import type { Random } from '../random.ts';
import type { Register } from './generate.ts';
import type { PersonRow } from './people.ts';

export type Planted = {
  duplicateCitizenIds: number;
  badProvinceCitizenIds: number;
  badCenturyCitizenIds: number;
  invalidPhones: number;
  openInDissolvedUnits: number;
};

const COUNTS = {
  duplicates: 30,
  badProvince: 30,
  badCentury: 30,
  invalidPhones: 40,
  dissolvedUnits: 3,
  perDissolved: 14,
};

// Codes that look like province codes but are not in the list (gaps, and beyond 096).
const NOT_PROVINCES = ['003', '005', '009', '041', '043', '097', '099'].filter((c) => !CITIZEN_ID_PROVINCES[c]);

export function plantProblems(register: Register, random: Random): Planted {
  const { persons, periods, units } = register;
  // Open members with a CCCD, one period each (no one moved), in a random order: the victims.
  const open = random.shuffle(
    periods.filter((p) => p.validTo === null && p.startKind === 'admission' && persons[p.personId - 1]?.citizenId),
  );
  let next = 0;
  const take = () => open[next++];
  const personOf = (id: number) => persons[id - 1] as PersonRow;

  let duplicateCitizenIds = 0;
  while (duplicateCitizenIds < COUNTS.duplicates && next + 1 < open.length) {
    const a = take();
    const b = take();
    if (!a || !b || a.unitId === b.unitId) continue;
    // The same CCCD typed for two people: the second one's own number is lost.
    personOf(b.personId).citizenId = personOf(a.personId).citizenId;
    duplicateCitizenIds++;
  }
  let badProvinceCitizenIds = 0;
  for (; badProvinceCitizenIds < COUNTS.badProvince && next < open.length; badProvinceCitizenIds++) {
    const p = personOf((take() as (typeof open)[number]).personId);
    p.citizenId = `${random.pick(NOT_PROVINCES)}${(p.citizenId as string).slice(3)}`;
  }
  let badCenturyCitizenIds = 0;
  for (; badCenturyCitizenIds < COUNTS.badCentury && next < open.length; badCenturyCitizenIds++) {
    const p = personOf((take() as (typeof open)[number]).personId);
    const id = p.citizenId as string;
    // Gender kept, century moved on by one: a 1990 birth whose CCCD says 2090.
    p.citizenId = `${id.slice(0, 3)}${(Number(id[3]) + 2) % 10}${id.slice(4)}`;
  }
  let invalidPhones = 0;
  for (; invalidPhones < COUNTS.invalidPhones && next < open.length; invalidPhones++) {
    const p = personOf((take() as (typeof open)[number]).personId);
    const n = String(random.int(100_000, 999_999));
    // As they arrive from old spreadsheets: a landline, a digit missing, an old 11-digit number.
    p.phone = [`0238 3${n}`, `091${n}`, `0165${n}${random.int(0, 9)}`][invalidPhones % 3] as string;
  }

  // Memberships still open in a CĐCS that has been dissolved: nobody closed them.
  let openInDissolvedUnits = 0;
  const dissolved = [...units.values()].filter((u) => u.to !== null).map((u) => u.id);
  const chosen = new Set(random.shuffle(dissolved).slice(0, COUNTS.dissolvedUnits));
  const left = new Map<number, number>();
  for (const p of periods) {
    if (!chosen.has(p.unitId) || p.endReason !== 'CĐCS giải thể' || p.endKind !== 'withdrawal') continue;
    const n = left.get(p.unitId) ?? 0;
    if (n >= COUNTS.perDissolved) continue;
    left.set(p.unitId, n + 1);
    p.validTo = null;
    p.endKind = null;
    p.endReason = null;
    openInDissolvedUnits++;
  }
  return { duplicateCitizenIds, badProvinceCitizenIds, badCenturyCitizenIds, invalidPhones, openInDissolvedUnits };
}
