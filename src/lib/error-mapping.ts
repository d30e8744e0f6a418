import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldProblem } from './errors.ts';

const viLocale = z.locales.vi();
const enLocale = z.locales.en();

/** Turns whatever was thrown into the one error type clients see; never leaks internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { code?: string; statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    const problems = e.validation.map((v): FieldProblem => {
      const field = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      return { field, ...bilingual(v.message, { code: v.keyword, ...v.params } as never) };
    });
    return new AppError(
      'validation_failed',
      400,
      'Dữ liệu gửi lên không hợp lệ: xem từng trường bên dưới.',
      'The request is not valid: see each field below.',
      problems,
    );
  }
  if (e?.code === 'FST_CSRF_INVALID_TOKEN' || e?.code === 'FST_CSRF_MISSING_SECRET')
    return new AppError(
      'csrf_invalid',
      403,
      'Phiên làm việc đã hết hạn bảo mật (CSRF). Tải lại trang rồi thử lại.',
      'The security token (CSRF) is missing or stale. Reload the page and try again.',
    );
  if (e?.statusCode === 429) return rateLimited(e.message);
  if (e?.statusCode === 404) return new AppError('not_found', 404, 'Không có đường dẫn này.', 'There is no such path.');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError(
      'bad_request',
      400,
      'Nội dung gửi lên phải là JSON (Content-Type: application/json).',
      'The request body must be JSON (Content-Type: application/json).',
    );
  if (e?.statusCode === 400 || e?.statusCode === 413 || e?.statusCode === 415)
    return new AppError(
      'bad_request',
      e.statusCode,
      'Yêu cầu không đọc được (JSON sai cú pháp hoặc quá lớn).',
      'The request could not be read (malformed or too large JSON).',
    );
  const pgCode = (e as { cause?: { code?: string } })?.cause?.code ?? e?.code;
  if (pgCode === '23505' || pgCode === '23P01')
    return new AppError(
      'conflict',
      409,
      'Dữ liệu trùng hoặc chồng lấn với bản ghi đã có (ví dụ mã đã dùng, hai giai đoạn trùng ngày).',
      'The data duplicates or overlaps an existing record (a code in use, two periods on the same day).',
    );
  return new AppError(
    'internal_error',
    500,
    'Hệ thống gặp lỗi ngoài dự kiến. Lỗi đã được ghi lại; vui lòng thử lại sau.',
    'Something went wrong on our side. It has been logged; please try again later.',
  );
}

const UNITS_VI = { second: 'giây', minute: 'phút', hour: 'giờ', day: 'ngày' } as const;

/**
 * The rate limiter's refusal, saying when to try again: its message ends "retry in 2 minutes"
 * (@fastify/rate-limit's wording of the time left), read back into both languages.
 */
export function rateLimited(message: string | undefined): AppError {
  const m = /retry in (\d+) (second|minute|hour|day)s?/.exec(message ?? '');
  const n = m ? Number(m[1]) : 1;
  const unit = (m?.[2] ?? 'minute') as keyof typeof UNITS_VI;
  return new AppError(
    'rate_limited',
    429,
    `Bạn thử quá nhiều lần. Vui lòng thử lại sau ${n} ${UNITS_VI[unit]}.`,
    `Too many attempts. Please try again in ${n} ${unit}${n === 1 ? '' : 's'}.`,
  );
}

/** Our own messages carry 'vi || en'; zod's built-ins are rendered by its two locales. */
function bilingual(message: string, issue: Parameters<typeof viLocale.localeError>[0]) {
  const split = message.split(' || ');
  if (split.length === 2) return { vi: split[0] ?? message, en: split[1] ?? message };
  const render = (l: typeof viLocale) => {
    const out = l.localeError(issue);
    return typeof out === 'string' ? out : (out?.message ?? message);
  };
  return { vi: render(viLocale), en: render(enLocale) };
}
