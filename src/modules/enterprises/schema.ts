import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';

export const ownerships = ['state', 'non_state', 'foreign_invested', 'cooperative'] as const;
export type Ownership = (typeof ownerships)[number];
export const statuses = ['operating', 'suspended', 'dissolving', 'closed'] as const;
export type EnterpriseStatus = (typeof statuses)[number];
export const factSources = ['manual', 'dpi', 'bhxh'] as const;
export type FactSource = (typeof factSources)[number];
export const registerSources = ['dpi', 'bhxh'] as const;
export type RegisterSource = (typeof registerSources)[number];
export const conflictKinds = [
  'name_differs',
  'business_closed',
  'workforce_jump',
  'manual_differs',
  'field_differs',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

const vsic = z
  .string()
  .trim()
  .regex(
    /^\d{2,5}$/,
    msg('Mã ngành VSIC gồm 2 đến 5 chữ số (ví dụ 1410).', 'A VSIC code has 2 to 5 digits (e.g. 1410).'),
  );

/** Descriptive fields an officer types; the tax code is checked by lib/ids.ts in the service. */
export const enterpriseFields = z.object({
  name: z
    .string()
    .trim()
    .min(2, msg('Nhập tên doanh nghiệp.', 'Enter the enterprise name.'))
    .max(300, msg('Tên tối đa 300 ký tự.', 'A name has at most 300 characters.')),
  ownership: z.enum(ownerships),
  industryCode: vsic.optional(),
  industryName: z.string().trim().max(200).optional(),
  address: z.string().trim().max(400).optional(),
  areaCode: z.string().trim().max(10).optional(),
  industrialZoneId: z.number().int().positive().optional(),
  startedOn: isoDay.optional(),
});

export const workforceValue = z
  .object({
    total: z.number().int().min(0).max(1_000_000),
    women: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((w) => w.women === undefined || w.women <= w.total, {
    message: msg('Số lao động nữ không thể lớn hơn tổng số.', 'Women cannot outnumber the whole workforce.'),
    path: ['women'],
  });

export const createBody = enterpriseFields.extend({
  taxCode: z.string().trim().min(1).max(20),
  /** The upper union in charge (a unit the caller may write under). */
  upperUnionId: z.number().int().positive(),
  grassrootsUnitId: z.number().int().positive().optional(),
  /** First dated facts, optional: recorded as the officer's own (source manual). */
  workforce: workforceValue.optional(),
  status: z.enum(statuses).optional(),
  asOf: isoDay.optional(),
});
export type CreateInput = z.infer<typeof createBody>;

export const patchBody = enterpriseFields
  .partial()
  .extend({
    /** The enterprise's CĐCS, or null to unlink a wrongly linked one. */
    grassrootsUnitId: z.number().int().positive().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: msg('Không có gì để sửa.', 'Nothing to change.') });
export type PatchInput = z.infer<typeof patchBody>;

export const factBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('workforce'),
    total: z.number().int().min(0).max(1_000_000),
    women: z.number().int().min(0).max(1_000_000).optional(),
    asOf: isoDay,
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    kind: z.literal('status'),
    status: z.enum(statuses),
    asOf: isoDay,
    note: z.string().trim().max(500).optional(),
  }),
]);
export type FactInput = z.infer<typeof factBody>;

export const assignBody = z.object({
  upperUnionId: z.number().int().positive(),
  onDate: isoDay,
  reason: z.string().trim().max(300).optional(),
});
export type AssignInput = z.infer<typeof assignBody>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z.object({
  q: z.string().max(200).optional().meta({ description: 'Name (no diacritics needed) or tax code' }),
  under: z.coerce.number().int().positive().optional().meta({ description: 'Only enterprises of this unit' }),
  ownership: z.enum(ownerships).optional(),
  status: z.enum(statuses).optional(),
  zoneId: z.coerce.number().int().positive().optional(),
  minWorkforce: z.coerce.number().int().min(0).optional(),
  maxWorkforce: z.coerce.number().int().min(0).optional(),
  covered: bool.optional().meta({ description: 'true: with a CĐCS on the day; false: without' }),
  withConflicts: bool.optional().meta({ description: 'Only enterprises with open conflicts' }),
  asOf: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(300).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

const unitRef = z.object({ id: z.number(), name: z.string() });
const workforceView = z.object({
  total: z.number(),
  women: z.number().nullable(),
  observedOn: z.string(),
  source: z.enum(factSources),
});

export const listItem = z.object({
  id: z.number(),
  taxCode: z.string(),
  name: z.string(),
  ownership: z.enum(ownerships),
  industryCode: z.string().nullable(),
  areaCode: z.string().nullable(),
  zone: unitRef.nullable(),
  status: z.enum(statuses).nullable(),
  workforce: workforceView.nullable(),
  /** The CĐCS operating on the day, if any. */
  grassroots: unitRef.nullable(),
  upperUnion: unitRef.nullable(),
  /** Members of its CĐCS on the day, and members / workers. */
  members: z.number().nullable(),
  density: z.number().nullable(),
  openConflicts: z.number(),
});
export type ListItem = z.infer<typeof listItem>;

export const listSchema = z.object({ asOf: z.string(), items: z.array(listItem), next: z.string().nullable() });

export const factView = z.object({
  id: z.number(),
  kind: z.enum(['workforce', 'status']),
  observedOn: z.string(),
  validTo: z.string().nullable(),
  total: z.number().nullable(),
  women: z.number().nullable(),
  status: z.enum(statuses).nullable(),
  source: z.enum(factSources),
  state: z.enum(['effective', 'pending', 'rejected', 'superseded']),
  importFile: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

export const conflictView = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  taxCode: z.string(),
  kind: z.enum(conflictKinds),
  field: z.string(),
  ourValue: z.unknown(),
  registerValue: z.unknown(),
  source: z.enum(registerSources),
  asOf: z.string(),
  status: z.enum(['open', 'accepted', 'kept']),
  importFile: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /** What the conflict is about, in the caller's language. */
  message: z.string(),
});
export type ConflictView = z.infer<typeof conflictView>;

export const detailSchema = listItem.extend({
  asOf: z.string(),
  industryName: z.string().nullable(),
  address: z.string().nullable(),
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Today's commune when the registered one was merged in the 2025 reform. */
  currentArea: z.object({ code: z.string(), name: z.string() }).nullable(),
  startedOn: z.string().nullable(),
  fieldSources: z.record(z.string(), z.string()),
  assignments: z.array(
    z.object({
      upperUnion: unitRef,
      /** null: in charge from the start. */
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  facts: z.array(factView),
  conflicts: z.array(conflictView),
  canEdit: z.boolean(),
});
export type Detail = z.infer<typeof detailSchema>;

export const coverageQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  asOf: isoDay.optional(),
});

const rate = z.number().nullable().meta({ description: 'covered / target, 0..1; null when there is no target' });

export const coverageSummary = z.object({
  asOf: z.string(),
  unit: unitRef,
  /** Operating enterprises of any size. */
  operating: z.number(),
  /** Operating enterprises with 25 workers or more: the plan's target set. */
  target: z.number(),
  covered: z.number(),
  uncovered: z.number(),
  rate,
  workersInTarget: z.number(),
  workersInCovered: z.number(),
  membersInCovered: z.number(),
  /** Members of the CĐCS of covered target enterprises / their workers. */
  density: z.number().nullable(),
  byOwnership: z.array(z.object({ ownership: z.enum(ownerships), target: z.number(), covered: z.number(), rate })),
});
export type CoverageSummary = z.infer<typeof coverageSummary>;

export const gapQuery = coverageQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(200).optional(),
});

export const gapItem = z.object({
  rank: z.number(),
  id: z.number(),
  taxCode: z.string(),
  name: z.string(),
  ownership: z.enum(ownerships),
  workforce: z.number(),
  women: z.number().nullable(),
  startedOn: z.string().nullable(),
  yearsOperating: z.number().nullable(),
  zone: z.string().nullable(),
  address: z.string().nullable(),
  upperUnion: unitRef.nullable(),
  priority: z.object({ score: z.number(), reasons: z.array(z.string()) }),
});
export type GapItem = z.infer<typeof gapItem>;

export const gapList = z.object({
  asOf: z.string(),
  total: z.number(),
  items: z.array(gapItem),
  next: z.string().nullable(),
});

export const conflictQuery = z.object({
  status: z.enum(['open', 'accepted', 'kept', 'all']).default('open'),
  kind: z.enum(conflictKinds).optional(),
  under: z.coerce.number().int().positive().optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.coerce.number().int().positive().optional().meta({ description: 'Last conflict id of the previous page' }),
});
export type ConflictQuery = z.infer<typeof conflictQuery>;

export const conflictList = z.object({ items: z.array(conflictView), next: z.number().nullable() });

export const resolveBody = z.object({
  decision: z.enum(['accept', 'keep']).meta({ description: "accept: take the register's value; keep: keep ours" }),
  note: z.string().trim().max(500).optional(),
});
export type ResolveInput = z.infer<typeof resolveBody>;

export const zoneSchema = z.object({
  id: z.number(),
  name: z.string(),
  areaCode: z.string().nullable(),
  zoneUnion: unitRef.nullable(),
});

const breakdownCounts = {
  operating: z.number(),
  target: z.number(),
  covered: z.number(),
  workersInTarget: z.number(),
  rate,
};

export const coverageByChild = z.object({
  asOf: z.string(),
  unit: unitRef,
  /** One row per direct sub-unit holding enterprises; self marks those anchored at the unit itself. */
  items: z.array(z.object({ unit: unitRef, self: z.boolean(), ...breakdownCounts })),
});

export const coverageByArea = z.object({
  asOf: z.string(),
  unit: unitRef,
  /** One row per commune (or district) code as registered; null for enterprises without one. */
  items: z.array(
    z.object({
      areaCode: z.string().nullable(),
      name: z.string().nullable(),
      level: z.string().nullable(),
      parentCode: z.string().nullable(),
      ...breakdownCounts,
    }),
  ),
});
