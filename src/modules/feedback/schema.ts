import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';

export const feedbackKinds = ['concern', 'question', 'legal_consultation'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const feedbackStatuses = ['open', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];
export const escalationTargets = ['upper_union', 'legal_team'] as const;
export type EscalationTarget = (typeof escalationTargets)[number];
export const messageKinds = ['message', 'assigned', 'escalated', 'closed', 'reopened'] as const;

/** What both sides see of a thread in a list. */
export const feedbackSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(feedbackKinds),
  subject: z.string(),
  anonymous: z.boolean(),
  /** open: the union's turn; answered: the member's; closed: done (a member's message reopens it). */
  status: z.enum(feedbackStatuses),
  escalatedTo: z.enum(escalationTargets).nullable(),
  /** The unit whose inbox holds it now (the member's CĐCS until escalated). */
  handlingUnitName: z.string(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  firstAnsweredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

/** One entry of a thread: a message, or a step the member sees too. */
export const feedbackMessageSchema = z.object({
  id: z.number(),
  kind: z.enum(messageKinds),
  author: z.enum(['member', 'officer']),
  /** The unit handling the thread once this entry was made: an answer is signed by it, an escalation names where it went. */
  unitName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const feedbackThreadSchema = feedbackSummarySchema.extend({ messages: z.array(feedbackMessageSchema) });
export type FeedbackThread = z.infer<typeof feedbackThreadSchema>;

export const memberFeedbackListSchema = z.object({ items: z.array(feedbackSummarySchema) });

const body = (max: number, what: { vi: string; en: string }) =>
  z
    .string(msg(`Nhập ${what.vi}.`, `Enter the ${what.en}.`))
    .trim()
    .min(1, msg(`Nhập ${what.vi}.`, `Enter the ${what.en}.`))
    .max(max, msg(`${what.vi} dài tối đa ${max} ký tự.`, `The ${what.en} may be at most ${max} characters.`));

const SUBJECT = { vi: 'tiêu đề', en: 'subject' };
const CONTENT = { vi: 'nội dung', en: 'message' };

export const startBody = z.object({
  kind: z.enum(
    feedbackKinds,
    msg(
      'Chọn loại: tâm tư, câu hỏi hoặc đề nghị tư vấn pháp luật.',
      'Choose a kind: concern, question or legal consultation.',
    ),
  ),
  subject: body(200, SUBJECT),
  body: body(5000, CONTENT),
  /** No officer will see who sent it. */
  anonymous: z.boolean().default(false),
});
export type StartInput = z.infer<typeof startBody>;

export const messageBody = z.object({ body: body(5000, CONTENT) });

// ---- officers ----------------------------------------------------------------------------------

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const inboxQuery = z.object({
  /** Threads from this unit's subtree. */
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(feedbackStatuses).optional(),
  kind: z.enum(feedbackKinds).optional(),
  /** true: only threads escalated to the federation's legal team; false: none of those. */
  legal: bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

const officerExtras = {
  fromUnitId: z.number(),
  fromUnitName: z.string(),
  handlingUnitId: z.number(),
  /** null when the member wrote anonymously: no officer sees who sent it. */
  senderName: z.string().nullable(),
  assignedUserId: z.number().nullable(),
  assignedUserName: z.string().nullable(),
};

export const inboxItemSchema = feedbackSummarySchema.extend(officerExtras);
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number() });

export const officerThreadSchema = feedbackSummarySchema.extend({
  ...officerExtras,
  /** Masked unless the officer's role sees identifiers; null when anonymous. */
  senderPhone: z.string().nullable(),
  /** The caller may answer, assign, escalate and close it (they write for the handling unit). */
  canAct: z.boolean(),
  messages: z.array(feedbackMessageSchema.extend({ userName: z.string().nullable() })),
});
export type OfficerThread = z.infer<typeof officerThreadSchema>;

export const answerBody = messageBody;
export const assignBody = z.object({ userId: z.number().int().positive() });
export const escalateBody = z.object({
  to: z.enum(
    escalationTargets,
    msg('Chọn nơi chuyển: công đoàn cấp trên hoặc tổ tư vấn pháp luật.', 'Choose upper_union or legal_team.'),
  ),
  note: z.string().trim().max(2000).optional(),
});
export const closeBody = z.object({ note: z.string().trim().max(2000).optional() });

export const assigneesSchema = z.object({
  items: z.array(z.object({ id: z.number(), displayName: z.string(), unitName: z.string().nullable() })),
});

export const responseTimesQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  /** The period's first and last day (threads created in it); the last 90 days when left out. */
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export const responseTimeRowSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  received: z.number(),
  answered: z.number(),
  /** Not answered yet and not closed. */
  open: z.number(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  /** Share of the threads received that were answered within 3 working days (0..1); null when none received. */
  withinThreeDays: z.number().nullable(),
});
export type ResponseTimeRow = z.infer<typeof responseTimeRowSchema>;

export const responseTimesSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The unit itself: every thread from its subtree. */
  total: responseTimeRowSchema,
  /** One row per child unit in today's tree. */
  items: z.array(responseTimeRowSchema),
});
