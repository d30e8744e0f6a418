import { Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { useCoverage, useTargetEnterprises } from '../../api/enterprises.ts';
import { useRoots, useUnitAsItem } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { CoverageMap } from './CoverageMap.tsx';
import { CoverageSummaryCard } from './CoverageSummaryCard.tsx';
import { GapTable } from './GapTable.tsx';
import { useAreaFigures } from './useAreaFigures.ts';

/**
 * Độ phủ CĐCS: for a unit and a day, how many operating enterprises with 25+ workers have a CĐCS,
 * the rate, where the gaps are (map) and which come first (the ranked list, also as .xlsx).
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  const asOf = params.get('asOf') ?? today;
  const me = useMe();
  const roots = useRoots(asOf);
  // The unit in the address, else the officer's own, else the first unit they see.
  const own = me.data?.roles.find((r) => r.unitId !== null)?.unitId ?? roots.data?.items[0]?.id ?? null;
  const unitId = params.get('unit') ? Number(params.get('unit')) : own;
  const unit = useUnitAsItem(unitId, asOf);
  const summary = useCoverage(unitId, asOf);
  const targets = useTargetEnterprises(unitId, asOf);
  const areas = useAreaFigures(targets.data?.items);

  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v === null) p.delete(k);
        else p.set(k, v);
        return p;
      },
      { replace: true },
    );

  return (
    <Stack maw={1300} gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('coverage.title')}</Title>
          <Text c="dimmed">{t('coverage.subtitle')}</Text>
        </div>
      </Group>
      <Card withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <div style={{ flex: 1, minWidth: 280, maxWidth: 520 }}>
            <UnitPicker
              label={t('coverage.unit')}
              placeholder={t('enterprise.filter.underPlaceholder')}
              asOf={asOf}
              value={unit}
              onChange={(u) => u && set('unit', String(u.id))}
              testId="coverage-unit"
            />
          </div>
          <AsOfPicker value={asOf} onChange={(d) => set('asOf', d === today ? null : d)} />
        </Group>
      </Card>

      {unitId === null ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />
      ) : !summary.data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <>
          <div style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
            <CoverageSummaryCard summary={summary.data} />
          </div>
          {targets.isError ? (
            <ErrorAlert error={targets.error} onRetry={() => targets.refetch()} />
          ) : (
            <CoverageMap
              key={`${unitId}:${asOf}`}
              districts={areas.districts}
              unplaced={areas.unplaced}
              pending={targets.isPending || areas.pending}
              partial={targets.data?.complete === false}
            />
          )}
          <GapTable unitId={unitId} asOf={asOf} canWrite={isWriter(me.data)} />
        </>
      )}
    </Stack>
  );
}
