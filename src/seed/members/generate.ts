/**
 * The demo register in memory: persons and their membership periods, unit by unit, then the moves
 * between units (transfers, moves when a CĐCS is dissolved, readmissions), deaths and expulsions.
 * Each concern draws from its own seeded stream, so a change to one does not reshuffle the others.
 */
import { addDays, minDate, randomDate } from '../dates.ts';
import { createRandom, deriveSeed, type Random } from '../random.ts';
import { FOREIGN_BRANDS } from '../words.ts';
import {
  admissionFor,
  createDestinations,
  daysBetween,
  earliestJoin,
  lastDay,
  leaverPeriod,
  MEAN_TENURE_YEARS,
  type Period,
} from './history.ts';
import { createIssued, type Issued, makePerson, type PersonRow } from './people.ts';
import { type Profile, profileOf } from './profiles.ts';
import type { MemberUnit } from './units.ts';

export type Register = { persons: PersonRow[]; periods: Period[]; issued: Issued; units: Map<number, MemberUnit> };

/** Share of each unit's size who were members once and left (job change, retirement…) before 2024. */
const LEAVER_SHARE = 0.08;
/**
 * Share who were members at the end of 2023 and left since: the turnover that the plan period's
 * growth has to outrun (with it, 31/12/2023 has ~155,000 members against ~170,000 today).
 */
const RECENT_LEAVER_SHARE = 0.18;
/** Profile sizes (profiles.ts) times this give the province about 170,000 members today at scale 1. */
const SIZE_FACTOR = 0.86;
const PLAN_REPORT_DAY = '2023-12-31';
/** How many industrial-zone FDI employers are the big ones (1,000-8,000 members). */
const LARGE_FDI = 10;
/** Counts of rarer events at scale 1. */
const RARE = { transfers: 400, readmissions: 300, deaths: 120, expulsions: 30, dissolvedMoves: 0.02 };

/** What the member's employer is called: the unit's name without 'Công đoàn'. */
export function employerName(unit: MemberUnit): string | null {
  if (unit.type === 'trade_association_union') return null;
  const name = unit.type === 'member_grassroots_union' && unit.parentName ? unit.parentName : unit.name;
  const bare = name.replace(/^Công đoàn (cơ sở thành viên )?/, '').replace(/^cơ quan /, '');
  return bare.replace(/^cơ sở (xã|phường|thị trấn) /, 'Ủy ban nhân dân $1 ');
}

function profiles(random: Random, units: MemberUnit[]): Map<number, Profile> {
  const zoneFdi = units.filter((u) => u.inZone && FOREIGN_BRANDS.some((b) => u.name.includes(b))).map((u) => u.id);
  const large = new Set(random.shuffle(zoneFdi).slice(0, LARGE_FDI));
  return new Map(units.map((u) => [u.id, profileOf(random, u, large.has(u.id))]));
}

export function buildRegister(units: MemberUnit[], opts: { seed: number; scale: number; today: string }): Register {
  const stream = (label: string) => createRandom(deriveSeed(opts.seed, `members:${label}`));
  const rPeople = stream('people');
  const rHistory = stream('history');
  const profileOfUnit = profiles(stream('profiles'), units);
  const issued = createIssued();
  const persons: PersonRow[] = [];
  const periods: Period[] = [];
  for (const unit of units) {
    const profile = profileOfUnit.get(unit.id) as Profile;
    const size = Math.max(2, Math.round(profile.size * opts.scale * SIZE_FACTOR));
    const last = lastDay(unit, opts.today);
    const employer = employerName(unit);
    const leavers = size + Math.round(size * LEAVER_SHARE);
    // Recent leavers only where the unit operated on both sides of the report day.
    const recent = unit.from <= PLAN_REPORT_DAY && last > PLAN_REPORT_DAY ? Math.round(size * RECENT_LEAVER_SHARE) : 0;
    for (let i = 0; i < leavers + recent; i++) {
      const id = persons.length + 1;
      const ctx = { id, unit, profile, employerName: employer, address: unit.address, today: opts.today };
      const person = makePerson(rPeople, issued, { ...ctx, bornBy: Number(last.slice(0, 4)) - 18 });
      const earliest = earliestJoin(unit, person.birthDate);
      if (earliest > last) continue;
      const base = { id: 0, personId: id, unitId: unit.id };
      let period: Period | null;
      if (i < size) {
        const validFrom = admissionFor(rHistory, earliest, last, MEAN_TENURE_YEARS);
        const dissolved = unit.to !== null;
        period = {
          ...base,
          validFrom,
          validTo: unit.to,
          startKind: 'admission',
          endKind: dissolved ? 'withdrawal' : null,
          endReason: dissolved ? 'CĐCS giải thể' : null,
        };
      } else if (i < leavers) period = leaverPeriod(rHistory, base, earliest, minDate(last, PLAN_REPORT_DAY));
      else if (earliest > PLAN_REPORT_DAY) period = null;
      else {
        const validFrom = admissionFor(rHistory, earliest, PLAN_REPORT_DAY, MEAN_TENURE_YEARS);
        const validTo = randomDate(rHistory, '2024-01-01', last);
        const endReason = rHistory.pick(['Chuyển công tác', 'Nghỉ việc', 'Nghỉ hưu', 'Chấm dứt hợp đồng lao động']);
        period = { ...base, validFrom, validTo, startKind: 'admission', endKind: 'withdrawal', endReason };
      }
      if (!period) continue;
      persons.push(person);
      periods.push(period);
    }
  }
  const register: Register = { persons, periods, issued, units: new Map(units.map((u) => [u.id, u])) };
  addMoves(register, stream('moves'), opts);
  return register;
}

/** Rare events, counted at scale 1 and scaled down with the register. */
const scaled = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

function addMoves(register: Register, random: Random, opts: { scale: number; today: string }) {
  const { persons, periods, units } = register;
  const destination = createDestinations([...units.values()]);
  const unitOf = (id: number) => units.get(id) as MemberUnit;
  const moveTo = (period: Period, dest: MemberUnit, on: string, startKind: Period['startKind']) => {
    periods.push({
      id: 0,
      personId: period.personId,
      unitId: dest.id,
      validFrom: on,
      validTo: null,
      startKind,
      endKind: null,
      endReason: null,
    });
    const person = persons[period.personId - 1] as PersonRow;
    person.employerName = employerName(dest);
  };
  const initial = periods.length;

  // Members of a dissolved CĐCS: most leave the union, some move to a CĐCS nearby that day.
  for (let i = 0; i < initial; i++) {
    const p = periods[i] as Period;
    if (p.endReason !== 'CĐCS giải thể' || !random.chance(RARE.dissolvedMoves)) continue;
    const from = unitOf(p.unitId);
    const dest = destination(random, from.district, p.validTo as string, from.id);
    if (!dest) continue;
    p.endKind = 'transfer_out';
    p.endReason = 'CĐCS giải thể, chuyển sinh hoạt';
    moveTo(p, dest, p.validTo as string, 'transfer_in');
  }

  // Transfers between operating CĐCS: a member changes job and takes the membership along.
  const moved = new Set<number>();
  const latest = addDays(opts.today, -30);
  for (let n = 0, tries = 0; n < scaled(RARE.transfers, opts.scale) && tries < 100_000; tries++) {
    const p = periods[random.int(0, initial - 1)] as Period;
    if (p.validTo !== null || moved.has(p.personId) || daysBetween(p.validFrom, latest) < 400) continue;
    const on = randomDate(random, addDays(p.validFrom, 365), latest);
    const dest = destination(random, unitOf(p.unitId).district, on, p.unitId);
    if (!dest) continue;
    p.validTo = on;
    p.endKind = 'transfer_out';
    p.endReason = random.pick(['Chuyển công tác', 'Chuyển nơi làm việc']);
    moveTo(p, dest, on, 'transfer_in');
    moved.add(p.personId);
    n++;
  }

  // Deaths and expulsions among those who left; then some who left come back.
  const leavers = periods.filter(
    (p) => p.endKind === 'withdrawal' && p.endReason !== 'CĐCS giải thể' && !moved.has(p.personId),
  );
  const order = random.shuffle(leavers);
  const deaths = scaled(RARE.deaths, opts.scale);
  const expulsions = scaled(RARE.expulsions, opts.scale);
  order.slice(0, deaths).forEach((p) => {
    p.endKind = 'death';
    p.endReason = 'Từ trần';
  });
  order.slice(deaths, deaths + expulsions).forEach((p) => {
    p.endKind = 'expulsion';
    p.endReason = 'Vi phạm Điều lệ Công đoàn Việt Nam, bị khai trừ';
  });
  let readmitted = 0;
  for (const p of order.slice(deaths + expulsions)) {
    if (readmitted >= scaled(RARE.readmissions, opts.scale)) break;
    const gapFrom = addDays(p.validTo as string, 180);
    if (gapFrom >= latest) continue;
    const on = randomDate(random, gapFrom, latest);
    const home = unitOf(p.unitId);
    const dest = home.to === null && random.chance(0.6) ? home : destination(random, home.district, on, home.id);
    if (!dest) continue;
    moveTo(p, dest, on, 'readmission');
    readmitted++;
  }
}
