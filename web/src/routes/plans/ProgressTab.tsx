import { Alert, Anchor, Badge, Button, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../api/plans.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { SubUnitProgress } from './SubUnitProgress.tsx';
import { STATUS_COLOR } from './status.ts';
import { TargetProgressCard } from './TargetProgressCard.tsx';
import { UnitTrail } from './UnitTrail.tsx';

const WARNINGS_SHOWN = 8;

/** Progress of every target for one unit as of a day: warnings first, a card per target, then its sub-units. */
export function ProgressTab(props: {
  progress: UseQueryResult<Progress>;
  asOf: string;
  endsOn: string;
  top: number | null;
  onAsOf: (day: string) => void;
  onUnit: (unitId: number) => void;
  onTop: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const { progress } = props;
  const [allWarnings, setAllWarnings] = useState(false);
  const [targetId, setTargetId] = useState<number | null>(null);
  // The earlier of two ISO days (the tree is read on the plan's last day once it has ended).
  const treeDay = [props.asOf, props.endsOn].sort()[0] as string;

  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => progress.refetch()} />;
  if (progress.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const d = progress.data;
  const names = new Map(d.targets.map((x) => [x.target.id, x.target.name]));
  const warnings = allWarnings ? d.warnings : d.warnings.slice(0, WARNINGS_SHOWN);
  const shown = d.targets.find((x) => x.target.id === targetId) ?? d.targets[0];

  return (
    <Stack
      gap="md"
      style={{ opacity: progress.isPlaceholderData ? 0.6 : 1 }}
      data-testid="plan-progress"
      data-unit-id={progress.isPlaceholderData ? undefined : d.unit.id}
    >
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="xs" c="dimmed">
            {t('plans.progress.unit')}
          </Text>
          <UnitTrail unit={d.unit} top={props.top} asOf={treeDay} onTop={props.onTop} />
        </div>
        <AsOfPicker value={props.asOf} onChange={props.onAsOf} />
      </Group>
      {d.warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('plans.warnings.title', { count: d.warnings.length, n: formatNumber(d.warnings.length) })}
          data-testid="plan-warnings"
        >
          <Stack gap={4}>
            {warnings.map((w) => (
              <Group key={`${w.targetId}-${w.unit.id}`} gap="xs" wrap="nowrap" data-testid="plan-warning">
                <Badge color={STATUS_COLOR[w.status]} variant="light" tt="none" miw={130}>
                  {t(`plans.status.${w.status}`)}
                </Badge>
                <Anchor component="button" type="button" size="sm" onClick={() => props.onUnit(w.unit.id)}>
                  {w.unit.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  · {names.get(w.targetId)}
                </Text>
              </Group>
            ))}
            {d.warnings.length > WARNINGS_SHOWN && (
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => setAllWarnings(!allWarnings)}>
                  {allWarnings
                    ? t('plans.warnings.less')
                    : t('plans.warnings.more', { count: d.warnings.length, n: formatNumber(d.warnings.length) })}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {d.targets.length === 0 ? (
        <Text c="dimmed">{t('plans.noTargets')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: d.targets.length > 1 ? 2 : 1 }} spacing="md">
          {d.targets.map((x) => (
            <TargetProgressCard key={x.target.id} item={x} />
          ))}
        </SimpleGrid>
      )}
      {shown && shown.rows.length > 0 && (
        <SubUnitProgress
          targets={d.targets.map((x) => x.target)}
          item={shown}
          onTarget={setTargetId}
          onUnit={props.onUnit}
        />
      )}
    </Stack>
  );
}
