/**
 * When a grassroots union was founded, whether it was dissolved, whether it was renamed. Dates
 * spread 1975–2021 (most in the 2000s–2010s), about 30% are new CĐCS of the 2018–2025 plan period (~4-5% a year),
 * and about 15% of enterprise CĐCS closed in 2019–2024 (with their enterprise).
 */
import { addDays, DEMO_TODAY, maxDate, randomDate } from './dates.ts';
import type { Random } from './random.ts';

export type Life = { foundedOn: string; dissolvedOn: string | null; renamedOn: string | null };

// Founding eras for older CĐCS: [from, to, weight for public bodies, weight for enterprises].
const ERAS: [string, string, number, number][] = [
  ['1975-05-01', '1989-12-31', 0.25, 0],
  ['1990-01-01', '1999-12-31', 0.25, 0.1],
  ['2000-01-01', '2009-12-31', 0.3, 0.4],
  ['2010-01-01', '2017-12-31', 0.2, 0.5],
];

const PLAN_START = '2018-01-01';
const OLD_UNTIL = '2021-12-31';

export function foundingDate(random: Random, enterprise: boolean, notBefore: string): string {
  if (random.chance(0.3)) return randomDate(random, maxDate(PLAN_START, notBefore), DEMO_TODAY);
  const era = ERAS[random.weighted(ERAS.map((e) => (enterprise ? e[3] : e[2])))] as (typeof ERAS)[number];
  const date = randomDate(random, era[0], era[1]);
  if (date >= notBefore) return date;
  // Younger than its upper union would be impossible: draw again after the upper union's founding.
  return randomDate(random, notBefore, notBefore < OLD_UNTIL ? OLD_UNTIL : DEMO_TODAY);
}

/** The life of an ordinary CĐCS: closures and renames all fall before the reform. */
export function drawLife(random: Random, enterprise: boolean, notBefore: string): Life {
  const foundedOn = foundingDate(random, enterprise, notBefore);
  let dissolvedOn: string | null = null;
  const closesFrom = maxDate('2019-01-01', addDays(foundedOn, 365));
  if (enterprise && closesFrom < '2024-12-31' && random.chance(0.15))
    dissolvedOn = randomDate(random, closesFrom, '2024-12-31');
  let renamedOn: string | null = null;
  const renameFrom = addDays(foundedOn, 730);
  const renameTo = addDays(dissolvedOn ?? '2025-06-30', -1);
  if (enterprise && renameFrom < renameTo && random.chance(0.05)) renamedOn = randomDate(random, renameFrom, renameTo);
  return { foundedOn, dissolvedOn, renamedOn };
}

/** A large CĐCS: old, never dissolved, never renamed. */
export function bigUnitLife(random: Random, notBefore: string): Life {
  const from = maxDate(notBefore, '1975-05-01');
  return { foundedOn: randomDate(random, from, maxDate(from, '2005-12-31')), dissolvedOn: null, renamedOn: null };
}

/** A sub-unit founded after its parent, before 2022. */
export function childFounding(random: Random, parentFounded: string): string {
  return randomDate(random, parentFounded, maxDate(parentFounded, OLD_UNTIL));
}
