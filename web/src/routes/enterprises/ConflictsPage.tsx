import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type ConflictFilter, type ConflictKind, useConflicts } from '../../api/enterprises.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatNumber, todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { EnterprisesTabs } from './EnterprisesTabs.tsx';
import { CONFLICT_KINDS } from './options.ts';

const STATUSES = ['open', 'accepted', 'kept', 'all'] as const;

/**
 * Where the outside registers disagree with ours (a different name, a closed business, a workforce
 * jump, an officer's value): a person decides, side by side, which value stands.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ConflictFilter['status'])
    : 'open';
  const kind = (CONFLICT_KINDS as string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as ConflictKind)
    : undefined;
  const underId = params.get('under') ? Number(params.get('under')) : null;
  const under = useUnitAsItem(underId, todayVn());
  const filter: ConflictFilter = { status, ...(kind ? { kind } : {}), ...(underId ? { under: underId } : {}) };
  const list = useConflicts(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const writer = isWriter(useMe().data);
  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );

  return (
    <Stack maw={1100} gap="md">
      <EnterprisesTabs />
      <div>
        <Title order={2}>{t('conflict.title')}</Title>
        <Text c="dimmed">{t('conflict.subtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={status}
            onChange={(v) => set('status', v === 'open' ? null : v)}
            data={STATUSES.map((s) => ({ value: s, label: t(`conflict.status.${s}`) }))}
            data-testid="conflict-status"
          />
          <Select
            label={t('conflict.kindLabel')}
            placeholder={t('enterprise.filter.any')}
            data={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflict.kind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => set('kind', v)}
            clearable
            w={260}
            data-testid="conflict-kind-filter"
          />
          <div style={{ flex: 1, minWidth: 260 }}>
            <UnitPicker
              label={t('enterprise.filter.under')}
              placeholder={t('enterprise.filter.underPlaceholder')}
              asOf={todayVn()}
              value={underId ? under : null}
              onChange={(u) => set('under', u ? String(u.id) : null)}
              required={false}
            />
          </div>
        </Group>
      </Card>

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="conflict-empty">
          <Stack align="center" gap="xs" py="md">
            <ThemeIcon size={52} radius="xl" variant="light" color="green">
              <IconCircleCheck size={28} />
            </ThemeIcon>
            <Text fw={600}>{status === 'open' ? t('conflict.noneOpen') : t('conflict.none')}</Text>
          </Stack>
        </Card>
      ) : (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="conflict-list">
          <Group gap="xs">
            <Badge size="lg" variant="light" color={status === 'open' ? 'orange' : 'gray'} data-testid="conflict-count">
              {list.hasNextPage ? `${formatNumber(items.length)}+` : formatNumber(items.length)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t(`conflict.status.${status}`)}
            </Text>
          </Group>
          {items.map((c) => (
            <ConflictCard key={c.id} conflict={c} canResolve={writer} />
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="light" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('enterprise.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
