/**
 * Member counts at the series' points, put together from per-unit buckets (queries.ts
 * selectUnitBuckets) and the units' versions: a member counts for a sub-unit at a point when their
 * membership covers the point and their CĐCS's version standing that day lies under the sub-unit.
 * Exact at every point (no approximation), in memory over a few thousand units.
 */
import type { BucketRow, VersionRow } from './queries.ts';

export type PointCounts = {
  /** Members per direct sub-unit (or the unit itself) at each point. */
  byChild: Map<number, number[]>;
  /** Members and women per CĐCS at the last point, for those standing under the unit that day. */
  atLast: Map<number, { n: number; women: number; men: number }>;
};

export function countAtPoints(buckets: BucketRow[], versions: VersionRow[], points: string[]): PointCounts {
  const k = points.length;
  // Per unit: the running sum of starts minus ends is its count at each point.
  const perUnit = new Map<number, { n: number[]; women: number[]; men: number[] }>();
  for (const b of buckets) {
    let u = perUnit.get(b.unitId);
    if (!u) {
      u = { n: zeros(k), women: zeros(k), men: zeros(k) };
      perUnit.set(b.unitId, u);
    }
    add(u.n, b, b.n);
    if (b.gender === 'female') add(u.women, b, b.n);
    else if (b.gender === 'male') add(u.men, b, b.n);
  }
  for (const u of perUnit.values()) {
    runningSum(u.n);
    runningSum(u.women);
    runningSum(u.men);
  }
  const byChild = new Map<number, number[]>();
  const atLast = new Map<number, { n: number; women: number; men: number }>();
  for (const v of versions) {
    const u = perUnit.get(v.unitId);
    if (!u) continue;
    let c = byChild.get(v.child);
    if (!c) {
      c = zeros(k);
      byChild.set(v.child, c);
    }
    for (let i = 0; i < k; i++) {
      const p = points[i] as string;
      if (v.validFrom <= p && (v.validTo === null || v.validTo > p)) c[i] = (c[i] ?? 0) + (u.n[i] ?? 0);
    }
    const last = points[k - 1] as string;
    if (v.validFrom <= last && (v.validTo === null || v.validTo > last))
      atLast.set(v.unitId, { n: u.n[k - 1] ?? 0, women: u.women[k - 1] ?? 0, men: u.men[k - 1] ?? 0 });
  }
  return { byChild, atLast };
}

const zeros = (k: number) => new Array<number>(k).fill(0);

/** Start at its bucket, end at its bucket (none when it ends after the last point). */
function add(deltas: number[], b: BucketRow, n: number) {
  deltas[b.start] = (deltas[b.start] ?? 0) + n;
  if (b.end !== null && b.end < deltas.length) deltas[b.end] = (deltas[b.end] ?? 0) - n;
}

function runningSum(xs: number[]) {
  for (let i = 1; i < xs.length; i++) xs[i] = (xs[i] ?? 0) + (xs[i - 1] ?? 0);
}
