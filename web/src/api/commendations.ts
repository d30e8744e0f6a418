import { useQuery } from '@tanstack/react-query';
import type { Commendations } from '../../../src/modules/plans/schema.ts';
import { api } from './client.ts';

export type { Commendations };

/** Who met every target they were given, and who founded CĐCS, as of a day: a proposal's start. */
export function useCommendations(planId: number, asOf: string, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'commendations', planId, asOf],
    queryFn: () => api.get<Commendations>(`/plans/${planId}/commendations`, { asOf }),
    enabled,
  });
}
