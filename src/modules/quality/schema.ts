import { z } from 'zod';

export const problemKinds = [
  'duplicate_citizen_id',
  'missing_citizen_id',
  'invalid_citizen_id',
  'invalid_phone',
  'member_of_ended_unit',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const qualityQuery = z.object({
  under: z.coerce.number().int().positive().optional(),
  kind: z.enum(problemKinds).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const qualityItem = z.object({
  kind: z.enum(problemKinds),
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string().nullable(),
  /** What is wrong, in the caller's language. */
  detail: z.string(),
  /** The action that fixes it: edit the member, transfer them, or review the duplicate pair. */
  fix: z.enum(['edit_member', 'transfer_member', 'review_duplicate']),
});

export const qualityReport = z.object({
  counts: z.record(z.enum(problemKinds), z.number()),
  items: z.array(qualityItem),
});
