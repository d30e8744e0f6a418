import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';
import { personInput } from '../members/schema.ts';

/**
 * The stages of founding a CĐCS bottom-up, in order (Trade Union Law 2024, VGCL Charter): survey the
 * enterprise, reach out to workers, workers form an organising committee, joining applications are
 * collected, the founding conference is held, the upper union recognises the new CĐCS.
 */
export const driveStages = [
  'enterprise_survey',
  'outreach',
  'organizing_committee',
  'applications',
  'founding_conference',
  'recognition',
] as const;
export type DriveStage = (typeof driveStages)[number];
export const driveStatuses = ['active', 'recognised', 'abandoned'] as const;

/** The Charter's floor: a CĐCS is founded with at least five members. */
export const MIN_FOUNDERS = 5;

const note = z.string().trim().max(2000).optional();

export const openDriveBody = z.object({
  enterpriseId: z.number().int().positive(),
  /** The upper union running the drive; the enterprise's assigned upper union when left out. */
  upperUnionId: z.number().int().positive().optional(),
  openedOn: isoDay,
  note,
  assigneeIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type OpenDriveInput = z.infer<typeof openDriveBody>;

export const stageBody = z.object({
  stage: z.enum(driveStages).refine((s) => s !== 'recognition', {
    message: msg(
      'Công nhận CĐCS dùng chức năng «Công nhận» (tạo CĐCS và kết nạp đoàn viên sáng lập).',
      'Recognition has its own action (it founds the CĐCS and admits its founders).',
    ),
  }),
  onDate: isoDay,
  note,
});
export type StageInput = z.infer<typeof stageBody>;

export const contactBody = z.object({
  contactedOn: isoDay,
  workerLabel: z.string().trim().max(200).optional(),
  workersReached: z.number().int().min(1).max(100_000).default(1),
  summary: z
    .string()
    .trim()
    .min(3, msg('Ghi nội dung trao đổi (ít nhất 3 ký tự).', 'Write what was said (at least 3 characters).'))
    .max(4000),
  support: z
    .number()
    .int()
    .min(1, msg('Mức ủng hộ từ 1 (phản đối) đến 5 (rất ủng hộ).', 'Support runs from 1 (against) to 5 (strongly for).'))
    .max(
      5,
      msg('Mức ủng hộ từ 1 (phản đối) đến 5 (rất ủng hộ).', 'Support runs from 1 (against) to 5 (strongly for).'),
    ),
});
export type ContactInput = z.infer<typeof contactBody>;

export const assignBody = z.object({ userIds: z.array(z.number().int().positive()).max(50) });

export const abandonBody = z.object({
  onDate: isoDay,
  reason: z
    .string()
    .trim()
    .min(5, msg('Ghi lý do dừng vận động (ít nhất 5 ký tự).', 'Give the reason for stopping (at least 5 characters).'))
    .max(1000),
});

export const recogniseBody = z.object({
  /** The day of the upper union's recognition decision: the CĐCS exists from it. */
  onDate: isoDay,
  decisionNo: z
    .string()
    .trim()
    .min(1, msg('Nhập số quyết định công nhận.', 'Enter the recognition decision number.'))
    .max(100),
  unitName: z.string().trim().min(3).max(300),
  /** Generated from the province's code and the next CĐCS number when left out. */
  unitCode: z.string().trim().max(32).optional(),
  /** Joining applications filed to the upper union during the drive: admitted as founders. */
  applicationIds: z.array(z.number().int().positive()).max(5000).default([]),
  /** Founders with no application on file (from the founding conference's list). */
  foundingMembers: z.array(personInput).max(5000).default([]),
});
export type RecogniseInput = z.infer<typeof recogniseBody>;

export const boardQuery = z.object({
  under: z.coerce.number().int().positive().optional(),
  status: z.enum([...driveStatuses, 'all']).default('active'),
  stage: z.enum(driveStages).optional(),
  /** A drive whose stage has not moved for more than this many days is flagged as stalled. */
  stalledDays: z.coerce.number().int().min(1).max(3650).default(45),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type BoardQuery = z.infer<typeof boardQuery>;

const person = z.object({ id: z.number(), name: z.string() });

export const driveSummarySchema = z.object({
  id: z.number(),
  enterprise: z.object({
    id: z.number(),
    name: z.string(),
    taxCode: z.string(),
    ownership: z.string(),
    workforce: z.number().nullable(),
    zoneName: z.string().nullable(),
  }),
  upperUnion: person,
  stage: z.enum(driveStages),
  stageSince: z.string(),
  daysInStage: z.number(),
  stalled: z.boolean(),
  status: z.enum(driveStatuses),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  contacts: z.number(),
  workersReached: z.number(),
  averageSupport: z.number().nullable(),
  lastContactOn: z.string().nullable(),
  assignees: z.array(person),
  grassrootsUnit: person.nullable(),
});
export type DriveSummary = z.infer<typeof driveSummarySchema>;

export const boardSchema = z.object({
  asOf: z.string(),
  stalledDays: z.number(),
  items: z.array(driveSummarySchema),
  /** Drives per stage (active ones), for the board's column headers. */
  byStage: z.record(z.string(), z.number()),
});

export const driveDetailSchema = driveSummarySchema.extend({
  note: z.string().nullable(),
  closeReason: z.string().nullable(),
  canWrite: z.boolean(),
  canLogContact: z.boolean(),
  stages: z.array(
    z.object({
      stage: z.enum(driveStages),
      onDate: z.string(),
      note: z.string().nullable(),
      by: z.string().nullable(),
    }),
  ),
  contactLog: z.array(
    z.object({
      id: z.number(),
      contactedOn: z.string(),
      by: z.string().nullable(),
      workerLabel: z.string().nullable(),
      workersReached: z.number(),
      summary: z.string(),
      support: z.number(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.number(),
      stage: z.string(),
      title: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      uploadedAt: z.string(),
    }),
  ),
});
export type DriveDetail = z.infer<typeof driveDetailSchema>;

export const documentQuery = z.object({
  title: z.string().trim().min(1).max(300),
  fileName: z.string().trim().min(1).max(300),
  stage: z.enum(driveStages).optional(),
});

export const assignableSchema = z.array(z.object({ id: z.number(), name: z.string(), role: z.string() }));
