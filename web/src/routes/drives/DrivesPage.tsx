import {
  Badge,
  Card,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriveStage, type DriveSummary, useBoard } from '../../api/drives.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { DriveCard } from './DriveCard.tsx';
import { STAGE_COLOR, STAGES } from './stages.ts';

const DEFAULT_STALLED = 45;

/**
 * The board of organising drives by stage, in the order the law sets, from the survey to the upper
 * union's recognition; drives that have not moved for more than N days are flagged.
 */
export function DrivesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const stalledDays = Number(params.get('stalled')) || DEFAULT_STALLED;
  const underId = params.get('under') ? Number(params.get('under')) : null;
  const under = useUnitAsItem(underId, todayVn());
  const showClosed = params.get('closed') === '1';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [days, setDays] = useState<number | string>(stalledDays);
  const [debouncedDays] = useDebouncedValue(days, 400);

  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v === null || v === '') p.delete(k);
        else p.set(k, v);
        return p;
      },
      { replace: true },
    );
  useEffect(() => set('q', debounced || null), [debounced]);
  useEffect(() => {
    const n = typeof debouncedDays === 'number' ? debouncedDays : Number(debouncedDays);
    if (n >= 1 && n <= 3650) set('stalled', n === DEFAULT_STALLED ? null : String(n));
  }, [debouncedDays]);

  const base = { stalledDays, ...(underId ? { under: underId } : {}), ...(debounced ? { q: debounced } : {}) };
  const active = useBoard({ ...base, status: 'active' });
  const recognised = useBoard({ ...base, status: 'recognised' });
  const abandoned = useBoard({ ...base, status: 'abandoned' });

  const byStage = new Map<DriveStage, DriveSummary[]>(STAGES.map((s) => [s, []]));
  for (const d of active.data?.items ?? []) byStage.get(d.stage)?.push(d);
  // Recognised drives end in the last column, newest first; abandoned ones stay where they stopped.
  byStage
    .get('recognition')
    ?.push(...[...(recognised.data?.items ?? [])].sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? '')));
  if (showClosed) for (const d of abandoned.data?.items ?? []) byStage.get(d.stage)?.push(d);
  const stalled = (active.data?.items ?? []).filter((d) => d.stalled).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('drive.boardTitle')}</Title>
          <Text c="dimmed">{t('drive.boardSubtitle')}</Text>
        </div>
        {stalled > 0 && (
          <Badge size="lg" color="red" variant="light" tt="none" data-testid="drive-stalled-count">
            {t('drive.stalledCount', { count: stalled, days: stalledDays })}
          </Badge>
        )}
      </Group>
      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('drive.search')}
            placeholder={t('drive.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={280}
            data-testid="drive-search"
          />
          <div style={{ width: 320 }}>
            <UnitPicker
              label={t('drive.underLabel')}
              placeholder={t('enterprise.filter.underPlaceholder')}
              asOf={todayVn()}
              value={underId ? under : null}
              onChange={(u) => set('under', u ? String(u.id) : null)}
              required={false}
            />
          </div>
          <NumberInput
            label={t('drive.stalledAfter')}
            description={t('drive.stalledAfterHint')}
            value={days}
            onChange={setDays}
            min={1}
            max={3650}
            allowDecimal={false}
            w={200}
            suffix={` ${t('drive.days')}`}
            data-testid="drive-stalled-days"
          />
          <Switch
            label={t('drive.showAbandoned')}
            checked={showClosed}
            onChange={(e) => set('closed', e.currentTarget.checked ? '1' : null)}
            mb={8}
          />
        </Group>
      </Card>
      {active.isError ? (
        <ErrorAlert error={active.error} onRetry={() => active.refetch()} />
      ) : active.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group
            align="flex-start"
            wrap="nowrap"
            gap="sm"
            pb="sm"
            data-testid="drive-board"
            style={{ opacity: active.isPlaceholderData ? 0.6 : 1 }}
          >
            {STAGES.map((stage, i) => {
              const cards = byStage.get(stage) ?? [];
              return (
                <Paper
                  key={stage}
                  withBorder
                  radius="md"
                  p="xs"
                  bg="gray.1"
                  miw={172}
                  style={{ flex: '1 1 0' }}
                  data-testid="drive-column"
                  data-stage={stage}
                >
                  <Group justify="space-between" mb="xs" px={4} wrap="nowrap">
                    <Group gap={6} wrap="nowrap">
                      <Badge circle size="sm" color={STAGE_COLOR[stage]}>
                        {i + 1}
                      </Badge>
                      <Text fw={700} size="sm" lh={1.2}>
                        {t(`drive.stage.${stage}`)}
                      </Text>
                    </Group>
                    <Badge variant="white" color="dark" size="sm" data-testid="drive-column-count">
                      {cards.length}
                    </Badge>
                  </Group>
                  <Stack gap="xs" mih={60}>
                    {cards.map((d) => (
                      <DriveCard key={d.id} drive={d} />
                    ))}
                    {cards.length === 0 && (
                      <Text size="xs" c="dimmed" ta="center" py="md">
                        {t('drive.emptyColumn')}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
      <Text size="xs" c="dimmed">
        {t('drive.boardHint')}
      </Text>
    </Stack>
  );
}
