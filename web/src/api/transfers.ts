import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptBody,
  boxSchema,
  cancelBody,
  declineBody,
  TransferRequestStatus,
  transferRequestSchema,
} from '../../../src/modules/transfers/schema.ts';
import type { directorySchema } from '../../../src/modules/units/schema.ts';
import { api } from './client.ts';
import { useWrite } from './write.ts';

export type TransferRequest = z.infer<typeof transferRequestSchema>;
export type TransferBox = z.infer<typeof boxSchema>;
export type AcceptTransferInput = z.input<typeof acceptBody>;
export type DeclineTransferInput = z.input<typeof declineBody>;
export type CancelTransferInput = z.input<typeof cancelBody>;
export type DirectoryUnit = z.infer<typeof directorySchema>[number];
export type { TransferRequestStatus };
export type BoxName = 'incoming' | 'outgoing';

/** Requests arriving at (incoming) or sent from (outgoing) the officer's units, newest first. */
export function useTransferBox(box: BoxName, status: 'pending' | 'all') {
  return useQuery({
    queryKey: ['transfers', box, status],
    queryFn: () => api.get<TransferBox>('/transfer-requests', { box, status }),
    placeholderData: (prev) => prev,
  });
}

/** How many requests wait for the officer's consent: the menu shows it. */
export function usePendingIncoming(enabled: boolean) {
  const q = useQuery({
    queryKey: ['transfers', 'incoming', 'pending'],
    queryFn: () => api.get<TransferBox>('/transfer-requests', { box: 'incoming', status: 'pending' }),
    enabled,
    retry: false,
    refetchInterval: 5 * 60_000,
  });
  return q.data?.pendingIncoming ?? 0;
}

/** Accept, decline or cancel one request; boxes, members and units are refetched after it. */
export function useTransferDecision<TInput>(
  action: 'accept' | 'decline' | 'cancel',
  onDone: (r: TransferRequest) => void,
) {
  return useWrite(
    ['transfers', 'members', 'units'],
    ({ id, body }: { id: number; body: TInput }) =>
      api.post<TransferRequest>(`/transfer-requests/${id}/${action}`, body),
    onDone,
    // A request already dealt with elsewhere: the box shows its real state again.
    ['transfers'],
  );
}

/** Operating CĐCS anywhere, by name or code: a transfer's destination outside the officer's scope. */
export function useGrassrootsDirectory(q: string, limit = 20) {
  return useQuery({
    queryKey: ['units', 'directory', q, limit],
    queryFn: () => api.get<DirectoryUnit[]>('/units/grassroots-directory', { q, limit }),
    enabled: q.trim().length >= 2,
    placeholderData: (prev) => prev,
  });
}
