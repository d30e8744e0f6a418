import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assigneesSchema,
  EscalationTarget,
  FeedbackKind,
  FeedbackStatus,
  inboxSchema,
  officerThreadSchema,
  responseTimesSchema,
} from '../../../src/modules/feedback/schema.ts';
import { api } from './client.ts';
import { useWrite } from './write.ts';

export type Inbox = z.infer<typeof inboxSchema>;
export type InboxItem = Inbox['items'][number];
export type OfficerThread = z.infer<typeof officerThreadSchema>;
export type ThreadMessage = OfficerThread['messages'][number];
export type Assignees = z.infer<typeof assigneesSchema>;
export type ResponseTimes = z.infer<typeof responseTimesSchema>;
export type ResponseTimeRow = ResponseTimes['total'];
export type { EscalationTarget, FeedbackKind, FeedbackStatus };

export const INBOX_PAGE = 30;

export type InboxFilters = {
  unitId: number | null;
  status: FeedbackStatus | null;
  kind: FeedbackKind | null;
  legal: boolean;
  page: number;
};

/** Threads handled in the officer's units, newest activity first. */
export function useInbox(f: InboxFilters) {
  return useQuery({
    queryKey: ['feedback', 'inbox', f],
    queryFn: () =>
      api.get<Inbox>('/feedback', {
        unitId: f.unitId,
        status: f.status,
        kind: f.kind,
        legal: f.legal ? 'true' : undefined,
        limit: INBOX_PAGE,
        offset: f.page * INBOX_PAGE,
      }),
    placeholderData: (prev) => prev,
  });
}

/** How many threads wait for an answer in the officer's units: the menu shows it. */
export function useOpenThreads(enabled: boolean) {
  const q = useQuery({
    queryKey: ['feedback', 'inbox', 'open-count'],
    queryFn: () => api.get<Inbox>('/feedback', { status: 'open', limit: 1 }),
    enabled,
    retry: false,
    refetchInterval: 5 * 60_000,
  });
  return q.data?.total ?? 0;
}

export function useThread(id: number | null) {
  return useQuery({
    queryKey: ['feedback', 'thread', id],
    queryFn: () => api.get<OfficerThread>(`/feedback/${id}`),
    enabled: id !== null,
  });
}

export function useAssignees(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['feedback', 'assignees', id],
    queryFn: () => api.get<Assignees>(`/feedback/${id}/assignees`),
    enabled,
  });
}

export function useResponseTimes(unitId: number | null, from: string, to: string) {
  return useQuery({
    queryKey: ['feedback', 'response-times', unitId, from, to],
    queryFn: () => api.get<ResponseTimes>('/feedback/response-times', { unitId, from, to }),
    enabled: unitId !== null,
    placeholderData: (prev) => prev,
  });
}

export type ThreadAction =
  | { action: 'answer'; body: { body: string } }
  | { action: 'assign'; body: { userId: number } }
  | { action: 'escalate'; body: { to: EscalationTarget; note?: string } }
  | { action: 'close'; body: { note?: string } };

/** Answer, assign, escalate or close a thread; the inbox and the thread are refetched after it. */
export function useThreadAction(id: number, onDone?: (t: OfficerThread) => void) {
  return useWrite(
    ['feedback'],
    (a: ThreadAction) => api.post<OfficerThread>(`/feedback/${id}/${a.action}`, a.body),
    onDone,
    // Someone else may have moved or closed it meanwhile: show its real state.
    ['feedback'],
  );
}
