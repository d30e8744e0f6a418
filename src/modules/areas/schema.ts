import { z } from 'zod';
import { isoDay } from '../../lib/schemas.ts';

export const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Area = z.infer<typeof areaSchema>;

export const areaListQuery = z.object({
  parentCode: z.string().optional(),
  level: z.enum(['province', 'district', 'commune']).optional(),
  q: z.string().max(100).optional(),
  asOf: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const areaDetailSchema = areaSchema.extend({
  parent: areaSchema.nullable(),
  /** Areas that took over this one (2025 reform), and those it took over. */
  successors: z.array(areaSchema.extend({ effectiveOn: z.string() })),
  predecessors: z.array(areaSchema.extend({ effectiveOn: z.string() })),
});

export const tracedDistrictSchema = z.object({ code: z.string(), districtCode: z.string() });
