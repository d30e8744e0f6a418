import type { FeedbackKind, FeedbackStatus } from '../../api/feedback.ts';
import { formatDay } from '../../lib/format.ts';

export const STATUSES: FeedbackStatus[] = ['open', 'answered', 'closed'];
export const KINDS: FeedbackKind[] = ['concern', 'question', 'legal_consultation'];

export const STATUS_COLOR: Record<FeedbackStatus, string> = { open: 'orange', answered: 'green', closed: 'gray' };
export const KIND_COLOR: Record<FeedbackKind, string> = {
  concern: 'grape',
  question: 'blue',
  legal_consultation: 'red',
};

/** 2024-07-01T03:04:05Z -> 01/07/2024 10:04 (Vietnam time). */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const vn = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${formatDay(vn.slice(0, 10))} ${vn.slice(11, 16)}`;
}
