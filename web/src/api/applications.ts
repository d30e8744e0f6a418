import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** A change to an application: applications and members (an admission makes one) are refetched. */
export function useApplicationWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onDone: (result: TResult) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['applications'] }),
        qc.invalidateQueries({ queryKey: ['members'] }),
        qc.invalidateQueries({ queryKey: ['data-quality'] }),
      ]);
      onDone(result);
    },
  });
}

export type QualityFilter = { under?: number; kind?: ProblemKind };

/** Member data problems in the officer's scope (or a subtree), with counts per kind. */
export function useDataQuality(filter: QualityFilter) {
  return useQuery({
    queryKey: ['data-quality', filter],
    queryFn: () => api.get<QualityReport>('/data-quality/members', { ...filter }),
    placeholderData: (prev) => prev,
  });
}
