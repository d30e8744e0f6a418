import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Card, ECard, MemberCount, MemberDetail, MemberList, MemberListQuery, Verification } from './types.ts';

/** The list's filters as sent; the cursor is handled by the hook. */
export type MemberFilter = Partial<Omit<MemberListQuery, 'after' | 'limit'>>;

const PAGE = 50;

/** Members page by page: each page's `next` cursor is the following page's `after`. */
export function useMembers(filter: MemberFilter) {
  return useInfiniteQuery({
    queryKey: ['members', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<MemberList>('/members', { ...filter, limit: PAGE, after: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: (prev) => prev,
  });
}

export function useMember(id: number) {
  return useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/members/${id}`),
  });
}

export function useMemberCount(unitId: number, asOf: string) {
  return useQuery({
    queryKey: ['members', 'count', unitId, asOf],
    queryFn: () => api.get<MemberCount>(`/units/${unitId}/member-count`, { asOf }),
  });
}

export function useCards(personId: number) {
  return useQuery({
    queryKey: ['members', 'cards', personId],
    queryFn: () => api.get<Card[]>(`/members/${personId}/cards`),
  });
}

export function useECard(personId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'e-card', personId],
    queryFn: () => api.get<ECard>(`/members/${personId}/e-card`),
    enabled,
  });
}

/** Public: what a scanned card's QR code says about it. */
export function useVerification(token: string) {
  return useQuery({
    queryKey: ['verify', token],
    queryFn: () => api.get<Verification>(`/cards/verify/${encodeURIComponent(token)}`),
    staleTime: 0,
  });
}

/** What a change to a member or their cards makes stale: every member view. */
export const memberViews = ['members'];
