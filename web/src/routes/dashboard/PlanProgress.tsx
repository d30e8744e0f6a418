import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePlanProgress } from '../../api/dashboard.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatPct } from '../enterprises/format.ts';

const STATUS_COLOR: Record<string, string> = {
  achieved: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  behind: 'red',
  missed: 'red',
  no_target: 'gray',
  not_applicable: 'gray',
};

/** The unit's plan targets and how far each has come, when the unit has a plan (else nothing). */
export function PlanProgress({ unitId, asOf }: { unitId: number | null; asOf: string }) {
  const { t } = useTranslation();
  const progress = usePlanProgress(unitId, asOf);
  const p = progress.data;
  if (!p || p.targets.length === 0) return null;
  const show = (measure: string, n: number | null) =>
    n === null ? '—' : measure === 'coverage_rate' ? formatPct(n) : formatNumber(n);
  return (
    <Card withBorder radius="md" p="md" data-testid="dashboard-plan">
      <Title order={4} mb="sm">
        {t('dashboard.plan.title', { name: p.plan.name })}
      </Title>
      <Stack gap="sm">
        {p.targets.map((x) => (
          <div key={x.target.id}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {x.target.name}
              </Text>
              <Group gap="xs">
                <Text size="sm">
                  {t('dashboard.plan.actual')} {show(x.target.measure, x.unit.actual)} / {t('dashboard.plan.allocated')}{' '}
                  {show(x.target.measure, x.unit.allocated)}
                </Text>
                <Badge color={STATUS_COLOR[x.unit.status] ?? 'gray'} variant="light">
                  {t(`dashboard.plan.status.${x.unit.status}`)}
                </Badge>
              </Group>
            </Group>
            <Progress
              value={Math.min(100, (x.unit.ratio ?? 0) * 100)}
              color={STATUS_COLOR[x.unit.status] ?? 'gray'}
              size="md"
              mt={4}
            />
          </div>
        ))}
      </Stack>
    </Card>
  );
}
