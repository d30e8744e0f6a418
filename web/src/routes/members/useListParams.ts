import { useMemo } from 'react';
import type { MemberFilter } from '../../api/members.ts';
import { todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { AGE_BANDS } from './options.ts';

/** The list's filters as they stand in the address, so a reload or "back" keeps them. */
export type ListParams = {
  q: string;
  status: 'active' | 'ended' | 'all';
  gender: '' | 'male' | 'female';
  age: string;
  ethnicity: string;
  from: string;
  to: string;
  under: number | null;
  asOf: string;
};

const keys = ['q', 'status', 'gender', 'age', 'ethnicity', 'from', 'to', 'under', 'asOf'] as const;

export function useListParams() {
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  const value = useMemo((): ListParams => {
    const status = params.get('status');
    const gender = params.get('gender');
    return {
      q: params.get('q') ?? '',
      status: status === 'ended' || status === 'all' ? status : 'active',
      gender: gender === 'male' || gender === 'female' ? gender : '',
      age: params.get('age') ?? '',
      ethnicity: params.get('ethnicity') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      under: params.get('under') ? Number(params.get('under')) : null,
      asOf: params.get('asOf') ?? today,
    };
  }, [params, today]);

  const set = (patch: Partial<ListParams>) =>
    setParams(
      (p) => {
        for (const k of keys) {
          if (!(k in patch)) continue;
          const v = patch[k];
          const dflt = k === 'status' ? 'active' : k === 'asOf' ? today : '';
          if (v === null || v === undefined || v === '' || v === dflt) p.delete(k);
          else p.set(k, String(v));
        }
        return p;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const filtered = keys.some((k) => k !== 'q' && k !== 'asOf' && params.has(k));
  return { value, set, clear, filtered };
}

/** What the API is asked for these filters. */
export function toFilter(v: ListParams): MemberFilter {
  const [ageMin, ageMax] = AGE_BANDS[v.age] ?? [undefined, undefined];
  const f: MemberFilter = { status: v.status, asOf: v.asOf };
  if (v.q.trim()) f.q = v.q.trim();
  if (v.gender) f.gender = v.gender;
  if (v.ethnicity) f.ethnicity = v.ethnicity;
  if (ageMin !== undefined) f.ageMin = ageMin;
  if (ageMax !== undefined) f.ageMax = ageMax;
  if (v.from) f.admittedFrom = v.from;
  if (v.to) f.admittedTo = v.to;
  if (v.under) f.under = v.under;
  return f;
}
