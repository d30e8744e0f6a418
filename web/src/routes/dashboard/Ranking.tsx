import { BarChart } from '@mantine/charts';
import { Card, Progress, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/dashboard.ts';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { formatNumber } from '../../lib/format.ts';
import { rateColor } from '../coverage/bubbles.ts';
import { formatPct } from '../enterprises/format.ts';

const TOP = 12;

/** Direct sub-units, most members first: a chart of the first few and the full table. */
export function Ranking({ data: d, onOpen }: { data: Dashboard; onOpen: (unitId: number) => void }) {
  const { t } = useTranslation();
  if (d.ranking.length === 0)
    return (
      <Card withBorder radius="md" p="md">
        <Title order={4}>{t('dashboard.ranking.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('dashboard.ranking.empty')}
        </Text>
      </Card>
    );
  const top = d.ranking.slice(0, TOP).map((r) => ({ id: r.unit.id, name: r.unit.name, members: r.members }));
  const growth = (g: number | null) => (g === null ? t('dashboard.ranking.new') : `${g > 0 ? '+' : ''}${formatPct(g)}`);
  return (
    <Card withBorder radius="md" p="md" data-testid="dashboard-ranking">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('dashboard.ranking.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('dashboard.ranking.chartHint')}
          </Text>
        </div>
        <BarChart
          h={Math.max(140, 28 * top.length + 30)}
          data={top}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'members', label: t('dashboard.ranking.members'), color: 'blue.6' }]}
          valueFormatter={formatNumber}
          yAxisProps={{ width: 230, tick: { fontSize: 11 } }}
          barProps={{
            cursor: 'pointer',
            onClick: (bar: { payload?: { id?: number } }) => bar.payload?.id && onOpen(bar.payload.id),
          }}
        />
        <ScrollArea.Autosize mah={420} type="auto">
          <Table striped highlightOnHover verticalSpacing={6} fz="sm" miw={640} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('dashboard.ranking.unit')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.ranking.members')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.ranking.growth')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.ranking.newMembers')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.ranking.grassroots')}</Table.Th>
                <Table.Th w={150}>{t('dashboard.ranking.coverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.ranking.map((r, i) => (
                <Table.Tr
                  key={r.unit.id}
                  onClick={() => onOpen(r.unit.id)}
                  style={{ cursor: 'pointer' }}
                  data-testid={`ranking-row-${r.unit.id}`}
                >
                  <Table.Td c="dimmed">{i + 1}</Table.Td>
                  <Table.Td>
                    <TypeBadge type={r.unit.type} /> {r.unit.name}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatNumber(r.members)}
                  </Table.Td>
                  <Table.Td ta="right" c={r.growth === null ? 'dimmed' : r.growth < 0 ? 'red.7' : 'teal.7'}>
                    {growth(r.growth)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.newMembers)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.grassroots)}</Table.Td>
                  <Table.Td>
                    {r.coverage.rate === null ? (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        <Text size="xs">
                          {formatPct(r.coverage.rate)} ({r.coverage.covered}/{r.coverage.target})
                        </Text>
                        <Progress value={r.coverage.rate * 100} color={rateColor(r.coverage.rate)} size="xs" />
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
