/**
 * Where an enterprise of an extract lies, and which union would be in charge of it: its commune
 * (from a code column, commune and district columns, or the tail of its address), its industrial
 * zone, and for a new enterprise the zone union or the district federation of that place.
 */
import { sql } from 'drizzle-orm';
import { foldHeader } from '../../lib/spreadsheet.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { onDay } from '../units/queries.ts';

type AreaRow = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
};

const KINDS = /^(xa|phuong|thi tran|huyen|thanh pho|thi xa|quan|tinh|tp|tx|tt|h|p|x)\s+/;
/** "Xã Nghi Long" -> "nghi long"; "TP. Vinh" -> "vinh". */
export const bare = (name: string) => foldHeader(name).replace(KINDS, '').trim();

export type Places = {
  /** The area code for a row, or null; ambiguous names give null and a warning text. */
  area: (input: { code?: string; commune?: string; district?: string; address?: string }) => {
    code: string | null;
    warning?: { vi: string; en: string };
  };
  zone: (
    text: string | undefined,
    address: string | undefined,
  ) => { id: number; unionId: number | null } | null | 'unknown';
  zoneNames: string[];
  /** The unit that would take charge of a new enterprise there, on the import's day. */
  upperFor: (areaCode: string | null, zone: { unionId: number | null } | null) => number | null;
};

export async function loadPlaces(db: Conn, d: string): Promise<Places> {
  const areas = (
    await run<AreaRow>(
      db,
      sql`select code, name, level, parent_code as "parentCode", valid_from::text as "validFrom", valid_to::text as "validTo" from area`,
    )
  ).rows;
  const zones = (
    await run<{ id: number; name: string; nameFolded: string; unionId: number | null }>(
      db,
      sql`select z.id, z.name, z.name_folded as "nameFolded", v.unit_id as "unionId" from industrial_zone z
          left join unit_version v on v.unit_id = z.zone_union_id and ${onDay('v', d)}`,
    )
  ).rows;
  const federations = (
    await run<{ unitId: number; areaCode: string }>(
      db,
      sql`select unit_id as "unitId", area_code as "areaCode" from unit_version v
          where v.type = 'district_federation' and v.area_code is not null and ${onDay('v', d)}`,
    )
  ).rows;
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const byBare = new Map<string, AreaRow[]>();
  for (const a of areas) {
    const k = `${a.level}|${bare(a.name)}`;
    byBare.set(k, [...(byBare.get(k) ?? []), a]);
  }
  const live = (a: AreaRow) => a.validFrom <= d && (a.validTo === null || a.validTo > d);
  const pick = (list: AreaRow[]) => {
    const onDay = list.filter(live);
    const pool = onDay.length > 0 ? onDay : list;
    return pool.length === 1 ? pool[0] : pool.length > 1 ? 'ambiguous' : undefined;
  };
  const district = (name: string | undefined) => (name ? pick(byBare.get(`district|${bare(name)}`) ?? []) : undefined);
  const commune = (name: string, districtRow: AreaRow | 'ambiguous' | undefined) => {
    const all = byBare.get(`commune|${bare(name)}`) ?? [];
    const inDistrict =
      districtRow && districtRow !== 'ambiguous' ? all.filter((a) => a.parentCode === districtRow.code) : [];
    return pick(inDistrict.length > 0 ? inDistrict : all);
  };
  const fedByDistrict = new Map(federations.map((f) => [f.areaCode, f.unitId]));

  const area: Places['area'] = (input) => {
    if (input.code) {
      const c = input.code.replace(/\D/g, '');
      const hit = byCode.get(c) ?? byCode.get(c.padStart(5, '0'));
      if (hit) return { code: hit.code };
    }
    if (input.commune) {
      const c = commune(input.commune, district(input.district));
      if (c && c !== 'ambiguous') return { code: c.code };
      return {
        code: null,
        warning: {
          vi: `Không xác định được xã/phường «${input.commune}»${c === 'ambiguous' ? ' (trùng tên, cần cột quận/huyện)' : ''}.`,
          en: `Could not place the commune «${input.commune}»${c === 'ambiguous' ? ' (several share the name: add the district)' : ''}.`,
        },
      };
    }
    if (input.district) {
      const dd = district(input.district);
      if (dd && dd !== 'ambiguous') return { code: dd.code };
    }
    if (input.address) {
      // "Số 5, Xã Nghi Long, Huyện Nghi Lộc, Nghệ An": the commune stands before the district.
      const parts = input.address
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean);
      for (let i = parts.length - 1; i >= 0; i--) {
        const dd = district(parts[i]);
        if (dd && dd !== 'ambiguous') {
          const prev = parts[i - 1];
          const c = prev ? commune(prev, dd) : undefined;
          return { code: c && c !== 'ambiguous' ? c.code : dd.code };
        }
      }
      for (let i = parts.length - 1; i >= 0; i--) {
        const c = pick(byBare.get(`commune|${bare(parts[i] as string)}`) ?? []);
        if (c && c !== 'ambiguous' && /^(xa|phuong|thi tran)\b/.test(foldHeader(parts[i] as string)))
          return { code: c.code };
      }
    }
    return { code: null };
  };

  const zoneKey = (t: string) => foldHeader(t).replace(/^(khu cong nghiep|kcn)\s+/, '');
  const zoneKeys = zones.map((z) => ({ z, key: zoneKey(z.name) }));
  const zone: Places['zone'] = (text, address) => {
    if (text) {
      const k = zoneKey(text);
      const hit = zoneKeys.find((x) => x.key === k) ?? zoneKeys.find((x) => k.includes(x.key) || x.key.includes(k));
      return hit ? { id: hit.z.id, unionId: hit.z.unionId } : 'unknown';
    }
    if (address) {
      const a = foldHeader(address);
      const hit = zoneKeys.find((x) => a.includes(`kcn ${x.key}`) || a.includes(`khu cong nghiep ${x.key}`));
      if (hit) return { id: hit.z.id, unionId: hit.z.unionId };
    }
    return null;
  };

  const upperFor: Places['upperFor'] = (areaCode, z) => {
    if (z?.unionId) return z.unionId;
    if (!areaCode) return null;
    const a = byCode.get(areaCode);
    const districtCode =
      a?.level === 'district'
        ? a.code
        : a?.parentCode && byCode.get(a.parentCode)?.level === 'district'
          ? a.parentCode
          : null;
    return districtCode ? (fedByDistrict.get(districtCode) ?? null) : null;
  };

  return { area, zone, zoneNames: zones.map((z) => z.name), upperFor };
}
