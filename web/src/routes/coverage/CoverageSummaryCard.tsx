import { Card, Group, Progress, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoverageSummary } from '../../api/enterprises.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { OwnershipBadge } from '../enterprises/EnterpriseBadges.tsx';
import { formatPct } from '../enterprises/format.ts';
import { rateColor } from './bubbles.ts';

/** The plan's target in one look: the rate, big, and the counts it is made of. */
export function CoverageSummaryCard({ summary: s }: { summary: CoverageSummary }) {
  const { t } = useTranslation();
  const pct = s.rate === null ? 0 : s.rate * 100;
  const tiles = [
    ['operating', s.operating, 'dark'],
    ['target', s.target, 'blue'],
    ['covered', s.covered, 'green'],
    ['uncovered', s.uncovered, s.uncovered > 0 ? 'red' : 'gray'],
  ] as const;
  return (
    <Card withBorder radius="md" p="lg" data-testid="coverage-summary">
      <Group align="center" gap="xl" wrap="wrap">
        <RingProgress
          size={210}
          thickness={18}
          roundCaps
          sections={[{ value: pct, color: rateColor(s.rate) }]}
          label={
            <Stack gap={0} align="center">
              <Text fz={34} fw={800} lh={1.1} data-testid="coverage-rate" data-value={s.rate ?? ''}>
                {s.rate === null ? '—' : formatPct(s.rate)}
              </Text>
              <Text size="xs" c="dimmed" ta="center" maw={130}>
                {t('coverage.rateCaption')}
              </Text>
            </Stack>
          }
        />
        <Stack gap="sm" style={{ flex: 1, minWidth: 300 }}>
          <div>
            <Title order={3}>{s.unit.name}</Title>
            <Text size="sm" c="dimmed">
              {t('coverage.asOfLine', { date: formatDay(s.asOf) })}
            </Text>
          </div>
          <Text size="lg" data-testid="coverage-sentence">
            {t('coverage.sentence', { covered: formatNumber(s.covered), target: formatNumber(s.target) })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {tiles.map(([key, n, color]) => (
              <Card key={key} withBorder radius="md" p="sm" data-testid={`coverage-${key}`} data-value={n}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
                  {t(`coverage.tile.${key}`)}
                </Text>
                <Text fz={24} fw={700} c={`${color}.7`}>
                  {formatNumber(n)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm" data-testid="coverage-density" data-value={s.density ?? ''}>
            <Text span fw={600}>
              {t('coverage.density')}:{' '}
            </Text>
            {s.density === null
              ? '—'
              : t('coverage.densityLine', {
                  pct: formatPct(s.density),
                  members: formatNumber(s.membersInCovered),
                  workers: formatNumber(s.workersInCovered),
                })}
          </Text>
        </Stack>
        <OwnershipTable summary={s} />
      </Group>
    </Card>
  );
}

function OwnershipTable({ summary: s }: { summary: CoverageSummary }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} fz="sm" w={320} data-testid="coverage-by-ownership">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('enterprise.field.ownership')}</Table.Th>
          <Table.Th ta="right">{t('coverage.coveredOfTarget')}</Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {s.byOwnership.map((o) => (
          <Table.Tr key={o.ownership}>
            <Table.Td>
              <OwnershipBadge ownership={o.ownership} />
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatNumber(o.covered)}/{formatNumber(o.target)}
            </Table.Td>
            <Table.Td>
              <Progress value={o.rate === null ? 0 : o.rate * 100} color={rateColor(o.rate)} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
