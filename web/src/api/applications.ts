import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Application, ApplicationStatus, ProblemKind, QualityReport } from './types.ts';

export type ApplicationFilter = { status?: ApplicationStatus; under?: number };

/** Applications sent to units the officer sees, newest first. */
export function useApplications(filter: ApplicationFilter) {
  return useQuery({
    queryKey: ['applications', 'list', filter],
    queryFn: () => api.get<Application[]>('/applications', { ...filter, limit: 200 }),
    placeholderData: (prev) => prev,
  });
}

/** What a change to an application makes stale: applications, members (an admission makes one), data quality. */
export const applicationViews = ['applications', 'members', 'data-quality'];

export type QualityFilter = { under?: number; kind?: ProblemKind };

/** Member data problems in the officer's scope (or a subtree), with counts per kind. */
export function useDataQuality(filter: QualityFilter) {
  return useQuery({
    queryKey: ['data-quality', filter],
    queryFn: () => api.get<QualityReport>('/data-quality/members', { ...filter }),
    placeholderData: (prev) => prev,
  });
}
