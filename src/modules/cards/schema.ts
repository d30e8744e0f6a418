import { z } from 'zod';
import { isoDay } from '../../lib/schemas.ts';

export const cardSchema = z.object({
  cardNo: z.string(),
  unitName: z.string().nullable(),
  issuedOn: z.string(),
  status: z.enum(['active', 'replaced', 'revoked']),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const issueBody = z.object({ issuedOn: isoDay.optional() });
export const reissueBody = z.object({
  reason: z.enum(['lost', 'damaged', 'changed_details']),
  issuedOn: isoDay.optional(),
});
export const revokeBody = z.object({ reason: z.string().trim().min(3).max(300), onDate: isoDay.optional() });

export const eCardSchema = z.object({
  cardNo: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string().nullable(),
  issuedOn: z.string(),
  status: z.enum(['active', 'replaced', 'revoked']),
  /** Path a verifier opens (the QR code holds the absolute address). */
  verifyPath: z.string(),
  /** The QR code as an SVG image. */
  qrSvg: z.string(),
});

/** What anyone scanning a card learns: whether it is valid, and no more personal data than that. */
export const verificationSchema = z.object({
  status: z.enum(['valid', 'revoked', 'replaced', 'unknown']),
  cardNo: z.string().nullable(),
  holderInitials: z.string().nullable(),
  unitName: z.string().nullable(),
  issuedOn: z.string().nullable(),
});
