import { z } from 'zod';
import { isoDay } from '../../lib/schemas.ts';
import { driveStages } from '../drives/schema.ts';
import { ownerships } from '../enterprises/schema.ts';

export const dashboardQuery = z.object({
  unitId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'The unit to look at (default: the top unit the caller sees)' }),
  asOf: isoDay.optional().meta({ description: 'The day to look at (default: today)' }),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const ageBands = ['under_30', '30_39', '40_49', '50_plus', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Where a member's CĐCS stands: which body directly above it supervises it (docs/architecture.md). */
export const sectorKinds = ['sector_union', 'zone_union', 'territorial', 'direct'] as const;
export type SectorKind = (typeof sectorKinds)[number];

/** Enterprise ownership of a member's CĐCS, or none (schools, hospitals, offices, trade associations). */
export const memberOwnerships = [...ownerships, 'none'] as const;
export type MemberOwnership = (typeof memberOwnerships)[number];

const unitRef = z.object({ id: z.number(), name: z.string() });

const coverage = z.object({
  /** covered / target, 1 = 100%; null when no enterprise of 25+ workers belongs to the unit. */
  rate: z.number().nullable(),
  covered: z.number(),
  target: z.number(),
});

export const dashboardSchema = z.object({
  asOf: z.string(),
  unit: unitRef.extend({ type: z.string() }),
  /** The units above, from the top the caller may see down to the parent (for going back up). */
  ancestors: z.array(unitRef),
  /** 1 January of asOf's year: where "this year" starts. */
  yearStart: z.string(),
  kpis: z.object({
    members: z.number(),
    women: z.number(),
    /** women / members; null when there are no members. */
    womenShare: z.number().nullable(),
    /** CĐCS and trade-association unions standing on asOf (member CĐCS not counted). */
    grassroots: z.number(),
    newMembers: z.number(),
    newGrassroots: z.number(),
    coverage,
    drives: z.object({ active: z.number(), stalled: z.number() }),
  }),
  /** Members at each month end of the last 24 months; the last point is asOf itself. */
  series: z.array(z.object({ day: z.string(), members: z.number() })),
  /** Direct sub-units standing on asOf, most members first. */
  ranking: z.array(
    z.object({
      unit: unitRef.extend({ type: z.string() }),
      members: z.number(),
      /** Members on 31 December of the previous year. */
      membersAtYearStart: z.number(),
      newMembers: z.number(),
      /** (members - membersAtYearStart) / membersAtYearStart; null without a base. */
      growth: z.number().nullable(),
      grassroots: z.number(),
      coverage,
    }),
  ),
  byGender: z.object({ male: z.number(), female: z.number(), unknown: z.number() }),
  byAge: z.array(z.object({ band: z.enum(ageBands), members: z.number() })),
  bySector: z.array(z.object({ kind: z.enum(sectorKinds), unit: unitRef.nullable(), members: z.number() })),
  byOwnership: z.array(z.object({ ownership: z.enum(memberOwnerships), members: z.number() })),
  drives: z.object({
    stalledDays: z.number(),
    /** Active drives on asOf by the stage they stood in that day. */
    stages: z.array(z.object({ stage: z.enum(driveStages), active: z.number(), stalled: z.number() })),
    recognisedThisYear: z.number(),
    abandonedThisYear: z.number(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
