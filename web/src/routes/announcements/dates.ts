import { formatDay, todayVn } from '../../lib/format.ts';

/** An instant from the server shown as the day it was in Vietnam (dd/mm/yyyy). */
export const vnDay = (instant: string | null | undefined) => (instant ? formatDay(todayVn(new Date(instant))) : '—');
