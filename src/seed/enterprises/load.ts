/** What the enterprise seed reads back from the tree (and member) seed it builds on. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';
import { DEMO_TODAY } from '../dates.ts';

export type Period = { parentId: number | null; from: string; to: string | null; areaCode: string | null };

export type EnterpriseUnit = {
  id: number;
  /** Latest name, without 'Công đoàn ': the enterprise's name today. */
  name: string;
  periods: Period[];
  dissolvedOn: string | null;
  /** Members on its last day (or today), its member CĐCS included. */
  members: number;
};

export type Area = { code: string; name: string; level: string; parentCode: string | null; sortOrder: number };

export type Context = {
  enterpriseUnits: EnterpriseUnit[];
  federationId: number;
  zoneUnionId: number | null;
  /** District code -> district federation (unit id and the day it ended). */
  districtFederations: Map<string, { id: number; endedOn: string | null }>;
  /** Units that ended (for re-assigning enterprises left in their charge). */
  endedOn: Map<number, string>;
  districts: Area[];
  communesByDistrict: Map<string, Area[]>;
  /** Old commune code -> the new commune that took it over. */
  successor: Map<string, Area>;
};

const ENTERPRISE_NAME = /^Công đoàn (Công ty|Tổng công ty|Doanh nghiệp tư nhân|Hợp tác xã|Chi nhánh|Nhà máy|Xí nghiệp)/;

export async function loadContext(database: Database): Promise<Context> {
  const db = database.db;
  const versions = await run<{
    unitId: number;
    name: string;
    parentId: number | null;
    from: string;
    to: string | null;
    areaCode: string | null;
    dissolvedOn: string | null;
  }>(
    db,
    sql`select v.unit_id as "unitId", v.name, v.parent_id as "parentId", v.valid_from::text as "from", v.valid_to::text as "to",
          v.area_code as "areaCode", u.dissolved_on::text as "dissolvedOn"
        from unit_version v join unit u on u.id = v.unit_id
        where v.type = 'grassroots_union' order by v.unit_id, v.valid_from`,
  );
  const byUnit = new Map<number, typeof versions.rows>();
  for (const v of versions.rows) byUnit.set(v.unitId, [...(byUnit.get(v.unitId) ?? []), v]);
  // Members on each CĐCS's last day (today for those still operating), member CĐCS rolled up.
  const members = await run<{ unitId: number; n: number }>(
    db,
    sql`select m.unit_id as "unitId", count(*)::int as n from membership m join unit u on u.id = m.unit_id
        where m.valid_from <= coalesce(u.dissolved_on - 1, ${DEMO_TODAY}::date)
          and (m.valid_to is null or m.valid_to > coalesce(u.dissolved_on - 1, ${DEMO_TODAY}::date))
        group by m.unit_id`,
  );
  const memberUnits = await run<{ unitId: number; parentId: number }>(
    db,
    sql`select distinct unit_id as "unitId", parent_id as "parentId" from unit_version where type = 'member_grassroots_union'`,
  );
  const memberCount = new Map(members.rows.map((r) => [r.unitId, r.n]));
  for (const m of memberUnits.rows)
    memberCount.set(m.parentId, (memberCount.get(m.parentId) ?? 0) + (memberCount.get(m.unitId) ?? 0));
  const enterpriseUnits: EnterpriseUnit[] = [];
  for (const [id, list] of byUnit) {
    const last = list[list.length - 1] as (typeof list)[number];
    if (!ENTERPRISE_NAME.test(last.name)) continue;
    enterpriseUnits.push({
      id,
      name: last.name.replace(/^Công đoàn /, ''),
      periods: list.map((v) => ({ parentId: v.parentId, from: v.from, to: v.to, areaCode: v.areaCode })),
      dissolvedOn: last.dissolvedOn,
      members: memberCount.get(id) ?? 0,
    });
  }
  const uppers = await run<{ id: number; type: string; areaCode: string | null; dissolvedOn: string | null }>(
    db,
    sql`select distinct on (u.id) u.id, v.type, v.area_code as "areaCode", u.dissolved_on::text as "dissolvedOn"
        from unit u join unit_version v on v.unit_id = u.id
        where v.type in ('provincial_federation', 'district_federation', 'zone_union', 'sector_union')
        order by u.id, v.valid_from desc`,
  );
  const federation = uppers.rows.find((u) => u.type === 'provincial_federation');
  if (!federation) throw new Error('the enterprise seed needs the provincial federation');
  const districtFederations = new Map<string, { id: number; endedOn: string | null }>();
  const endedOn = new Map<number, string>();
  for (const u of uppers.rows) {
    if (u.type === 'district_federation' && u.areaCode)
      districtFederations.set(u.areaCode, { id: u.id, endedOn: u.dissolvedOn });
    if (u.dissolvedOn) endedOn.set(u.id, u.dissolvedOn);
  }
  const areas = await run<Area>(
    db,
    sql`select code, name, level, parent_code as "parentCode", sort_order as "sortOrder" from area order by sort_order, code`,
  );
  const byCode = new Map(areas.rows.map((a) => [a.code, a]));
  const communesByDistrict = new Map<string, Area[]>();
  for (const a of areas.rows)
    if (a.level === 'commune' && a.parentCode && byCode.get(a.parentCode)?.level === 'district')
      communesByDistrict.set(a.parentCode, [...(communesByDistrict.get(a.parentCode) ?? []), a]);
  const successions = await run<{ oldCode: string; newCode: string }>(
    db,
    sql`select old_code as "oldCode", new_code as "newCode" from area_succession`,
  );
  const successor = new Map<string, Area>();
  for (const s of successions.rows) {
    const next = byCode.get(s.newCode);
    if (next) successor.set(s.oldCode, next);
  }
  return {
    enterpriseUnits,
    federationId: federation.id,
    zoneUnionId: uppers.rows.find((u) => u.type === 'zone_union')?.id ?? null,
    districtFederations,
    endedOn,
    districts: areas.rows.filter((a) => a.level === 'district'),
    communesByDistrict,
    successor,
  };
}
