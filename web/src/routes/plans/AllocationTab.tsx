import { Card, Center, Group, Loader, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GRANULARITIES, type Granularity, type PlanView, useAllocation } from '../../api/plans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { AllocationGrid } from './AllocationGrid.tsx';
import { formatValue } from './numbers.ts';
import { UnitTrail } from './UnitTrail.tsx';

/** Giao chỉ tiêu: choose the target and the periods, then split the unit's share among its sub-units. */
export function AllocationTab(props: {
  plan: PlanView;
  unitId: number;
  top: number | null;
  targetId: number | null;
  granularity: string | null;
  onTarget: (id: number) => void;
  onGranularity: (g: Granularity) => void;
  onUnit: (unitId: number) => void;
  onTop: (unitId: number) => void;
  /** How many cells are typed and not saved; `leave` asks before a change would lose them. */
  onDirty: (count: number) => void;
  leave: (go: () => void) => void;
}) {
  const { t } = useTranslation();
  const g = GRANULARITIES.find((x) => x === props.granularity) ?? 'all';
  const table = useAllocation(props.targetId, props.unitId, g);
  const target = props.plan.targets.find((x) => x.id === props.targetId);
  const leave = (go: () => void) => () => props.leave(go);

  if (props.plan.targets.length === 0) return <Text c="dimmed">{t('plans.noTargets')}</Text>;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('plans.allocation.target')}
              data={props.plan.targets.map((x) => ({ value: String(x.id), label: x.name }))}
              value={props.targetId ? String(props.targetId) : null}
              onChange={(v) => v && leave(() => props.onTarget(Number(v)))()}
              allowDeselect={false}
              w={340}
              data-testid="allocation-target"
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('plans.allocation.granularity')}
              </Text>
              <SegmentedControl
                value={g}
                onChange={(v) => leave(() => props.onGranularity(v as Granularity))()}
                data={GRANULARITIES.map((x) => ({ value: x, label: t(`plans.granularity.${x}`) }))}
                data-testid="allocation-granularity"
              />
            </div>
          </Group>
          {target && (
            <Text size="sm" c="dimmed">
              {t('plans.allocation.goal', {
                goal: formatValue(target.goal, target.measure),
                owner: props.plan.unit.name,
                due: formatDay(target.dueOn),
              })}
            </Text>
          )}
        </Group>
      </Card>
      {table.isError ? (
        <ErrorAlert error={table.error} onRetry={() => table.refetch()} />
      ) : table.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <Card withBorder radius="md" p={0} data-testid="allocation" data-unit-id={table.data.unit.id}>
          <Group px="md" pt="md" justify="space-between" align="flex-end">
            <UnitTrail
              unit={table.data.unit}
              top={props.top}
              asOf={table.data.treeDay}
              onTop={(u) => leave(() => props.onTop(u))()}
            />
            <Text size="sm" c="dimmed">
              {t('plans.allocation.subunits', {
                count: table.data.rows.length,
                n: formatNumber(table.data.rows.length),
                day: formatDay(table.data.treeDay),
              })}
            </Text>
          </Group>
          <AllocationGrid
            key={`${table.data.target.id}-${table.data.unit.id}-${g}`}
            table={table.data}
            onOpen={(u) => leave(() => props.onUnit(u))()}
            onDirty={props.onDirty}
          />
        </Card>
      )}
    </Stack>
  );
}
