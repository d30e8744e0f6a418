import { z } from 'zod';
import { msg } from '../../lib/schemas.ts';
import { eCardSchema } from '../cards/schema.ts';

export const codeBody = z.object({
  /** A Vietnamese mobile number in any usual spelling, or a 12-digit citizen ID (CCCD). */
  identifier: z
    .string()
    .trim()
    .min(1, msg('Nhập số điện thoại hoặc số CCCD.', 'Enter your phone number or citizen ID (CCCD).'))
    .max(40),
});

export const challengeSchema = z.object({
  challengeId: z.number(),
  /** Where the code went, masked (+84 9** *** 123); null when no destination is known. */
  destination: z.string().nullable(),
  expiresInSeconds: z.number(),
});
export type Challenge = z.infer<typeof challengeSchema>;

export const verifyBody = z.object({
  challengeId: z.number().int().positive(),
  // People paste "123 456" as readily as "123456".
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\s/g, '') : v),
    z.string().regex(/^\d{6}$/, msg('Mã gồm 6 chữ số.', 'The code has 6 digits.')),
  ),
});

export const appMeSchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  /** The CĐCS of the open membership; null once the membership has ended. */
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The active member card as an e-card; null when none has been issued. */
  card: eCardSchema.nullable(),
});
export type AppMe = z.infer<typeof appMeSchema>;
