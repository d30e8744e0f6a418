import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';

export const unitTypeSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  abbrevVi: z.string().nullable(),
  sortOrder: z.number(),
  isGrassroots: z.boolean(),
});

/** One unit as it stood on the asked day. */
export const unitSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  parentId: z.number().nullable(),
  areaCode: z.string().nullable(),
  depth: z.number(),
  foundedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  /** Direct children on the asked day. */
  childCount: z.number(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const unitSearchItemSchema = unitSummarySchema.extend({
  /** Names of the ancestors from the top, for telling apart units with the same name. */
  ancestry: z.array(z.string()),
});
export type UnitSearchItem = z.infer<typeof unitSearchItemSchema>;

export const typeCountSchema = z.object({ type: z.string(), count: z.number() });

export const unitVersionSchema = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  areaCode: z.string().nullable(),
  changeReason: z.string().nullable(),
});

export const unitDetailSchema = unitSummarySchema.extend({
  asOf: z.string(),
  parent: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), type: z.string() })),
  /** Units under this one (not counting itself) on the asked day, per type. */
  countsByType: z.array(typeCountSchema),
  totalUnder: z.number(),
  history: z.array(unitVersionSchema),
  /** Whether the caller may change this unit (rename, move, dissolve). */
  canEdit: z.boolean(),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const asOfQuery = z.object({
  asOf: isoDay.optional().meta({ description: 'The day to look at (default: today)' }),
});

export const unitListQuery = asOfQuery.extend({
  q: z.string().max(200).optional().meta({ description: 'Name or code; diacritics and word order do not matter' }),
  type: z.string().optional(),
  under: z.coerce.number().int().positive().optional().meta({ description: 'Only units under this unit' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const unitListSchema = z.object({
  asOf: z.string(),
  total: z.number(),
  items: z.array(unitSearchItemSchema),
});

/** The national directory of operating CĐCS: names only, so an officer can pick a transfer's destination. */
export const directoryQuery = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const directorySchema = z.array(
  z.object({ id: z.number(), code: z.string(), name: z.string(), parentName: z.string().nullable() }),
);

export const childrenSchema = z.object({ asOf: z.string(), items: z.array(unitSummarySchema) });

export const countsSchema = z.object({
  asOf: z.string(),
  unitId: z.number(),
  totalUnder: z.number(),
  byType: z.array(typeCountSchema),
});

const unitCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/,
    msg(
      'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 32 ký tự), ví dụ 40C00123.',
      'A unit code has only letters without diacritics, digits, dot and dash (up to 32), e.g. 40C00123.',
    ),
  );
const unitName = z
  .string()
  .trim()
  .min(3, msg('Tên đơn vị cần ít nhất 3 ký tự.', 'A unit name needs at least 3 characters.'))
  .max(300, msg('Tên đơn vị tối đa 300 ký tự.', 'A unit name has at most 300 characters.'));
const reason = z.string().trim().max(500).optional();

export const createUnitBody = z.object({
  code: unitCode,
  name: unitName,
  shortName: z.string().trim().max(100).optional(),
  type: z.string(),
  parentId: z.number().int().positive(),
  areaCode: z.string().trim().optional(),
  foundedOn: isoDay,
  reason,
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = z.object({
  effectiveOn: isoDay,
  name: unitName.optional(),
  shortName: z.string().trim().max(100).nullable().optional(),
  type: z.string().optional(),
  areaCode: z.string().trim().nullable().optional(),
  reason,
});
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

export const moveUnitsBody = z.object({
  unitIds: z
    .array(z.number().int().positive())
    .min(1, msg('Chọn ít nhất một đơn vị để chuyển.', 'Choose at least one unit to move.'))
    .max(10_000),
  newParentId: z.number().int().positive(),
  effectiveOn: isoDay,
  reason,
});
export type MoveUnitsInput = z.infer<typeof moveUnitsBody>;

export const moveResultSchema = z.object({ moved: z.number(), versionsOpened: z.number() });

export const dissolveUnitBody = z.object({ effectiveOn: isoDay, reason });
export type DissolveUnitInput = z.infer<typeof dissolveUnitBody>;
