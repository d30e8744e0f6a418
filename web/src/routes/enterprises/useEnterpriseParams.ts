import { useMemo } from 'react';
import type { EnterpriseFilter, EnterpriseStatus, Ownership } from '../../api/enterprises.ts';
import { todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { OWNERSHIPS, STATUSES, WORKFORCE_BANDS } from './options.ts';

/** The register's filters as they stand in the address, so a reload or "back" keeps them. */
export type EnterpriseParams = {
  q: string;
  ownership: Ownership | '';
  status: EnterpriseStatus | '';
  zone: number | null;
  band: string;
  /** 'yes': with a CĐCS on the day; 'no': without. */
  union: '' | 'yes' | 'no';
  conflicts: boolean;
  under: number | null;
  asOf: string;
};

const keys = ['q', 'ownership', 'status', 'zone', 'band', 'union', 'conflicts', 'under', 'asOf'] as const;

export function useEnterpriseParams() {
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  const value = useMemo((): EnterpriseParams => {
    const ownership = params.get('ownership') as Ownership;
    const status = params.get('status') as EnterpriseStatus;
    const union = params.get('union');
    return {
      q: params.get('q') ?? '',
      ownership: OWNERSHIPS.includes(ownership) ? ownership : '',
      status: STATUSES.includes(status) ? status : '',
      zone: params.get('zone') ? Number(params.get('zone')) : null,
      band: params.get('band') ?? '',
      union: union === 'yes' || union === 'no' ? union : '',
      conflicts: params.get('conflicts') === '1',
      under: params.get('under') ? Number(params.get('under')) : null,
      asOf: params.get('asOf') ?? today,
    };
  }, [params, today]);

  const set = (patch: Partial<EnterpriseParams>) =>
    setParams(
      (p) => {
        for (const k of keys) {
          if (!(k in patch)) continue;
          const v = patch[k];
          if (v === null || v === undefined || v === '' || v === false || (k === 'asOf' && v === today)) p.delete(k);
          else p.set(k, v === true ? '1' : String(v));
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
export function toFilter(v: EnterpriseParams): EnterpriseFilter {
  const f: EnterpriseFilter = { asOf: v.asOf };
  if (v.q.trim()) f.q = v.q.trim();
  if (v.ownership) f.ownership = v.ownership;
  if (v.status) f.status = v.status;
  if (v.zone) f.zoneId = v.zone;
  const [min, max] = WORKFORCE_BANDS[v.band] ?? [undefined, undefined];
  if (min !== undefined) f.minWorkforce = min;
  if (max !== undefined) f.maxWorkforce = max;
  if (v.union) f.covered = v.union === 'yes' ? 'true' : 'false';
  if (v.conflicts) f.withConflicts = 'true';
  if (v.under) f.under = v.under;
  return f;
}
