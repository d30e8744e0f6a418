import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';

export const transferRequestStatuses = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type TransferRequestStatus = (typeof transferRequestStatuses)[number];

export const transferRequestSchema = z.object({
  id: z.number(),
  personId: z.number(),
  /** The receiving side sees who is coming (name, birth date, gender), not their identifiers. */
  personName: z.string(),
  personBirthDate: z.string().nullable(),
  personGender: z.string().nullable(),
  fromUnitId: z.number(),
  fromUnitName: z.string(),
  toUnitId: z.number(),
  toUnitName: z.string(),
  onDate: z.string(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  status: z.enum(transferRequestStatuses),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** What the caller may do with it now. */
  canAccept: z.boolean(),
  canCancel: z.boolean(),
});
export type TransferRequest = Omit<z.infer<typeof transferRequestSchema>, 'canAccept' | 'canCancel'>;

export const boxQuery = z.object({
  box: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum([...transferRequestStatuses, 'all']).default('pending'),
});

export const boxSchema = z.object({
  items: z.array(transferRequestSchema),
  pendingIncoming: z.number(),
});

export const acceptBody = z.object({
  /** The day the member moves; the requested day when left out. */
  onDate: isoDay.optional(),
  decisionNo: z.string().trim().max(100).optional(),
});

export const declineBody = z.object({
  reason: z
    .string()
    .trim()
    .min(5, msg('Ghi lý do từ chối (ít nhất 5 ký tự).', 'Give a reason for declining (at least 5 characters).'))
    .max(500),
});

export const cancelBody = z.object({ reason: z.string().trim().max(500).optional() });
