import { z } from 'zod';
import { msg } from '../../lib/schemas.ts';

export const questionKinds = ['single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const questionSchema = z
  .object({
    /** Short and stable: answers are keyed by it. */
    id: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9_-]{1,20}$/,
        msg(
          'Mã câu hỏi gồm 1-20 chữ cái không dấu, chữ số, «-» hoặc «_».',
          'A question id is 1-20 letters, digits, «-» or «_».',
        ),
      ),
    text: z
      .string()
      .trim()
      .min(1, msg('Nhập nội dung câu hỏi.', 'Enter the question.'))
      .max(500, msg('Câu hỏi tối đa 500 ký tự.', 'A question may hold at most 500 characters.')),
    kind: z.enum(questionKinds),
    /** The choices of a single or multiple choice question; none for a text question. */
    options: z
      .array(
        z
          .string()
          .trim()
          .min(1, msg('Phương án không được để trống.', 'An option may not be empty.'))
          .max(200, msg('Phương án tối đa 200 ký tự.', 'An option may hold at most 200 characters.')),
      )
      .default([]),
    required: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'text' && q.options.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('Câu hỏi tự luận không có phương án chọn.', 'A text question has no options.'),
      });
    if (q.kind !== 'text' && (q.options.length < 2 || q.options.length > 20))
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('Câu hỏi trắc nghiệm cần từ 2 đến 20 phương án.', 'A choice question needs 2 to 20 options.'),
      });
    if (new Set(q.options).size !== q.options.length)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('Hai phương án trùng nhau.', 'Two options are the same.'),
      });
  });
export type Question = z.infer<typeof questionSchema>;

export const questionsSchema = z
  .array(questionSchema)
  .min(1, msg('Khảo sát cần ít nhất một câu hỏi.', 'A survey needs at least one question.'))
  .max(30, msg('Khảo sát có tối đa 30 câu hỏi.', 'A survey may hold at most 30 questions.'))
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: msg(`Mã câu hỏi «${q.id}» bị trùng.`, `The question id «${q.id}» is used twice.`),
        });
      seen.add(q.id);
    });
  });

const instant = z.iso.datetime({ offset: true });

export const createSurveyBody = z.object({
  unitId: z.number().int().positive(),
  title: z
    .string()
    .trim()
    .min(1, msg('Nhập tên khảo sát.', 'Enter a title.'))
    .max(200, msg('Tên khảo sát tối đa 200 ký tự.', 'The title may hold at most 200 characters.')),
  description: z.string().trim().max(4000).default(''),
  questions: questionsSchema,
  audienceUnitIds: z.array(z.number().int().positive()).min(1).max(100).optional(),
  /** When it opens to members (now when left out) and closes (open until closed by hand when left out). */
  opensAt: instant.optional(),
  closesAt: instant.optional(),
});
export type CreateSurveyInput = z.infer<typeof createSurveyBody>;

export const listQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListQuery = z.infer<typeof listQuery>;

export const surveyStatuses = ['scheduled', 'open', 'closed'] as const;
const unitRef = z.object({ id: z.number(), name: z.string() });

export const surveySummary = z.object({
  id: z.number(),
  unit: unitRef,
  title: z.string(),
  description: z.string(),
  audience: z.array(unitRef),
  opensAt: z.string(),
  closesAt: z.string().nullable(),
  status: z.enum(surveyStatuses),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  questionCount: z.number(),
  responseCount: z.number(),
  /** Open memberships today under the audience's subtrees. */
  audienceCount: z.number(),
  /** responseCount / audienceCount, 0..1. */
  responseShare: z.number(),
});
export type SurveySummary = z.infer<typeof surveySummary>;
export const surveyList = z.object({ items: z.array(surveySummary) });

export const questionResult = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(questionKinds),
  required: z.boolean(),
  /** Responses that answered this question. */
  answeredCount: z.number(),
  /** single/multiple: each option's count and its share of those who answered the question. */
  options: z.array(z.object({ option: z.string(), count: z.number(), share: z.number() })),
  /** text: the answers themselves, in alphabetical order (never who wrote them, nor when). */
  textAnswers: z.array(z.string()),
});

export const surveyResults = surveySummary.extend({
  questions: z.array(questionResult),
  canClose: z.boolean(),
});
export type SurveyResults = z.infer<typeof surveyResults>;

/** The member's answers: one option for single, a list for multiple, words for text. */
export const answersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type Answers = z.infer<typeof answersSchema>;
export const responseBody = z.object({ answers: answersSchema });

const appQuestion = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(questionKinds),
  options: z.array(z.string()),
  required: z.boolean(),
});

export const appSurveySummary = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  unitName: z.string(),
  opensAt: z.string(),
  closesAt: z.string().nullable(),
  questionCount: z.number(),
  answered: z.boolean(),
});
export const appSurveyList = z.object({ items: z.array(appSurveySummary) });

export const appSurvey = appSurveySummary.extend({
  /** Still taking answers. */
  open: z.boolean(),
  questions: z.array(appQuestion),
  /** The member's own answers, once given. */
  answers: answersSchema.nullable(),
  submittedAt: z.string().nullable(),
});
export type AppSurvey = z.infer<typeof appSurvey>;
