import { BarChart } from '@mantine/charts';
import { Button, Card, Group, Progress, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/dashboard.ts';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { fold } from '../../lib/fold.ts';
import { formatNumber } from '../../lib/format.ts';
import { rateColor } from '../coverage/bubbles.ts';
import { formatPct } from '../enterprises/format.ts';

const TOP = 12;
/**
 * Rows of the table drawn at first, and added per click: a province has a thousand sub-units
 * since the 2025 reform (its enterprise CĐCS), and drawing them all took the browser 1.8 s.
 */
const PAGE = 50;

/** Direct sub-units, most members first: a chart of the first few and the table, filtered by name. */
export function Ranking({ data: d, onOpen }: { data: Dashboard; onOpen: (unitId: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [shown, setShown] = useState(PAGE);
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
  const needle = fold(q.trim());
  // The rank stays the unit's place among all sub-units, filtered or not.
  const ranked = d.ranking.map((r, i) => ({ r, rank: i + 1 }));
  const matching = needle ? ranked.filter(({ r }) => fold(r.unit.name).includes(needle)) : ranked;
  const rows = matching.slice(0, shown);
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
        <Group justify="space-between" gap="xs">
          <TextInput
            size="xs"
            w={280}
            leftSection={<IconSearch size={14} />}
            placeholder={t('dashboard.ranking.filter')}
            aria-label={t('dashboard.ranking.filter')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setShown(PAGE);
            }}
            data-testid="ranking-filter"
          />
          <Text size="xs" c="dimmed">
            {t('dashboard.ranking.shown', { shown: rows.length, total: matching.length })}
          </Text>
        </Group>
        {matching.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('dashboard.ranking.filterEmpty', { q: q.trim() })}
          </Text>
        )}
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
              {rows.map(({ r, rank }) => (
                <Table.Tr
                  key={r.unit.id}
                  onClick={() => onOpen(r.unit.id)}
                  style={{ cursor: 'pointer' }}
                  data-testid={`ranking-row-${r.unit.id}`}
                >
                  <Table.Td c="dimmed">{rank}</Table.Td>
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
        {matching.length > rows.length && (
          <Button
            variant="light"
            size="xs"
            onClick={() => setShown((n) => n + PAGE * 2)}
            data-testid="ranking-more"
            style={{ alignSelf: 'center' }}
          >
            {t('dashboard.ranking.more', {
              n: Math.min(PAGE * 2, matching.length - rows.length),
              left: matching.length - rows.length,
            })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
