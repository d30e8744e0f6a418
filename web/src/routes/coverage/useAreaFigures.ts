import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { EnterpriseListItem } from '../../api/enterprises.ts';
import type { TracedDistrict } from '../../api/types.ts';

type Area = { code: string; name: string; level: string; parentCode: string | null };

/** Coverage figures of one area: target enterprises (operating, 25+ workers), those with a CĐCS. */
export type AreaFigure = { code: string; name: string; target: number; covered: number; uncovered: number };
export type DistrictFigure = AreaFigure & { communes: AreaFigure[] };

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: 60 * 60_000 };

/**
 * Groups the target enterprises by district, and within a district by commune. An enterprise's
 * commune code is either one from before the 2025 reform (its district is its parent) or a merged
 * one (parented to the province): those are traced to the district most of their predecessors
 * belonged to. Codes that match no area land in `unplaced`.
 */
export function useAreaFigures(items: EnterpriseListItem[] | undefined) {
  const communes = useQuery({
    queryKey: ['areas', 'level', 'commune'],
    queryFn: () => api.get<Area[]>('/areas', { level: 'commune', limit: 1000 }),
    ...forever,
  });
  const districts = useQuery({
    queryKey: ['areas', 'level', 'district'],
    queryFn: () => api.get<Area[]>('/areas', { level: 'district', limit: 1000 }),
    ...forever,
  });
  const districtByCode = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d])), [districts.data]);
  const communeByCode = useMemo(() => new Map((communes.data ?? []).map((c) => [c.code, c])), [communes.data]);

  // Merged communes (2025): the district most of their predecessors lay in, for all in one read.
  const traced = useQuery({
    queryKey: ['areas', 'traced-districts'],
    queryFn: () => api.get<TracedDistrict[]>('/areas/traced-districts'),
    ...forever,
  });

  return useMemo(() => {
    const districtOf = new Map((traced.data ?? []).map((t) => [t.code, t.districtCode]));
    const byDistrict = new Map<string, DistrictFigure>();
    const unplaced: AreaFigure = { code: '', name: '', target: 0, covered: 0, uncovered: 0 };
    const add = (f: AreaFigure, covered: boolean) => {
      f.target++;
      if (covered) f.covered++;
      else f.uncovered++;
    };
    for (const e of items ?? []) {
      const covered = e.grassroots !== null;
      const code = e.areaCode ?? '';
      const commune = communeByCode.get(code);
      const dCode = districtByCode.has(code)
        ? code
        : commune
          ? districtByCode.has(commune.parentCode ?? '')
            ? commune.parentCode
            : districtOf.get(code)
          : undefined;
      const district = dCode ? districtByCode.get(dCode) : undefined;
      if (!district) {
        add(unplaced, covered);
        continue;
      }
      let d = byDistrict.get(district.code);
      if (!d) {
        d = { code: district.code, name: district.name, target: 0, covered: 0, uncovered: 0, communes: [] };
        byDistrict.set(district.code, d);
      }
      add(d, covered);
      if (commune) {
        let c = d.communes.find((x) => x.code === commune.code);
        if (!c) {
          c = { code: commune.code, name: commune.name, target: 0, covered: 0, uncovered: 0 };
          d.communes.push(c);
        }
        add(c, covered);
      }
    }
    const pending = communes.isPending || districts.isPending || traced.isPending;
    return { districts: [...byDistrict.values()], unplaced, pending };
  }, [items, communeByCode, districtByCode, traced.data, traced.isPending, communes.isPending, districts.isPending]);
}
