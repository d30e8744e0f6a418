/**
 * One demo person: who they are (name, birth, gender, people, religion) and their identifiers,
 * drawn to fit the workplace and the district; identifiers are valid for lib/ids.ts and unique.
 */
import type { person } from '../../db/schema/members.ts';
import { citizenIdCenturyDigit } from '../../lib/ids.ts';
import { fold, personSortKey } from '../../lib/vietnamese.ts';
import type { Random } from '../random.ts';
import { type Ethnicity, type Gender, personName, pickWeighted } from './names.ts';
import type { Profile } from './profiles.ts';
import type { MemberUnit } from './units.ts';

export type PersonRow = typeof person.$inferInsert & { id: number; birthDate: string; gender: Gender };

// Minority share of members by district (western districts), and which peoples, weighted.
const MINORITIES: Record<string, [share: number, peoples: [Ethnicity, number][]]> = {
  '418': [
    0.8,
    [
      ['Mông', 40],
      ['Khơ Mú', 35],
      ['Thái', 25],
    ],
  ], // Kỳ Sơn
  '419': [
    0.72,
    [
      ['Thái', 70],
      ['Khơ Mú', 14],
      ['Mông', 10],
      ['Ơ Đu', 6],
    ],
  ], // Tương Dương
  '416': [
    0.75,
    [
      ['Thái', 88],
      ['Mông', 8],
      ['Khơ Mú', 4],
    ],
  ], // Quế Phong
  '417': [
    0.68,
    [
      ['Thái', 95],
      ['Mông', 5],
    ],
  ], // Quỳ Châu
  '423': [
    0.5,
    [
      ['Thái', 85],
      ['Khơ Mú', 10],
      ['Ơ Đu', 5],
    ],
  ], // Con Cuông
  '421': [
    0.42,
    [
      ['Thái', 85],
      ['Thổ', 15],
    ],
  ], // Quỳ Hợp
  '420': [
    0.15,
    [
      ['Thổ', 60],
      ['Thái', 40],
    ],
  ], // Nghĩa Đàn
  '424': [
    0.1,
    [
      ['Thổ', 70],
      ['Thái', 30],
    ],
  ], // Tân Kỳ
};

// Catholic parishes are dense along the coast and the plain south of Vinh.
const CATHOLIC: Record<string, number> = {
  '430': 0.14,
  '432': 0.12,
  '427': 0.12,
  '426': 0.1,
  '422': 0.1,
  '412': 0.05,
  '433': 0.06,
};

/** Identifiers already handed out: random draws must not collide by chance (only planted ones do). */
export type Issued = { citizenIds: Set<string>; legacy: Set<string>; insurance: Set<string>; phones: Set<string> };

export function createIssued(): Issued {
  return { citizenIds: new Set(), legacy: new Set(), insurance: new Set(), phones: new Set() };
}

function digits(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(random.int(0, 9));
  return s;
}

function unique(set: Set<string>, make: () => string): string {
  let v = make();
  while (set.has(v)) v = make();
  set.add(v);
  return v;
}

const OTHER_BIRTH_PROVINCES = ['038', '042', '001', '079', '044', '037', '034', '036', '045'];

export function makeCitizenId(random: Random, issued: Issued, birthYear: number, gender: Gender): string {
  const province = random.chance(0.93) ? '040' : random.pick(OTHER_BIRTH_PROVINCES);
  const head = `${province}${citizenIdCenturyDigit(birthYear, gender)}${String(birthYear % 100).padStart(2, '0')}`;
  return unique(issued.citizenIds, () => `${head}${digits(random, 6)}`);
}

const MOBILE_PREFIXES = ['32', '33', '34', '35', '36', '37', '38', '39', '56', '58', '70', '76', '77', '78', '79'];
const MOBILE_PREFIXES_2 = ['81', '82', '83', '84', '85', '86', '88', '89', '90', '91', '93', '94', '96', '97', '98'];

function normal(random: Random): number {
  // Sum of three uniforms: close enough to a bell curve for ages, and cheap.
  return (random.next() + random.next() + random.next() - 1.5) * 2;
}

export type PersonContext = {
  id: number;
  unit: MemberUnit;
  profile: Profile;
  employerName: string | null;
  address: string | null;
  /** Today in the demo world: ages and the youth union follow it. */
  today: string;
  /** Latest allowed birth year (an admission date 18 years later must still fit). */
  bornBy: number;
};

const nameKeys = new Map<string, [string, string]>();

export function makePerson(random: Random, issued: Issued, ctx: PersonContext): PersonRow {
  const { profile, unit } = ctx;
  const gender: Gender = random.chance(profile.women) ? 'female' : 'male';
  const birthYear = Math.max(
    1965,
    Math.min(ctx.bornBy, 2005, Math.round(profile.born[0] + normal(random) * profile.born[1])),
  );
  const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const minority = MINORITIES[unit.district ?? ''];
  // Industrial-zone factories draw workers from the whole province, schools in the west partly from the plain.
  const minorityShare = minority ? minority[0] * (profile.publicBody ? 0.75 : 1) : 0.008;
  const ethnicity: Ethnicity = random.chance(minorityShare)
    ? minority
      ? (minority[1][random.weighted(minority[1].map((p) => p[1]))] as [Ethnicity, number])[0]
      : 'Thái'
    : 'Kinh';
  const fullName = personName(random, gender, ethnicity, birthYear);
  let keys = nameKeys.get(fullName);
  if (!keys) {
    keys = [fold(fullName), personSortKey(fullName)];
    nameKeys.set(fullName, keys);
  }
  const catholic = ethnicity === 'Kinh' ? (CATHOLIC[unit.district ?? ''] ?? 0.02) : 0.005;
  const r = random.next();
  const religion = r < catholic ? 'Công giáo' : r < catholic + 0.04 ? 'Phật giáo' : random.chance(0.5) ? 'Không' : null;

  // About 3% have no CCCD on file; half of those only the old 9-digit card (older people).
  const noCitizenId = random.chance(0.03);
  const citizenId = noCitizenId ? null : makeCitizenId(random, issued, birthYear, gender);
  const legacyOnly = noCitizenId && birthYear < 1995 && random.chance(0.5);
  const legacyIdNo =
    legacyOnly || (citizenId && birthYear < 1990 && random.chance(0.25))
      ? unique(issued.legacy, () => `18${random.int(6, 8)}${digits(random, 6)}`)
      : null;
  const insured = random.chance(profile.publicBody ? 0.97 : profile.kind === 'association' ? 0.2 : 0.85);
  const socialInsuranceNo = insured ? unique(issued.insurance, () => `40${digits(random, 8)}`) : null;
  const phone = random.chance(0.85)
    ? unique(
        issued.phones,
        () => `+84${random.pick(random.chance(0.5) ? MOBILE_PREFIXES : MOBILE_PREFIXES_2)}${digits(random, 7)}`,
      )
    : null;
  const email = random.chance(profile.publicBody ? 0.5 : 0.15)
    ? `${keys[0].split(' ').reverse().join('.')}${random.int(1, 999)}@gmail.com`
    : null;
  const age = Number(ctx.today.slice(0, 4)) - birthYear;
  return {
    id: ctx.id,
    fullName,
    nameFolded: keys[0],
    sortKey: keys[1],
    birthDate,
    gender,
    ethnicity,
    religion,
    citizenId,
    legacyIdNo,
    socialInsuranceNo,
    phone,
    email,
    address: ctx.address,
    education: pickWeighted(random, profile.education),
    occupation: pickWeighted(random, profile.occupations),
    employerName: ctx.employerName,
    partyMember: random.chance(profile.party * (age < 30 ? 0.2 : 0.8)),
    youthUnionMember: age <= 30 && random.chance(0.7),
  };
}
