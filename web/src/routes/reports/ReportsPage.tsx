import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useChosenUnit } from '../../api/chosenUnit.ts';
import { createReport, periodOf, type ReportKind, useReports } from '../../api/reports.ts';
import { useWrite } from '../../api/write.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError } from '../../components/FormError.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { periodText, STATUS_COLOR } from './labels.ts';
import { SubmissionsTable } from './SubmissionsTable.tsx';

const KINDS: ReportKind[] = ['six_month', 'annual', 'term'];

/**
 * The periodic reports: choose a unit and a period, open a draft for it, see the unit's reports with
 * their status, and (for an upper unit) which sub-units have sent theirs and which are missing.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  // Without a unit in the address: the officer's own unit, whose reports and sub-units' submissions they keep.
  const { unitId, unit, choose } = useChosenUnit(today);
  const kind = (KINDS.find((k) => k === params.get('kind')) ?? 'six_month') as ReportKind;
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year')) || (Number(today.slice(5, 7)) > 6 ? thisYear : thisYear - 1);
  const half = (
    params.get('half') === '1' ? 1 : params.get('half') === '2' ? 2 : Number(today.slice(5, 7)) > 6 ? 1 : 2
  ) as 1 | 2;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = periodOf(kind, year, half, from, to);

  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v === null || v === '') p.delete(k);
        else p.set(k, v);
        return p;
      },
      { replace: true },
    );
  const reports = useReports({ ...(unitId ? { unitId } : {}), kind, ...(kind !== 'term' ? { year } : {}) });
  const create = useWrite(
    ['reports'],
    () =>
      createReport({
        unitId: unitId ?? 0,
        kind,
        ...(kind === 'term' ? { periodFrom: from, periodTo: to } : { year, ...(kind === 'six_month' ? { half } : {}) }),
      }),
    (r) => navigate(`/reports/${r.id}`, { state: { done: 'created' } }),
  );

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>{t('reports.title')}</Title>
        <Text c="dimmed">{t('reports.subtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group gap="md" align="flex-end" wrap="wrap">
            <div style={{ width: 360 }}>
              <UnitPicker
                label={t('reports.unit')}
                placeholder={t('reports.unitPlaceholder')}
                asOf={today}
                value={unit}
                onChange={choose}
                required={false}
                testId="report-unit"
              />
            </div>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('reports.kind')}
              </Text>
              <SegmentedControl
                value={kind}
                onChange={(v) => set('kind', v)}
                data={KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
                data-testid="report-kind"
              />
            </Stack>
            {kind !== 'term' && (
              <NumberInput
                label={t('reports.year')}
                value={year}
                onChange={(v) => set('year', String(v))}
                min={1990}
                max={2100}
                allowDecimal={false}
                w={110}
                data-testid="report-year"
              />
            )}
            {kind === 'six_month' && (
              <Select
                label={t('reports.half')}
                value={String(half)}
                onChange={(v) => set('half', v)}
                data={['1', '2'].map((h) => ({ value: h, label: t(`reports.halves.${h}`) }))}
                allowDeselect={false}
                w={200}
                data-testid="report-half"
              />
            )}
            {kind === 'term' && (
              <>
                <DayInput
                  label={t('reports.termFrom')}
                  value={from}
                  onChange={(d) => set('from', d)}
                  testId="report-from"
                />
                <DayInput label={t('reports.termTo')} value={to} onChange={(d) => set('to', d)} testId="report-to" />
              </>
            )}
            <Button
              leftSection={<IconFilePlus size={16} />}
              disabled={!unitId || !period}
              loading={create.isPending}
              onClick={() => create.mutate(undefined)}
              data-testid="report-create"
            >
              {t('reports.create')}
            </Button>
          </Group>
          {(!unitId || !period) && (
            <Text size="xs" c="dimmed">
              {t('reports.createHint')}
            </Text>
          )}
          <FormError error={create.error} fields={[]} />
        </Stack>
      </Card>

      {unitId && period && <SubmissionsTable unitId={unitId} period={period} />}

      <ListCard title={t('reports.list')} query={reports} empty={t('reports.empty')}>
        {(data) => (
          <Table striped highlightOnHover withTableBorder data-testid="report-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.unit')}</Table.Th>
                <Table.Th>{t('reports.columns.period')}</Table.Th>
                <Table.Th>{t('reports.columns.version')}</Table.Th>
                <Table.Th>{t('reports.columns.status')}</Table.Th>
                <Table.Th>{t('reports.columns.submittedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id} data-testid="report-row" data-status={r.status}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${r.id}`} size="sm">
                      {r.unit.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{periodText(t, r)}</Table.Td>
                  <Table.Td>{r.version}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[r.status]} variant="light" tt="none">
                      {t(`reports.status.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.submittedAt ? formatDay(r.submittedAt.slice(0, 10)) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListCard>
    </Stack>
  );
}
