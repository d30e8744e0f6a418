import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/dashboard.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { formatPct } from '../enterprises/format.ts';

/** The unit's headline figures on the day, each with the line that explains it. */
export function KpiCards({ data: d }: { data: Dashboard }) {
  const { t } = useTranslation();
  const k = d.kpis;
  const since = t('dashboard.kpi.sinceLine', { date: formatDay(d.yearStart) });
  const cards: [string, string, number | null, string, string][] = [
    [
      'members',
      formatNumber(k.members),
      k.members,
      k.womenShare === null ? '' : t('dashboard.kpi.womenShare', { pct: formatPct(k.womenShare) }),
      'blue',
    ],
    ['grassroots', formatNumber(k.grassroots), k.grassroots, '', 'indigo'],
    ['newMembers', `+${formatNumber(k.newMembers)}`, k.newMembers, since, 'teal'],
    ['newGrassroots', `+${formatNumber(k.newGrassroots)}`, k.newGrassroots, since, 'cyan'],
    [
      'coverage',
      k.coverage.rate === null ? '—' : formatPct(k.coverage.rate),
      k.coverage.rate,
      t('dashboard.kpi.coverageLine', {
        covered: formatNumber(k.coverage.covered),
        target: formatNumber(k.coverage.target),
      }),
      'green',
    ],
    [
      'drives',
      formatNumber(k.drives.active),
      k.drives.active,
      t('dashboard.kpi.stalledLine', { n: formatNumber(k.drives.stalled), days: d.drives.stalledDays }),
      k.drives.stalled > 0 ? 'orange' : 'gray',
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      {cards.map(([key, shown, value, line, color]) => (
        <Card key={key} withBorder radius="md" p="sm" data-testid={`kpi-${key}`} data-value={value ?? ''}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3} mih={32}>
            {t(`dashboard.kpi.${key}`)}
          </Text>
          <Text fz={26} fw={700} c={`${color}.7`} lh={1.2}>
            {shown}
          </Text>
          <Text size="xs" c="dimmed" mih={18}>
            {line}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
