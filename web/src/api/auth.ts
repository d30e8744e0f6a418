import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, refreshCsrf } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in (the server answers 401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/auth/login', input),
    onSuccess: async (me) => {
      // The session changed, so the token bound to it did too.
      await refreshCsrf().catch(() => undefined);
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    onSettled: async () => {
      qc.setQueryData(meKey, null);
      // Nothing the last user saw may linger for the next one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      await refreshCsrf().catch(() => undefined);
    },
  });
}

export function saveLocale(locale: 'vi' | 'en') {
  return api.patch<unknown>('/auth/me', { locale });
}
