/**
 * Administrative areas of one province for the demo: districts and communes before the 2025
 * reform, the merged communes after it, and which new commune took over each old one.
 * Commune names are generated in each district's style and codes are 5-digit and sequential in
 * district order, from the start the caller gives (16654 for Nghệ An): the official format and
 * range, not the official list.
 */
import { fold } from '../lib/vietnamese.ts';
import type { DistrictConfig, ProvinceConfig } from './config.ts';
import { REFORM_DATE } from './dates.ts';
import { createRandom, deriveSeed } from './random.ts';
import { SYLLABLES } from './words.ts';

/** Areas before this date are not modelled (Nghệ An was re-established in 1991). */
const AREAS_FROM = '1991-08-12';

export type AreaRow = {
  code: string;
  name: string;
  nameFolded: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
};

export type SuccessionRow = { oldCode: string; newCode: string; effectiveOn: string; note: string };

export type Commune = { code: string; name: string; bare: string; isWard: boolean };

export type ProvinceAreas = {
  rows: AreaRow[];
  successions: SuccessionRow[];
  /** Old communes of each district, in order (the seat first). */
  communesByDistrict: Map<string, Commune[]>;
  /** Old commune code -> the new commune that took it over on REFORM_DATE. */
  successorOf: Map<string, Commune>;
  newCommunes: Commune[];
};

const KINDS = ['Thị trấn ', 'Phường ', 'Xã '];

function toCommune(code: string, name: string): Commune {
  const kind = KINDS.find((k) => name.startsWith(k)) ?? '';
  return { code, name, bare: name.slice(kind.length), isWard: kind === 'Phường ' };
}

/** The old commune names of a district: listed, or a district syllable joined with shuffled others. */
function communeNames(district: DistrictConfig, seed: number): string[] {
  const { style } = district;
  const names = district.seat ? [district.seat] : [];
  if ('names' in style) names.push(...style.names);
  else {
    const stem = 'prefix' in style ? style.prefix : style.suffix;
    const words = createRandom(deriveSeed(seed, district.code))
      .shuffle(SYLLABLES)
      .filter((w) => w !== stem);
    for (const w of words) names.push('prefix' in style ? `Xã ${stem} ${w}` : `Xã ${w} ${stem}`);
  }
  if (names.length < district.communes) throw new Error(`district ${district.code}: not enough commune names`);
  return names.slice(0, district.communes);
}

/** Splits a list into n consecutive groups of near-equal size. */
function groups<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++)
    out.push(items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
  return out.filter((g) => g.length > 0);
}

/** Name of a merged commune: given, else the district's name for the first, else a constituent's. */
function newCommuneName(district: DistrictConfig, index: number, members: Commune[], used: Set<string>): string {
  const given = Array.isArray(district.newCommunes) ? district.newCommunes[index] : undefined;
  const candidates = given
    ? [given]
    : [...(index === 0 ? [`Xã ${district.bare}`] : []), ...members.map((c) => `Xã ${c.bare}`)];
  const name = candidates.find((c) => !used.has(c)) ?? `Xã ${members[0]?.bare} ${index + 1}`;
  used.add(name);
  return name;
}

function areaRow(
  code: string,
  name: string,
  level: AreaRow['level'],
  parentCode: string | null,
  validTo: string | null,
  sortOrder: number,
  validFrom = AREAS_FROM,
): AreaRow {
  return { code, name, nameFolded: fold(name), level, parentCode, validFrom, validTo, sortOrder };
}

export type CodeStarts = { commune: number; newCommune: number };

export function buildProvinceAreas(province: ProvinceConfig, starts: CodeStarts, seed: number): ProvinceAreas {
  const rows: AreaRow[] = [areaRow(province.code, province.areaName, 'province', null, null, Number(province.code))];
  const successions: SuccessionRow[] = [];
  const communesByDistrict = new Map<string, Commune[]>();
  const successorOf = new Map<string, Commune>();
  const newCommunes: Commune[] = [];
  const usedNewNames = new Set<string>();
  let communeCode = starts.commune;
  let newCode = starts.newCommune;
  const code5 = (n: number) => String(n).padStart(5, '0');

  province.districts.forEach((district, di) => {
    rows.push(areaRow(district.code, district.name, 'district', province.code, REFORM_DATE, di + 1));
    const communes = communeNames(district, seed).map((name) => toCommune(code5(communeCode++), name));
    communesByDistrict.set(district.code, communes);
    rows.push(...communes.map((c, ci) => areaRow(c.code, c.name, 'commune', district.code, REFORM_DATE, ci + 1)));
    const count = Array.isArray(district.newCommunes) ? district.newCommunes.length : district.newCommunes;
    groups(communes, count).forEach((members, gi) => {
      const merged = toCommune(code5(newCode++), newCommuneName(district, gi, members, usedNewNames));
      newCommunes.push(merged);
      for (const old of members) {
        successorOf.set(old.code, merged);
        successions.push({
          oldCode: old.code,
          newCode: merged.code,
          effectiveOn: REFORM_DATE,
          note: `${old.name} (${district.name}) sáp nhập vào ${merged.name}`,
        });
      }
    });
  });
  rows.push(...newCommunes.map((c, i) => areaRow(c.code, c.name, 'commune', province.code, null, i + 1, REFORM_DATE)));
  return { rows, successions, communesByDistrict, successorOf, newCommunes };
}

/** How many old and new communes a province has, so national code ranges can be laid out first. */
export function communeCounts(province: ProvinceConfig): { old: number; merged: number } {
  let old = 0;
  let merged = 0;
  for (const d of province.districts) {
    old += d.communes;
    merged += Array.isArray(d.newCommunes) ? d.newCommunes.length : d.newCommunes;
  }
  return { old, merged };
}
