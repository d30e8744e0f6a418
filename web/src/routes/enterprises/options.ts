/** Choices and colours of the enterprise pages; the values are what the server stores. */
import type { ConflictKind, EnterpriseStatus, FactSource, Ownership } from '../../api/enterprises.ts';

export const OWNERSHIPS: Ownership[] = ['foreign_invested', 'non_state', 'state', 'cooperative'];
export const STATUSES: EnterpriseStatus[] = ['operating', 'suspended', 'dissolving', 'closed'];
export const CONFLICT_KINDS: ConflictKind[] = [
  'name_differs',
  'business_closed',
  'workforce_jump',
  'manual_differs',
  'field_differs',
];

export const STATUS_COLOR: Record<EnterpriseStatus, string> = {
  operating: 'green',
  suspended: 'yellow',
  dissolving: 'orange',
  closed: 'gray',
};

export const OWNERSHIP_COLOR: Record<Ownership, string> = {
  foreign_invested: 'grape',
  non_state: 'blue',
  state: 'red',
  cooperative: 'teal',
};

/** Where a fact came from: typed by an officer, the business register (ĐKKD), Social Insurance. */
export const SOURCE_COLOR: Record<FactSource, string> = { manual: 'gray', dpi: 'indigo', bhxh: 'cyan' };

/** Workforce bands of the list filter: [min, max], either end open; 25 is the plan's line. */
export const WORKFORCE_BANDS: Record<string, [number | undefined, number | undefined]> = {
  u25: [undefined, 24],
  '25_99': [25, 99],
  '100_299': [100, 299],
  '300_999': [300, 999],
  '1000p': [1000, undefined],
  '25p': [25, undefined],
};
