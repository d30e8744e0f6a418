/**
 * The grassroots units the register is built on, read back from the database the tree seed wrote:
 * when each existed, what it is (judged from its name), where it sits (its district as of 2023).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';

export type MemberUnit = {
  id: number;
  code: string;
  type: string;
  /** Latest name: what members' employer_name is taken from. */
  name: string;
  /** The parent's latest name (for a member CĐCS, the enterprise it belongs to). */
  parentName: string | null;
  /** First day the unit exists and the day it stops existing (exclusive), or null while it operates. */
  from: string;
  to: string | null;
  /** GSO district code of the unit as of 31/12/2023 (or its first placement, if younger). */
  district: string | null;
  /** Old commune code of the unit (for addresses). */
  areaCode: string | null;
  /** Placed under a zone union (an industrial-zone employer). */
  inZone: boolean;
  /** Commune, district and province of its 2023 area: the address given to its members. */
  address: string | null;
};

type VersionRow = {
  unit_id: number;
  code: string;
  type: string;
  name: string;
  area_code: string | null;
  path: string;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
};

const GRASSROOTS = ['grassroots_union', 'member_grassroots_union', 'trade_association_union'];
const AS_OF = '2023-12-31';

/** Grassroots-type units in id order, with their periods, names and 2023 districts. */
export async function loadMemberUnits(database: Database): Promise<MemberUnit[]> {
  const db = database.db;
  const versions = await run<VersionRow>(
    db,
    sql`select v.unit_id, u.code, v.type, v.name, v.area_code, v.path::text as path, v.parent_id,
               v.valid_from, v.valid_to
        from unit_version v join unit u on u.id = v.unit_id
        where v.unit_id in (select unit_id from unit_version where type in (${sql.join(
          GRASSROOTS.map((t) => sql`${t}`),
          sql`, `,
        )}))
        order by v.unit_id, v.valid_from`,
  );
  // District federations ('40H412') and zone unions: found on a unit's path.
  const uppers = await run<{ id: number; code: string; type: string }>(
    db,
    sql`select distinct u.id, u.code, v.type from unit u join unit_version v on v.unit_id = u.id
        where v.type in ('district_federation', 'zone_union')`,
  );
  const districtOf = new Map<number, string>();
  const zones = new Set<number>();
  for (const u of uppers.rows) {
    if (u.type === 'zone_union') zones.add(u.id);
    else districtOf.set(u.id, u.code.slice(-3));
  }
  const latestNames = await run<{ unit_id: number; name: string }>(
    db,
    sql`select distinct on (unit_id) unit_id, name from unit_version order by unit_id, valid_from desc`,
  );
  const nameOf = new Map(latestNames.rows.map((r) => [r.unit_id, r.name]));
  // A commune's district, for units outside a district federation (sector unions) and for new
  // (post-reform) communes through the commune they succeeded.
  const areas = await run<{ code: string; name: string; parent_code: string | null; level: string }>(
    db,
    sql`select code, name, parent_code, level from area`,
  );
  const areaName = new Map(areas.rows.map((a) => [a.code, a.name]));
  const areaParent = new Map(areas.rows.map((a) => [a.code, a.level === 'commune' ? a.parent_code : null]));
  const successions = await run<{ old_code: string; new_code: string }>(
    db,
    sql`select old_code, new_code from area_succession order by old_code`,
  );
  const oldOf = new Map<string, string>();
  for (const s of successions.rows) if (!oldOf.has(s.new_code)) oldOf.set(s.new_code, s.old_code);
  const areaDistrict = (code: string | null) => {
    if (!code) return null;
    const direct = areaParent.get(code);
    if (direct && direct.length === 3) return direct;
    const old = oldOf.get(code);
    return old ? (areaParent.get(old) ?? null) : null;
  };

  const byUnit = new Map<number, VersionRow[]>();
  for (const v of versions.rows) {
    const list = byUnit.get(v.unit_id) ?? [];
    list.push(v);
    byUnit.set(v.unit_id, list);
  }
  const out: MemberUnit[] = [];
  for (const [id, list] of byUnit) {
    const first = list[0] as VersionRow;
    const last = list[list.length - 1] as VersionRow;
    const asOf =
      list.find((v) => v.valid_from <= AS_OF && (v.valid_to === null || v.valid_to > AS_OF)) ??
      (first.valid_from > AS_OF ? first : last);
    const ids = asOf.path.split('.').map(Number);
    const federation = ids.find((i) => districtOf.has(i));
    const district = federation !== undefined ? (districtOf.get(federation) as string) : areaDistrict(asOf.area_code);
    const commune = asOf.area_code ? areaName.get(asOf.area_code) : undefined;
    const districtName = district ? areaName.get(district) : undefined;
    out.push({
      id,
      code: first.code,
      type: asOf.type,
      name: last.name,
      parentName: asOf.parent_id === null ? null : (nameOf.get(asOf.parent_id) ?? null),
      from: first.valid_from,
      to: last.valid_to,
      district,
      areaCode: asOf.area_code,
      inZone: ids.some((i) => zones.has(i)),
      address: commune && districtName ? `${commune}, ${districtName}, Nghệ An` : null,
    });
  }
  return out.sort((a, b) => a.id - b.id);
}
