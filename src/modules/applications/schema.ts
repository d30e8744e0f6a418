import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';
import { genders, personInput } from '../members/schema.ts';

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

// ---- the member app: a worker applies on their own (public) ----------------------------------

export const placesQuery = z.object({ q: z.string().trim().max(100).default('') });

/** A place a worker can name as their workplace: an enterprise of the register, or a CĐCS. */
export const placeSchema = z.object({
  kind: z.enum(['enterprise', 'grassroots_union']),
  id: z.number(),
  name: z.string(),
  /** Where it is (district, or commune after the 2025 reform), to tell two places of one name apart. */
  district: z.string().nullable(),
  /** The CĐCS the application would go to: the enterprise's, or the CĐCS itself. */
  grassrootsUnionName: z.string().nullable(),
});
export const placesSchema = z.object({ items: z.array(placeSchema) });
export type Place = z.infer<typeof placeSchema>;

/** The worker's own details: what the union needs to verify them is required. */
export const appApplicant = personInput.extend({
  birthDate: z.string({ error: msg('Nhập ngày sinh.', 'Enter the date of birth.') }).pipe(isoDay),
  gender: z.enum(genders, { error: msg('Chọn giới tính.', 'Choose the gender.') }),
  citizenId: z
    .string({ error: msg('Nhập số CCCD.', 'Enter the citizen ID (CCCD).') })
    .trim()
    .min(1, msg('Nhập số CCCD.', 'Enter the citizen ID (CCCD).'))
    .max(20),
  phone: z
    .string({ error: msg('Nhập số điện thoại.', 'Enter the phone number.') })
    .trim()
    .min(1, msg('Nhập số điện thoại.', 'Enter the phone number.'))
    .max(30),
});

export const appApplicationBody = z.object({
  applicant: appApplicant,
  /** The workplace picked from /app/join/places: an enterprise, or a CĐCS (which wins if both). */
  enterpriseId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  /** The employer typed by name when it is not in the list. */
  employerName: z.string().trim().max(200).optional(),
  note: z.string().trim().max(1000).optional(),
  /** A field people never see: a form-filling robot fills it in. */
  website: z.string().max(500).optional(),
});
export type AppApplicationInput = z.infer<typeof appApplicationBody>;

export const appApplicationSchema = z.object({
  trackingCode: z.string(),
  unitName: z.string().nullable(),
  status: z.enum(applicationStatuses),
});
