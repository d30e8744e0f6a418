import { z } from 'zod';
import { isoDay } from '../../lib/schemas.ts';

export const reportKinds = ['six_month', 'annual', 'term'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportStatuses = ['draft', 'submitted'] as const;

const year = z.number().int().min(1950).max(2100);

export const createReportBody = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(reportKinds),
  /** six_month and annual: the calendar year. */
  year: year.optional(),
  /** six_month: 1 = January to June, 2 = July to December. */
  half: z.union([z.literal(1), z.literal(2)]).optional(),
  /** term: the term's first and last day. */
  periodFrom: isoDay.optional(),
  periodTo: isoDay.optional(),
  documentNo: z.string().trim().max(100).optional(),
  note: z.string().trim().max(8000).optional(),
});
export type CreateReportInput = z.infer<typeof createReportBody>;

export const updateReportBody = z.object({
  documentNo: z.string().trim().max(100).nullable().optional(),
  note: z.string().trim().max(8000).nullable().optional(),
});
export type UpdateReportInput = z.infer<typeof updateReportBody>;

export const listQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  kind: z.enum(reportKinds).optional(),
  /** Reports whose period meets this calendar year. */
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListQuery = z.infer<typeof listQuery>;

export const submissionsQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  kind: z.enum(reportKinds),
  periodFrom: isoDay,
  periodTo: isoDay,
});
export type SubmissionsQuery = z.infer<typeof submissionsQuery>;

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const headcount = z.object({ total: z.number(), women: z.number() });

/** What a report says: computed live for a draft, stored as it was for a submitted one. */
export const figuresSchema = z.object({
  /** The header as it stood on the period's last day (kept with the figures: a frozen page). */
  unit: unitRef.extend({ type: z.string() }),
  upper: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The province's short name, for the place-and-date line ("Nghệ An, ngày ..."). */
  place: z.string(),
  /** Members are counted on the day before the period and on its last day. */
  startDay: z.string(),
  endDay: z.string(),
  members: z.object({ start: headcount, end: headcount }),
  /** Start + inflow.total - outflow.total = end. Internal moves (within the unit's subtree) count in neither. */
  inflow: z.object({
    newMembers: z.number(),
    transfersIn: z.number(),
    /** Members of units that came under this unit in the period. */
    unitsJoined: z.number(),
    /** Members loaded from an old register with a start day in the period. */
    imported: z.number(),
    total: z.number(),
  }),
  outflow: z.object({
    withdrawal: z.number(),
    expulsion: z.number(),
    death: z.number(),
    transfersOut: z.number(),
    /** Members of units moved out from under this unit in the period. */
    unitsLeft: z.number(),
    /** Members still on the roll of a unit that was dissolved in the period. */
    unitsEnded: z.number(),
    other: z.number(),
    total: z.number(),
  }),
  grassroots: z.object({ start: z.number(), end: z.number(), founded: z.number(), dissolved: z.number() }),
  coverage: z.object({ target: z.number(), covered: z.number(), rate: z.number().nullable() }),
  /** One row per direct sub-unit as the tree stood on the last day; "other" gathers the rest. */
  children: z.array(
    z.object({
      unit: unitRef.nullable(),
      members: z.number(),
      newMembers: z.number(),
      newGrassroots: z.number(),
      coverageRate: z.number().nullable(),
      covered: z.number(),
      target: z.number(),
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

const person = z.object({ id: z.number(), name: z.string() }).nullable();

export const reportSummary = z.object({
  id: z.number(),
  unit: unitRef,
  kind: z.enum(reportKinds),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** "6 tháng đầu năm 2023", "năm 2023", "nhiệm kỳ 2023 - 2028". */
  periodLabel: z.string(),
  version: z.number(),
  status: z.enum(reportStatuses),
  documentNo: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDetail = reportSummary.extend({
  note: z.string().nullable(),
  createdBy: person,
  submittedBy: person,
  figures: figuresSchema,
  /** Figures are stored (frozen) once submitted; a draft's are computed when read. */
  frozen: z.boolean(),
  canWrite: z.boolean(),
  /** Every version of the same unit, kind and period, oldest first. */
  versions: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      status: z.enum(reportStatuses),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportList = z.object({ items: z.array(reportSummary) });

export const submissionsSchema = z.object({
  unit: unitRef,
  kind: z.enum(reportKinds),
  periodFrom: z.string(),
  periodTo: z.string(),
  items: z.array(
    z.object({
      unit: unitRef,
      /** The latest submitted version, or null: missing. */
      submitted: z.object({ id: z.number(), version: z.number(), submittedAt: z.string() }).nullable(),
      /** A draft being prepared (not yet sent up). */
      draftId: z.number().nullable(),
    }),
  ),
  missing: z.number(),
});
export type Submissions = z.infer<typeof submissionsSchema>;
