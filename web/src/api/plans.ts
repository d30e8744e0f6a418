import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { measures } from '../../../src/modules/plans/measures.ts';
import type {
  AllocationInput,
  AllocationTable,
  createPlanBody,
  granularities,
  PlanView,
  Progress,
  ProgressFigure,
  progressStatuses,
  TargetView,
  targetBody,
} from '../../../src/modules/plans/schema.ts';
import { ApiError, api, refreshCsrf, storedLang } from './client.ts';

export type { AllocationInput, AllocationTable, PlanView, Progress, ProgressFigure, TargetView };
export type Measure = (typeof measures)[number];
export type Granularity = (typeof granularities)[number];
export type ProgressStatus = (typeof progressStatuses)[number];
export type CreatePlanBody = z.input<typeof createPlanBody>;
export type TargetBody = z.input<typeof targetBody>;

export const MEASURES: readonly Measure[] = ['member_count', 'new_members', 'new_grassroots_unions', 'coverage_rate'];
export const GRANULARITIES: readonly Granularity[] = ['all', 'year', 'quarter', 'month'];

/** Every plan view: a write to a plan or a table changes lists, tables and progress alike. */
export const planViews = ['plans'];

export function usePlans(unitId: number | null) {
  return useQuery({
    queryKey: ['plans', 'list', unitId],
    queryFn: () => api.get<{ items: PlanView[] }>('/plans', { unitId }),
    placeholderData: (prev) => prev,
  });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api.get<PlanView>(`/plans/${id}`) });
}

/** unitId null: the unit the server picks (the plan's owner, or the caller's own unit under it). */
export function useProgress(planId: number, unitId: number | null, asOf: string, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'progress', planId, unitId, asOf],
    queryFn: () => api.get<Progress>(`/plans/${planId}/progress`, { unitId, asOf }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useAllocation(targetId: number | null, unitId: number | null, granularity: Granularity) {
  return useQuery({
    queryKey: ['plans', 'allocation', targetId, unitId, granularity],
    queryFn: () => api.get<AllocationTable>(`/targets/${targetId}/allocation`, { unitId, granularity }),
    enabled: targetId !== null && unitId !== null,
  });
}

export const createPlan = (body: CreatePlanBody) => api.post<PlanView>('/plans', body);
export const addTarget = (planId: number, body: TargetBody) => api.post<PlanView>(`/plans/${planId}/targets`, body);
export const saveAllocation = (targetId: number, body: AllocationInput) =>
  put<{ changed: number }>(`/targets/${targetId}/allocation`, body);

/** The table as .xlsx, for the same unit and periods as on screen. */
export const allocationXlsxUrl = (targetId: number, unitId: number, granularity: Granularity) =>
  `/api/v1/targets/${targetId}/allocation.xlsx?${new URLSearchParams({ unitId: String(unitId), granularity })}`;
/** A filled-in table (.xlsx or .csv) back: all its cells or none, problems named by row and column. */
export const uploadAllocation = (targetId: number, file: File, unitId: number, granularity: Granularity) =>
  api.upload<{ changed: number }>(`/targets/${targetId}/allocation.xlsx`, file, {
    unitId,
    granularity,
    fileName: file.name,
  });

/** The shared client has no PUT; this one sends JSON with a fresh CSRF token, once more if it was refused. */
async function put<T>(path: string, body: unknown): Promise<T> {
  const send = async () =>
    fetch(`/api/v1${path}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': storedLang() ?? 'vi',
        'x-csrf-token': await refreshCsrf(),
      },
      body: JSON.stringify(body),
    });
  let res = await send();
  if (res.status === 403) res = await send();
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. a proxy error page): keep the status only
  }
  if (!res.ok) throw new ApiError(res.status, (json ?? {}) as object);
  return json as T;
}
