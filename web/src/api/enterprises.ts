import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignInput,
  ConflictKind,
  ConflictView,
  CoverageSummary,
  CreateInput,
  conflictList,
  Detail,
  EnterpriseStatus,
  FactInput,
  FactSource,
  GapItem,
  gapList,
  ListItem,
  ListQuery,
  listSchema,
  Ownership,
  PatchInput,
  ResolveInput,
  zoneSchema,
} from '../../../src/modules/enterprises/schema.ts';
import { api } from './client.ts';

export type {
  AssignInput,
  ConflictKind,
  ConflictView,
  CoverageSummary,
  CreateInput,
  Detail as EnterpriseDetail,
  EnterpriseStatus,
  FactInput,
  FactSource,
  GapItem,
  ListItem as EnterpriseListItem,
  Ownership,
  PatchInput,
};
export type EnterpriseList = z.infer<typeof listSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type ConflictList = z.infer<typeof conflictList>;
export type GapList = z.infer<typeof gapList>;

/** The list's filters as sent (booleans as the strings the query schema reads); the cursor is the hook's. */
export type EnterpriseFilter = Partial<
  Omit<ListQuery, 'after' | 'limit' | 'covered' | 'withConflicts'> & {
    covered: 'true' | 'false';
    withConflicts: 'true';
  }
>;

const PAGE = 50;

/** The register page by page: each page's `next` is the following page's `after`. */
export function useEnterprises(filter: EnterpriseFilter) {
  return useInfiniteQuery({
    queryKey: ['enterprises', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<EnterpriseList>('/enterprises', { ...filter, limit: PAGE, after: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: (prev) => prev,
  });
}

export function useEnterprise(id: number, asOf?: string) {
  return useQuery({
    queryKey: ['enterprises', 'detail', id, asOf ?? null],
    queryFn: () => api.get<Detail>(`/enterprises/${id}`, { asOf }),
  });
}

export function useZones() {
  return useQuery({
    queryKey: ['enterprises', 'zones'],
    queryFn: () => api.get<Zone[]>('/enterprises/zones'),
    staleTime: 60 * 60_000,
  });
}

/**
 * A change to the register: every enterprise view, coverage and the drives board (which shows
 * workforce) are refetched after it.
 */
export function useEnterpriseWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onDone?: (result: TResult) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await invalidateEnterprises(qc);
      onDone?.(result);
    },
  });
}

export const invalidateEnterprises = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: ['enterprises'] }),
    qc.invalidateQueries({ queryKey: ['coverage'] }),
    qc.invalidateQueries({ queryKey: ['drives'] }),
  ]);

export const createEnterprise = (input: CreateInput) => api.post<Detail>('/enterprises', input);
export const patchEnterprise = (id: number, input: PatchInput) => api.patch<Detail>(`/enterprises/${id}`, input);
export const recordFact = (id: number, input: FactInput) => api.post<Detail>(`/enterprises/${id}/facts`, input);
export const assignUpper = (id: number, input: AssignInput) => api.post<Detail>(`/enterprises/${id}/assignment`, input);

export type ConflictFilter = {
  status: 'open' | 'accepted' | 'kept' | 'all';
  kind?: ConflictKind;
  under?: number;
  enterpriseId?: number;
};

export function useConflicts(filter: ConflictFilter) {
  return useInfiniteQuery({
    queryKey: ['enterprises', 'conflicts', filter],
    queryFn: ({ pageParam }) =>
      api.get<ConflictList>('/enterprises/conflicts', { ...filter, limit: PAGE, after: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    placeholderData: (prev) => prev,
  });
}

export const resolveConflict = ({ id, ...body }: ResolveInput & { id: number }) =>
  api.post<ConflictView>(`/enterprises/conflicts/${id}/resolve`, body);

export function useCoverage(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ['coverage', 'summary', unitId, asOf],
    queryFn: () => api.get<CoverageSummary>('/enterprises/coverage', { unitId, asOf }),
    enabled: unitId !== null,
    placeholderData: (prev) => prev,
  });
}

export function useCoverageGaps(unitId: number | null, asOf: string) {
  return useInfiniteQuery({
    queryKey: ['coverage', 'gaps', unitId, asOf],
    queryFn: ({ pageParam }) =>
      api.get<GapList>('/enterprises/coverage/gaps', { unitId, asOf, limit: PAGE, after: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: unitId !== null,
    placeholderData: (prev) => prev,
  });
}

/** The address of the ranked gap list as .xlsx (the browser downloads it with the session cookie). */
export const gapsXlsxUrl = (unitId: number, asOf: string) =>
  `/api/v1/enterprises/coverage/gaps.xlsx?unitId=${unitId}&asOf=${asOf}`;

/** How many pages of 500 the per-area figures may read before they say they are partial. */
const AREA_PAGES = 20;

/**
 * Every operating enterprise of 25+ workers under a unit on a day, with its area and whether it has
 * a CĐCS: the coverage API gives no per-area figures, so the map sums them from the register list.
 */
export function useTargetEnterprises(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ['coverage', 'target-list', unitId, asOf],
    enabled: unitId !== null,
    queryFn: async () => {
      const items: ListItem[] = [];
      let after: string | null = null;
      for (let page = 0; page < AREA_PAGES; page++) {
        const res: EnterpriseList = await api.get<EnterpriseList>('/enterprises', {
          under: unitId,
          asOf,
          status: 'operating',
          minWorkforce: 25,
          limit: 500,
          after: after ?? undefined,
        });
        items.push(...res.items);
        after = res.next;
        if (!after) return { items, complete: true };
      }
      return { items, complete: false };
    },
  });
}
