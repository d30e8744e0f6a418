/**
 * One error type with a stable code. The handler in app.ts renders it as application/problem+json
 * with the message in the caller's language (Vietnamese unless English is asked for).
 */
export type Locale = 'vi' | 'en';

export type FieldProblem = {
  /** Where: a field path ('parentId', 'rows.3.name'), or a file location ('row 12, column C'). */
  field: string;
  vi: string;
  en: string;
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly vi: string;
  readonly en: string;
  readonly problems: FieldProblem[];

  constructor(code: string, status: number, vi: string, en: string, problems: FieldProblem[] = []) {
    super(en);
    this.code = code;
    this.status = status;
    this.vi = vi;
    this.en = en;
    this.problems = problems;
  }
}

export const notFound = (what: { vi: string; en: string }, id: string | number) =>
  new AppError(
    'not_found',
    404,
    `Không tìm thấy ${what.vi} «${id}», hoặc bạn không có quyền xem. Kiểm tra lại mã hoặc liên hệ quản trị viên.`,
    `No ${what.en} «${id}» was found, or you may not see it. Check the id, or ask an administrator.`,
  );

export const forbidden = (vi: string, en: string) => new AppError('forbidden', 403, vi, en);

export const invalid = (problems: FieldProblem[], vi = 'Dữ liệu không hợp lệ.', en = 'The input is not valid.') =>
  new AppError('validation_failed', 400, vi, en, problems);

export const conflict = (code: string, vi: string, en: string) => new AppError(code, 409, vi, en);

/** The problem+json body a client receives. */
export function problemBody(err: AppError, locale: Locale, instance?: string) {
  return {
    type: `https://congdoan.dev/problems/${err.code}`,
    title: locale === 'en' ? err.en : err.vi,
    status: err.status,
    code: err.code,
    ...(instance ? { instance } : {}),
    errors: err.problems.map((p) => ({ field: p.field, message: locale === 'en' ? p.en : p.vi })),
  };
}
