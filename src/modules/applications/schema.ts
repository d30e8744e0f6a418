import { z } from 'zod';
import { isoDay } from '../../lib/schemas.ts';
import { personInput } from '../members/schema.ts';

export const applicationStatuses = ['submitted', 'verified', 'admitted', 'rejected'] as const;

export const submitBody = z.object({
  applicant: personInput,
  /** The CĐCS of the workplace, or the upper union where the workplace has none. */
  unitId: z.number().int().positive(),
  employerName: z.string().trim().max(200).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type SubmitInput = z.infer<typeof submitBody>;

export const applicationSchema = z.object({
  id: z.number(),
  trackingCode: z.string(),
  applicantName: z.string(),
  applicant: personInput,
  unitId: z.number(),
  unitName: z.string().nullable(),
  employerName: z.string().nullable(),
  note: z.string().nullable(),
  channel: z.enum(['officer', 'app']),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  verifiedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  personId: z.number().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

export const listQuery = z.object({
  status: z.enum(applicationStatuses).optional(),
  under: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const admitApplicationBody = z.object({
  /** The CĐCS that admits: the one applied to, or one chosen by the upper union. */
  unitId: z.number().int().positive().optional(),
  onDate: isoDay,
  decisionNo: z.string().trim().max(50).optional(),
});

export const rejectBody = z.object({ reason: z.string().trim().min(5).max(1000) });

/** What an applicant sees by tracking code: status and the reason, nothing about anyone else. */
export const publicStatusSchema = z.object({
  status: z.enum(applicationStatuses),
  unitName: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
