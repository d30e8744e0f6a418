import { invalid } from '../../lib/errors.ts';

/** Opaque page cursors: the sort values of the last row, so any page is as fast as the first. */
export const encodeCursor = (values: (string | number)[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor<T extends (string | number)[]>(cursor: string | undefined, shape: string): T | undefined {
  if (!cursor) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => (shape[i] === 's' ? typeof v === 'string' : Number.isFinite(v)))
    )
      return values as T;
  } catch {
    // fall through to the error below
  }
  throw invalid([
    {
      field: 'querystring.after',
      vi: 'Con trỏ trang không hợp lệ: tải lại danh sách.',
      en: 'Invalid page cursor: reload the list.',
    },
  ]);
}
