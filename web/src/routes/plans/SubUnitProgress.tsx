import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress, TargetView } from '../../api/plans.ts';
import { fold } from '../../lib/fold.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRatio, formatValue } from './numbers.ts';
import { needsAttention, rowTint, STATUS_COLOR, STATUS_ORDER } from './status.ts';

type TargetProgress = Progress['targets'][number];
type Filter = 'all' | 'attention' | 'allocated';
const PAGE = 100;

/** The sub-units of the unit shown for one target, those behind first; a click opens the sub-unit's own progress. */
export function SubUnitProgress(props: {
  targets: TargetView[];
  item: TargetProgress;
  onTarget: (id: number) => void;
  onUnit: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  const m = item.target.measure;
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const needle = fold(q.trim());
  const rows = item.rows
    .filter((r) => filter !== 'attention' || needsAttention(r.figure.status))
    .filter((r) => filter !== 'allocated' || r.figure.allocated !== null)
    .filter((r) => !needle || fold(`${r.unit.code} ${r.unit.name}`).includes(needle))
    .sort((a, b) => STATUS_ORDER.indexOf(a.figure.status) - STATUS_ORDER.indexOf(b.figure.status));

  return (
    <Card withBorder radius="md" p={0} data-testid="plan-subunits">
      <Group justify="space-between" p="md" pb="xs" align="flex-end">
        <Title order={4}>{t('plans.subunits.title')}</Title>
        <Group gap="sm" align="flex-end">
          {props.targets.length > 1 && (
            <Select
              label={t('plans.allocation.target')}
              data={props.targets.map((x) => ({ value: String(x.id), label: x.name }))}
              value={String(item.target.id)}
              onChange={(v) => v && props.onTarget(Number(v))}
              allowDeselect={false}
              w={300}
              data-testid="plan-subunits-target"
            />
          )}
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'all', label: t('plans.subunits.all') },
              { value: 'allocated', label: t('plans.subunits.allocated') },
              { value: 'attention', label: t('plans.subunits.attention') },
            ]}
          />
          <TextInput
            placeholder={t('plans.subunits.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={220}
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={980}>
        <Table verticalSpacing={6} highlightOnHover fz="sm" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('plans.grid.code')}</Table.Th>
              <Table.Th>{t('plans.grid.unit')}</Table.Th>
              <Table.Th ta="right">{t('plans.progress.allocated')}</Table.Th>
              <Table.Th ta="right">{t('plans.progress.actual')}</Table.Th>
              <Table.Th ta="right">%</Table.Th>
              <Table.Th ta="right">{t('plans.progress.expected')}</Table.Th>
              <Table.Th ta="right">{t('plans.progress.forecast')}</Table.Th>
              <Table.Th w={170}>{t('plans.subunits.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, limit).map(({ unit: u, figure: f }) => (
              <Table.Tr
                key={u.id}
                bg={rowTint(f.status)}
                style={{ cursor: 'pointer' }}
                onClick={() => props.onUnit(u.id)}
                data-testid="plan-subunit-row"
                data-unit-code={u.code}
                data-status={f.status}
              >
                <Table.Td ff="monospace">{u.code}</Table.Td>
                <Table.Td style={{ whiteSpace: 'normal' }}>
                  <Anchor component="button" type="button" size="sm" ta="left">
                    {u.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" data-testid="plan-subunit-allocated">
                  {formatValue(f.allocated, m)}
                </Table.Td>
                <Table.Td ta="right" fw={600} data-testid="plan-subunit-actual">
                  {formatValue(f.actual, m)}
                </Table.Td>
                <Table.Td ta="right">{formatRatio(f.ratio)}</Table.Td>
                <Table.Td ta="right">{formatValue(f.expected, m, true)}</Table.Td>
                <Table.Td ta="right">{formatValue(f.forecast, m, true)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[f.status]} variant="light" tt="none" style={{ overflow: 'visible' }}>
                    {t(`plans.status.${f.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Text size="sm" c="dimmed">
          {t('plans.subunits.shown', {
            shown: formatNumber(Math.min(limit, rows.length)),
            total: formatNumber(rows.length),
          })}
        </Text>
        {rows.length > limit && (
          <Button variant="light" onClick={() => setLimit(limit + PAGE)}>
            {t('plans.subunits.more')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
