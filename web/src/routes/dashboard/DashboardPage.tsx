import '@mantine/charts/styles.css';
import { Anchor, Breadcrumbs, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDashboard } from '../../api/dashboard.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { DrivesPipeline, MemberBreakdowns, MembersChart } from './Breakdowns.tsx';
import { KpiCards } from './KpiCards.tsx';
import { PlanProgress } from './PlanProgress.tsx';
import { Ranking } from './Ranking.tsx';

/**
 * Bảng điều hành: a unit on a day at a glance (the officer's own top unit unless one is chosen),
 * and any sub-unit one click away. The unit and day live in the address, so a view can be shared.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  const asOf = params.get('asOf') ?? today;
  const chosen = params.get('unit') ? Number(params.get('unit')) : null;
  const dashboard = useDashboard(chosen, asOf);
  const data = dashboard.data;
  const unit = useUnitAsItem(chosen ?? data?.unit.id ?? null, asOf);

  const set = (k: string, v: string | null) =>
    setParams((p) => {
      if (v === null) p.delete(k);
      else p.set(k, v);
      return p;
    });
  const open = (id: number) => {
    set('unit', String(id));
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack maw={1400} gap="md">
      <div>
        <Title order={2}>{t('dashboard.title')}</Title>
        <Text c="dimmed">{t('dashboard.subtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <div style={{ flex: 1, minWidth: 260, maxWidth: 520 }}>
            <UnitPicker
              label={t('dashboard.unit')}
              placeholder={t('dashboard.unitPlaceholder')}
              asOf={asOf}
              value={unit}
              onChange={(u) => u && set('unit', String(u.id))}
              testId="dashboard-unit"
            />
          </div>
          <AsOfPicker value={asOf} onChange={(d) => set('asOf', d === today ? null : d)} />
        </Group>
      </Card>

      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <Stack gap="md" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }} data-testid="dashboard">
          <div>
            {data.ancestors.length > 0 && (
              <Breadcrumbs separatorMargin={4} mb={2}>
                {data.ancestors.map((a) => (
                  <Anchor key={a.id} size="sm" onClick={() => open(a.id)} data-testid={`ancestor-${a.id}`}>
                    {a.name}
                  </Anchor>
                ))}
              </Breadcrumbs>
            )}
            <Title order={3} data-testid="dashboard-unit-name" data-unit={data.unit.id}>
              {data.unit.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dashboard.asOfLine', { date: formatDay(data.asOf) })}
            </Text>
          </div>
          <KpiCards data={data} />
          <PlanProgress unitId={data.unit.id} asOf={data.asOf} />
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <MembersChart data={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <DrivesPipeline data={data} />
            </Grid.Col>
          </Grid>
          <Ranking data={data} onOpen={open} />
          <MemberBreakdowns data={data} />
        </Stack>
      )}
    </Stack>
  );
}
