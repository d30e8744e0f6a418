import type { ProgressStatus } from '../../api/plans.ts';

export const STATUS_COLOR: Record<ProgressStatus, string> = {
  achieved: 'green',
  on_track: 'teal',
  at_risk: 'yellow',
  behind: 'red',
  missed: 'red',
  no_target: 'gray',
  not_applicable: 'gray',
};

/** Rows needing attention first: missed and behind, then at risk; units without a target last. */
export const STATUS_ORDER: readonly ProgressStatus[] = [
  'missed',
  'behind',
  'at_risk',
  'on_track',
  'achieved',
  'no_target',
  'not_applicable',
];

export const needsAttention = (s: ProgressStatus) => s === 'behind' || s === 'at_risk' || s === 'missed';

/** The row tint of a sub-unit in the progress table. */
export function rowTint(s: ProgressStatus): string | undefined {
  if (s === 'behind' || s === 'missed') return 'var(--mantine-color-red-0)';
  if (s === 'at_risk') return 'var(--mantine-color-yellow-0)';
  return undefined;
}
