import { Alert, Badge, Progress as Bar, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../api/plans.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { formatRatio, formatValue } from './numbers.ts';
import { STATUS_COLOR } from './status.ts';

type TargetProgress = Progress['targets'][number];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** One target for the unit shown: allocated against actual, where it should be by now, the forecast, the judgement. */
export function TargetProgressCard({ item }: { item: TargetProgress }) {
  const { t } = useTranslation();
  const { target, unit: f } = item;
  const m = target.measure;
  const ratio = f.ratio ?? 0;
  const cov = f.coverage;
  return (
    <Card withBorder radius="md" p="md" data-testid="plan-target-card" data-target-id={target.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{target.name}</Title>
            <Text size="xs" c="dimmed">
              {t('plans.progress.window', { from: formatDay(target.startsOn), to: formatDay(target.dueOn) })}
              {item.measuredOn === target.dueOn && ` · ${t('plans.progress.final')}`}
            </Text>
          </div>
          <Badge
            color={STATUS_COLOR[f.status]}
            variant="filled"
            tt="none"
            size="lg"
            style={{ flex: 'none' }}
            data-testid="plan-target-status"
          >
            {t(`plans.status.${f.status}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('plans.progress.allocated')} value={formatValue(f.allocated, m)} testId="plan-allocated" />
          <Figure label={t('plans.progress.actual')} value={formatValue(f.actual, m)} testId="plan-actual" />
          <Figure
            label={t('plans.progress.expected')}
            value={formatValue(f.expected, m, true)}
            testId="plan-expected"
          />
          <Figure
            label={t('plans.progress.forecast')}
            value={formatValue(f.forecast, m, true)}
            testId="plan-forecast"
          />
        </SimpleGrid>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm">{t('plans.progress.ratio')}</Text>
            <Text size="sm" fw={700} data-testid="plan-ratio">
              {formatRatio(f.ratio)}
            </Text>
          </Group>
          <Bar value={Math.min(100, ratio * 100)} color={STATUS_COLOR[f.status]} size="lg" radius="xl" />
        </div>
        {cov && (
          <Text size="sm" c="dimmed">
            {t('plans.progress.coverage', {
              covered: formatNumber(cov.covered),
              target: formatNumber(cov.target),
              start: formatNumber(cov.targetAtStart),
            })}
          </Text>
        )}
        {cov?.rule && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle size={18} />}
            p="xs"
            data-testid="plan-adjusted-rule"
          >
            <Text size="sm">{cov.rule}</Text>
            {cov.adjustedRate !== null && (
              <Text size="sm" fw={600}>
                {t('plans.progress.adjusted', { rate: formatRatio(cov.adjustedRate) })}
              </Text>
            )}
          </Alert>
        )}
        {item.periods.length > 0 && (
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="plan-own-periods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.progress.period')}</Table.Th>
                <Table.Th ta="right">{t('plans.progress.allocated')}</Table.Th>
                <Table.Th ta="right">{t('plans.progress.actual')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.periods.map((x) => (
                <Table.Tr key={x.key}>
                  <Table.Td>{x.label}</Table.Td>
                  <Table.Td ta="right">{formatValue(x.allocated, m)}</Table.Td>
                  <Table.Td ta="right">{formatValue(x.actual, m)}</Table.Td>
                  <Table.Td ta="right">{x.allocated > 0 ? formatRatio(x.actual / x.allocated) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
