import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';

export const genders = ['male', 'female'] as const;
export const endKinds = ['withdrawal', 'expulsion', 'death'] as const;
export const memberStatuses = ['active', 'ended', 'all'] as const;

/** Fields an officer types for a person; identifiers are checked by lib/ids.ts in the service. */
export const personInput = z.object({
  fullName: z
    .string()
    .trim()
    .min(2, msg('Nhập họ và tên.', 'Enter the full name.'))
    .max(120, msg('Họ và tên tối đa 120 ký tự.', 'A full name has at most 120 characters.')),
  birthDate: isoDay.optional(),
  gender: z.enum(genders).optional(),
  ethnicity: z.string().trim().max(50).optional(),
  religion: z.string().trim().max(50).optional(),
  citizenId: z.string().trim().max(20).optional(),
  legacyIdNo: z.string().trim().max(20).optional(),
  socialInsuranceNo: z.string().trim().max(20).optional(),
  phone: z.string().trim().max(30).optional(),
  email: z.email(msg('Địa chỉ email không hợp lệ.', 'Not a valid e-mail address.')).optional(),
  address: z.string().trim().max(300).optional(),
  education: z.string().trim().max(50).optional(),
  occupation: z.string().trim().max(100).optional(),
  employerName: z.string().trim().max(200).optional(),
  partyMember: z.boolean().optional(),
  youthUnionMember: z.boolean().optional(),
});
export type PersonInput = z.infer<typeof personInput>;

export const admitBody = z.object({
  person: personInput,
  unitId: z.number().int().positive(),
  subunitId: z.number().int().positive().optional(),
  onDate: isoDay,
  decisionNo: z.string().trim().max(50).optional(),
});
export type AdmitInput = z.infer<typeof admitBody>;

export const transferBody = z.object({
  toUnitId: z.number().int().positive(),
  onDate: isoDay,
  decisionNo: z.string().trim().max(50).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TransferInput = z.infer<typeof transferBody>;

export const endBody = z.object({
  kind: z.enum(endKinds),
  onDate: isoDay,
  decisionNo: z.string().trim().max(50).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type EndInput = z.infer<typeof endBody>;

export const readmitBody = z.object({
  unitId: z.number().int().positive(),
  onDate: isoDay,
  decisionNo: z.string().trim().max(50).optional(),
});
export type ReadmitInput = z.infer<typeof readmitBody>;

export const memberListQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Name (any order, no diacritics needed), CCCD, phone or card number' }),
  under: z.coerce.number().int().positive().optional().meta({ description: 'Only members of units under this unit' }),
  status: z.enum(memberStatuses).default('active'),
  gender: z.enum(genders).optional(),
  ethnicity: z.string().max(50).optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  admittedFrom: isoDay.optional(),
  admittedTo: isoDay.optional(),
  asOf: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Opaque cursor from the previous page: pages stay fast however deep one goes. */
  after: z.string().max(200).optional(),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberListItem = z.object({
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  ethnicity: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  memberSince: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  /** Shown in full only to roles that need it; masked (••••••••1234) otherwise. */
  citizenId: z.string().nullable(),
  phone: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const memberListSchema = z.object({
  asOf: z.string(),
  items: z.array(memberListItem),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export const membershipPeriod = z.object({
  unitId: z.number(),
  unitName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  startKind: z.string(),
  endKind: z.string().nullable(),
});

export const memberEvent = z.object({
  kind: z.string(),
  onDate: z.string(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
});

export const memberDetail = z.object({
  personId: z.number(),
  person: personInput.extend({
    birthDate: z.string().optional(),
    citizenIdMasked: z.boolean(),
  }),
  status: z.enum(['active', 'ended']),
  currentUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  memberships: z.array(membershipPeriod),
  events: z.array(memberEvent),
  canEdit: z.boolean(),
  /** When the person's data was erased on a lawful request (then only pseudonymised facts remain). */
  erasedAt: z.string().nullable(),
  /** A transfer waiting for the receiving CĐCS to accept (transfers across scopes). */
  pendingTransfer: z
    .object({
      id: z.number(),
      toUnitId: z.number(),
      toUnitName: z.string(),
      onDate: z.string(),
      requestedAt: z.string(),
    })
    .nullable(),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const memberCountSchema = z.object({
  asOf: z.string(),
  unitId: z.number(),
  total: z.number(),
  women: z.number(),
});
