import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../src/modules/dashboard/schema.ts';
import type { PlanView, Progress } from '../../../src/modules/plans/schema.ts';
import { ApiError, api } from './client.ts';

export type { Dashboard, PlanView, Progress };

/** A unit's dashboard on a day; no unit means the caller's own top unit (the server chooses). */
export function useDashboard(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ['dashboard', unitId, asOf],
    queryFn: () => api.get<Dashboard>('/dashboard', { unitId, asOf }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The progress of the unit's plan targets, when a plan exists: the plans API may be missing (404)
 * or have no plan for the unit; both mean "nothing to show", not an error on the dashboard.
 */
export function usePlanProgress(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ['dashboard', 'plan-progress', unitId, asOf],
    enabled: unitId !== null,
    retry: false,
    queryFn: async (): Promise<Progress | null> => {
      try {
        const plans = await api.get<{ items: PlanView[] }>('/plans', { unitId });
        // The plan running on the day, else the latest one begun by then (the list is newest first).
        const current =
          plans.items.find((p) => p.startsOn <= asOf && asOf <= p.endsOn) ??
          plans.items.find((p) => p.startsOn <= asOf);
        if (!current || current.targets.length === 0) return null;
        return await api.get<Progress>(`/plans/${current.id}/progress`, { unitId, asOf });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return null;
        throw err;
      }
    },
  });
}
