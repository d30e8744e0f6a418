import { z } from 'zod';
import { msg } from '../../lib/schemas.ts';

export const publishBody = z.object({
  /** The publishing unit: the officer needs write rights on it. */
  unitId: z.number().int().positive(),
  title: z
    .string()
    .trim()
    .min(1, msg('Nhập tiêu đề thông báo.', 'Enter a title.'))
    .max(200, msg('Tiêu đề tối đa 200 ký tự.', 'The title may hold at most 200 characters.')),
  body: z
    .string()
    .trim()
    .min(1, msg('Nhập nội dung thông báo.', 'Enter the text of the announcement.'))
    .max(10_000, msg('Nội dung tối đa 10.000 ký tự.', 'The text may hold at most 10,000 characters.')),
  /** Members of these units' subtrees (each in the publisher's subtree); the publisher's own when left out. */
  audienceUnitIds: z.array(z.number().int().positive()).min(1).max(100).optional(),
});
export type PublishInput = z.infer<typeof publishBody>;

export const listQuery = z.object({
  /** Announcements published by this unit or any unit under it; the caller's whole scope when left out. */
  unitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListQuery = z.infer<typeof listQuery>;

const unitRef = z.object({ id: z.number(), name: z.string() });

export const announcementSummary = z.object({
  id: z.number(),
  unit: unitRef,
  title: z.string(),
  body: z.string(),
  audience: z.array(unitRef),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** Members who opened it (first read only). */
  readCount: z.number(),
  /** Open memberships today under the audience's subtrees. */
  audienceCount: z.number(),
  /** readCount / audienceCount, 0..1 (0 for an empty audience). */
  readShare: z.number(),
});
export type AnnouncementSummary = z.infer<typeof announcementSummary>;

export const announcementList = z.object({ items: z.array(announcementSummary) });

export const receiptsByUnit = z.object({
  unitId: z.number(),
  unitName: z.string(),
  audienceCount: z.number(),
  /** Reads by members whose CĐCS lies under this audience unit today. */
  readCount: z.number(),
  share: z.number(),
});

export const announcementDetail = announcementSummary.extend({
  receipts: z.object({ count: z.number(), share: z.number(), byUnit: z.array(receiptsByUnit) }),
  canWithdraw: z.boolean(),
});
export type AnnouncementDetail = z.infer<typeof announcementDetail>;

/** The member app's view: what was said, by which unit, and whether they opened it. */
export const appAnnouncement = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  unitName: z.string(),
  publishedAt: z.string(),
  read: z.boolean(),
});
export const appAnnouncementList = z.object({ items: z.array(appAnnouncement) });
