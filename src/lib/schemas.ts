import { z } from 'zod';
import { parseDay } from './dates.ts';

/**
 * Custom messages carry both languages as 'Vietnamese || English'; the error handler picks one.
 * Zod's built-in messages are translated by its own vi/en locales.
 */
export const msg = (vi: string, en: string) => `${vi} || ${en}`;

/** A calendar day, given as YYYY-MM-DD or dd/mm/yyyy; always YYYY-MM-DD once parsed. */
export const isoDay = z
  .string()
  .transform((v, ctx) => {
    const day = parseDay(v);
    if (!day) {
      ctx.addIssue({
        code: 'custom',
        message: msg(
          `Ngày «${v}» không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2023) hoặc yyyy-mm-dd.`,
          `«${v}» is not a valid date: use dd/mm/yyyy (e.g. 31/12/2023) or yyyy-mm-dd.`,
        ),
      });
      return z.NEVER;
    }
    return day;
  })
  .meta({ description: 'Calendar day: YYYY-MM-DD or dd/mm/yyyy', example: '2023-12-31' });

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .meta({ id: 'Problem', description: 'application/problem+json' });
