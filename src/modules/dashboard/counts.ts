/**
 * Member counts at the series' points, put together from per-unit counts at each point
 * (members/snapshots.ts countsOnDays) and the units' versions: a member counts for a sub-unit at a
 * point when their CĐCS's version standing that day lies under the sub-unit. Exact at every point,
 * in memory over a few thousand units.
 */
import type { DayCount } from '../members/snapshots.ts';
import type { VersionRow } from './queries.ts';

export type PointCounts = {
  /** Members per direct sub-unit (or the unit itself) at each point. */
  byChild: Map<number, number[]>;
  /** Members, women, men and age bands per CĐCS at the last point, for those standing under the unit that day. */
  atLast: Map<number, DayCount>;
};

export function countAtPoints(counts: DayCount[], versions: VersionRow[], points: string[]): PointCounts {
  const k = points.length;
  const last = points[k - 1] as string;
  const index = new Map(points.map((p, i) => [p, i]));
  const perUnit = new Map<number, { n: number[]; last: DayCount | undefined }>();
  for (const c of counts) {
    const i = index.get(c.day);
    if (i === undefined) continue;
    let u = perUnit.get(c.unitId);
    if (!u) {
      u = { n: new Array<number>(k).fill(0), last: undefined };
      perUnit.set(c.unitId, u);
    }
    u.n[i] = c.n;
    if (i === k - 1) u.last = c;
  }
  const byChild = new Map<number, number[]>();
  const atLast = new Map<number, DayCount>();
  for (const v of versions) {
    const u = perUnit.get(v.unitId);
    if (!u) continue;
    let c = byChild.get(v.child);
    if (!c) {
      c = new Array<number>(k).fill(0);
      byChild.set(v.child, c);
    }
    for (let i = 0; i < k; i++) {
      const p = points[i] as string;
      if (v.validFrom <= p && (v.validTo === null || v.validTo > p)) c[i] = (c[i] ?? 0) + (u.n[i] ?? 0);
    }
    if (u.last && v.validFrom <= last && (v.validTo === null || v.validTo > last)) atLast.set(v.unitId, u.last);
  }
  return { byChild, atLast };
}
