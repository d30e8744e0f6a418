import { Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResponseTimeRow, useResponseTimes } from '../../api/feedback.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber, todayVn } from '../../lib/format.ts';

const hours = (h: number | null) =>
  h === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(h);

/** Received, answered, waiting and time to first answer, per sub-unit of the unit, and its total. */
export function ResponseTimesTable(props: {
  unitId: number | null;
  from: string;
  to: string;
  onPeriod: (from: string | null, to: string | null) => void;
}) {
  const { t } = useTranslation();
  const q = useResponseTimes(props.unitId, props.from, props.to);
  const r = q.data;
  // A province has a thousand sub-units: those that received nothing are counted, listed on request.
  const [showQuiet, setShowQuiet] = useState(false);
  const rows = (r?.items ?? []).filter((row) => showQuiet || row.received > 0);
  const quiet = (r?.items.length ?? 0) - (r?.items ?? []).filter((row) => row.received > 0).length;
  // The server's period (the last 90 days unless chosen) fills the inputs.
  const from = props.from || r?.from || '';
  const to = props.to || r?.to || todayVn();

  return (
    <Card withBorder radius="md" p="md" data-testid="inbox-times">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{r ? `${t('inbox.times.title')}: ${r.total.unitName}` : t('inbox.times.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('inbox.times.hint')}
            </Text>
          </div>
          <Group gap="sm">
            <DayInput
              label={t('inbox.times.from')}
              value={from}
              onChange={(d) => props.onPeriod(d || null, props.to || null)}
              required={false}
              maxDate={to}
              testId="inbox-times-from"
            />
            <DayInput
              label={t('inbox.times.to')}
              value={to}
              onChange={(d) => props.onPeriod(props.from || null, d || null)}
              required={false}
              testId="inbox-times-to"
            />
          </Group>
        </Group>
        {props.unitId === null ? (
          <Text c="dimmed">{t('inbox.times.pickUnit')}</Text>
        ) : q.isError ? (
          <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
        ) : r ? (
          <Table.ScrollContainer minWidth={820}>
            <Table striped withTableBorder verticalSpacing="xs" style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inbox.times.unit')}</Table.Th>
                  <Table.Th ta="right">{t('inbox.times.received')}</Table.Th>
                  <Table.Th ta="right">{t('inbox.times.answered')}</Table.Th>
                  <Table.Th ta="right">{t('inbox.times.open')}</Table.Th>
                  <Table.Th ta="right">{t('inbox.times.median')}</Table.Th>
                  <Table.Th ta="right">{t('inbox.times.p90')}</Table.Th>
                  <Table.Th w={220}>{t('inbox.times.within')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Row key={row.unitId} row={row} />
                ))}
                {quiet > 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Group gap="xs">
                        <Text size="sm" c="dimmed">
                          {t('inbox.times.quiet', { count: quiet })}
                        </Text>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setShowQuiet((v) => !v)}
                          data-testid="inbox-times-quiet"
                        >
                          {showQuiet ? t('inbox.times.hideQuiet') : t('inbox.times.showQuiet')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )}
                {r.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" c="dimmed">
                        {t('inbox.times.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
              <Table.Tfoot>
                <Row row={{ ...r.total, unitName: t('inbox.times.total') }} total />
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}

function Row({ row, total }: { row: ResponseTimeRow; total?: boolean }) {
  const share = row.withinThreeDays;
  return (
    <Table.Tr fw={total ? 700 : undefined} data-testid={total ? 'inbox-times-total' : 'inbox-times-row'}>
      <Table.Td>{row.unitName}</Table.Td>
      <Table.Td ta="right">{formatNumber(row.received)}</Table.Td>
      <Table.Td ta="right">{formatNumber(row.answered)}</Table.Td>
      <Table.Td ta="right" c={row.open > 0 ? 'orange.8' : undefined}>
        {formatNumber(row.open)}
      </Table.Td>
      <Table.Td ta="right">{hours(row.medianHours)}</Table.Td>
      <Table.Td ta="right">{hours(row.p90Hours)}</Table.Td>
      <Table.Td>
        {share === null ? (
          '—'
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={share * 100}
              color={share >= 0.8 ? 'green' : share >= 0.5 ? 'yellow' : 'red'}
              w={110}
              size="md"
            />
            <Text size="sm">{Math.round(share * 100)}%</Text>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
