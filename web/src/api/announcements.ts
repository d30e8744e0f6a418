import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnnouncementDetail,
  AnnouncementSummary,
  publishBody,
} from '../../../src/modules/announcements/schema.ts';
import { api } from './client.ts';

export type { AnnouncementDetail, AnnouncementSummary };
export type PublishBody = z.input<typeof publishBody>;

/** Announcements published by a unit and the units under it (the caller's whole scope without one). */
export function useAnnouncements(unitId: number | null) {
  return useQuery({
    queryKey: ['announcements', 'list', unitId],
    queryFn: () => api.get<{ items: AnnouncementSummary[] }>('/announcements', { unitId }),
    placeholderData: (prev) => prev,
  });
}

export function useAnnouncement(id: number) {
  return useQuery({
    queryKey: ['announcements', 'detail', id],
    queryFn: () => api.get<AnnouncementDetail>(`/announcements/${id}`),
  });
}

export const publishAnnouncement = (input: PublishBody) => api.post<AnnouncementDetail>('/announcements', input);
export const withdrawAnnouncement = (id: number) => api.post<AnnouncementDetail>(`/announcements/${id}/withdraw`);
