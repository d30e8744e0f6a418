import type { TFunction } from 'i18next';
import type { ReportKind } from '../../api/reports.ts';

/** "6 tháng đầu năm 2023" / "First half of 2023", from the kind and the period's days. */
export function periodText(t: TFunction, r: { kind: ReportKind; periodFrom: string; periodTo: string }) {
  const year = r.periodFrom.slice(0, 4);
  if (r.kind === 'six_month')
    return t(r.periodFrom.slice(5, 7) === '01' ? 'reports.period.six_month_1' : 'reports.period.six_month_2', { year });
  if (r.kind === 'annual') return t('reports.period.annual', { year });
  return t('reports.period.term', { from: year, to: r.periodTo.slice(0, 4) });
}

export const STATUS_COLOR = { draft: 'yellow', submitted: 'green' } as const;
