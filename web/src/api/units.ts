import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { viCollator } from '../lib/format.ts';
import { api } from './client.ts';
import type { Children, UnitDetail, UnitList, UnitSearchItem, UnitType } from './types.ts';

/** What a change to the tree makes stale: every unit view (tree, search, pages). */
export const unitViews = ['units'];

export function useUnitTypes() {
  return useQuery({
    queryKey: ['unit-types'],
    queryFn: () => api.get<UnitType[]>('/unit-types'),
    staleTime: 60 * 60_000,
  });
}

/** Unit types by code, for badges and labels. */
export function useUnitTypeMap(): Map<string, UnitType> {
  const { data } = useUnitTypes();
  return useMemo(() => new Map((data ?? []).map((t) => [t.code, t])), [data]);
}

/** Upper units first (sector, zone, commune unions…), then grassroots ones; names in Vietnamese order. */
export function useSortedUnits<T extends { type: string; name: string }>(units: T[] | undefined): T[] {
  const types = useUnitTypeMap();
  return useMemo(() => {
    const rank = (u: T) => types.get(u.type)?.sortOrder ?? 999;
    return [...(units ?? [])].sort((a, b) => rank(a) - rank(b) || viCollator.compare(a.name, b.name));
  }, [units, types]);
}

export function useRoots(asOf: string) {
  return useQuery({
    queryKey: ['units', 'roots', asOf],
    queryFn: () => api.get<Children>('/units/roots', { asOf }),
  });
}

export function useChildren(id: number, asOf: string, enabled: boolean) {
  return useQuery({
    queryKey: ['units', 'children', id, asOf],
    queryFn: () => api.get<Children>(`/units/${id}/children`, { asOf }),
    enabled,
  });
}

export function useUnitSearch(q: string, asOf: string, limit = 20) {
  return useQuery({
    queryKey: ['units', 'search', q, asOf, limit],
    queryFn: () => api.get<UnitList>('/units', { q, asOf, limit }),
    enabled: q.trim().length >= 2,
    placeholderData: (prev) => prev,
  });
}

export function useUnit(id: number, asOf: string, enabled = true) {
  return useQuery({
    queryKey: ['units', 'detail', id, asOf],
    queryFn: () => api.get<UnitDetail>(`/units/${id}`, { asOf }),
    enabled,
  });
}

/** A unit's page data in the shape a UnitPicker holds (e.g. a unit passed in the address). */
export function useUnitAsItem(id: number | null, asOf: string): UnitSearchItem | null {
  const { data } = useUnit(id ?? 0, asOf, id !== null);
  return useMemo(() => (data ? { ...data, ancestry: data.ancestors.map((a) => a.name) } : null), [data]);
}
