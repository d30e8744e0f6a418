import { Anchor, Badge, Breadcrumbs, Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAward, IconChartBar, IconPlus, IconTable } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePlan, useProgress } from '../../api/plans.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { AllocationTab } from './AllocationTab.tsx';
import { CommendationsTab } from './CommendationsTab.tsx';
import { AddTargetModal } from './CreatePlanModal.tsx';
import { formatValue } from './numbers.ts';
import { ProgressTab } from './ProgressTab.tsx';

/**
 * One plan: live progress of its targets for a unit and its sub-units, and the target tables that
 * split each target down the tree. The address holds the tab, the unit looked at (`unit`), where
 * the officer started walking down (`top`, for the breadcrumb), the day, the target and the periods.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const location = useLocation();
  const [params, setParams] = useLiveSearchParams();
  const plan = usePlan(id);
  const [created, setCreated] = useState((location.state as { created?: boolean } | null)?.created ?? false);
  const [adding, setAdding] = useState(false);
  const tabParam = params.get('tab');
  const tab = tabParam === 'allocation' || tabParam === 'commendations' ? tabParam : 'progress';
  const asOf = params.get('asOf') ?? todayVn();
  const unitParam = params.get('unit') ? Number(params.get('unit')) : null;
  // Without a unit in the address: the owner for whoever may write it, else the unit the progress
  // API picks (the officer's own unit under the owner), so both tabs open on the same unit.
  const ownerFirst = plan.data?.canEdit === true;
  const progress = useProgress(id, unitParam, asOf, tab === 'progress' || (unitParam === null && !ownerFirst));
  const unitId = unitParam ?? (ownerFirst ? (plan.data?.unit.id ?? null) : (progress.data?.unit.id ?? null));

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );
  /** Back up to a unit of the breadcrumb; the trail above it stays. */
  const toTop = (u: number) =>
    set({ unit: String(u), top: String(u) === params.get('top') ? null : params.get('top') });
  // Cells typed in the target table and not saved are lost when the table or the tab changes: ask first.
  const dirty = useRef(0);
  const onDirty = useCallback((n: number) => {
    dirty.current = n;
  }, []);
  const leave = (go: () => void) => {
    if (dirty.current > 0 && !window.confirm(t('plans.grid.leave', { count: dirty.current }))) return;
    dirty.current = 0;
    go();
  };
  /** Walks to a unit; the unit walked from is kept as the top of the breadcrumb. */
  const openUnit = (next: number) => {
    const top = params.get('top') ?? (unitId !== null ? String(unitId) : null);
    set({ unit: String(next), top: top === String(next) ? null : top });
  };

  if (plan.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  const p = plan.data;

  return (
    <Stack gap="md" maw={1400}>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/plans" size="sm">
          {t('plans.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {p.name}
        </Text>
      </Breadcrumbs>
      {created && (
        <DoneAlert onClose={() => setCreated(false)} testId="plan-created">
          {t('plans.created')}
        </DoneAlert>
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="plan-title">
            {p.name}
          </Title>
          <Text c="dimmed" size="sm">
            {t('plans.headline', {
              owner: p.unit.name,
              from: formatDay(p.startsOn),
              to: formatDay(p.endsOn),
            })}
            {p.documentNo && ` · ${t('plans.documentNoShort', { no: p.documentNo })}`}
          </Text>
          <Group gap={6} mt={4}>
            {p.targets.map((x) => (
              <Badge key={x.id} variant="light" tt="none" size="lg" data-testid="plan-target-goal">
                {x.name}: {formatValue(x.goal, x.measure)}
              </Badge>
            ))}
          </Group>
        </Stack>
        {p.canEdit && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="plan-add-target"
          >
            {t('plans.target.add')}
          </Button>
        )}
      </Group>

      <Tabs value={tab} onChange={(v) => leave(() => set({ tab: v === 'progress' ? null : v }))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress" leftSection={<IconChartBar size={16} />} data-testid="plan-tab-progress">
            {t('plans.tab.progress')}
          </Tabs.Tab>
          <Tabs.Tab value="allocation" leftSection={<IconTable size={16} />} data-testid="plan-tab-allocation">
            {t('plans.tab.allocation')}
          </Tabs.Tab>
          <Tabs.Tab value="commendations" leftSection={<IconAward size={16} />} data-testid="plan-tab-commendations">
            {t('plans.tab.commendations')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="commendations" pt="md">
          <CommendationsTab planId={p.id} asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <ProgressTab
            progress={progress}
            asOf={asOf}
            endsOn={p.endsOn}
            top={params.get('top') ? Number(params.get('top')) : null}
            onAsOf={(d) => set({ asOf: d === todayVn() ? null : d })}
            onUnit={openUnit}
            onTop={toTop}
          />
        </Tabs.Panel>
        <Tabs.Panel value="allocation" pt="md">
          {unitId === null ? (
            progress.isError ? (
              <ErrorAlert error={progress.error} onRetry={() => progress.refetch()} />
            ) : (
              <Center py="xl">
                <Loader />
              </Center>
            )
          ) : (
            <AllocationTab
              plan={p}
              unitId={unitId}
              top={params.get('top') ? Number(params.get('top')) : null}
              targetId={Number(params.get('target')) || (p.targets[0]?.id ?? null)}
              granularity={params.get('g')}
              onTarget={(x) => set({ target: String(x) })}
              onGranularity={(g) => set({ g: g === 'all' ? null : g })}
              onUnit={openUnit}
              onTop={toTop}
              onDirty={onDirty}
              leave={leave}
            />
          )}
        </Tabs.Panel>
      </Tabs>
      {adding && <AddTargetModal plan={p} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
