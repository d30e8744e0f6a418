import {
  Badge,
  Card,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Tabs,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconClockHour4, IconGavel, IconMessages, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type FeedbackKind, type FeedbackStatus, INBOX_PAGE, type InboxItem, useInbox } from '../../api/feedback.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { formatMoment, KIND_COLOR, KINDS, STATUS_COLOR, STATUSES } from './labels.ts';
import { ResponseTimesTable } from './ResponseTimesTable.tsx';
import { ThreadView } from './ThreadView.tsx';

/**
 * Hộp thư đoàn viên: the threads members started in the app that the officer's units handle, with
 * filters kept in the address, one thread read and answered beside the list, and the response
 * times of the chosen unit's sub-units.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const today = todayVn();
  const me = useMe();
  const unitId = params.get('unit') ? Number(params.get('unit')) : null;
  const unit = useUnitAsItem(unitId, today);
  const status = (STATUSES.find((s) => s === params.get('status')) ?? null) as FeedbackStatus | null;
  const kind = (KINDS.find((k) => k === params.get('kind')) ?? null) as FeedbackKind | null;
  const legal = params.get('legal') === '1';
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const threadId = params.get('thread') ? Number(params.get('thread')) : null;
  const tab = params.get('tab') === 'times' ? 'times' : 'threads';
  // Response times need a unit: the chosen one, else the officer's own.
  const ownUnit = me.data?.roles.find((r) => r.unitId !== null)?.unitId ?? null;

  const set = (changes: Record<string, string | null>, resetPage = true) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') p.delete(k);
          else p.set(k, v);
        }
        if (resetPage && !('page' in changes)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  const list = useInbox({ unitId, status, kind, legal, page });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="md" maw={1400}>
      <div>
        <Title order={2}>{t('inbox.title')}</Title>
        <Text c="dimmed">{t('inbox.subtitle')}</Text>
      </div>

      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <div style={{ width: 340 }}>
            <UnitPicker
              label={t('inbox.filters.unit')}
              placeholder={t('inbox.filters.unitPlaceholder')}
              asOf={today}
              value={unitId ? unit : null}
              onChange={(u) => set({ unit: u ? String(u.id) : null })}
              required={false}
              testId="inbox-unit"
            />
          </div>
          <Select
            label={t('inbox.filters.status')}
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? null : v })}
            data={[
              { value: 'all', label: t('inbox.filters.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) })),
            ]}
            allowDeselect={false}
            w={170}
            data-testid="inbox-filter-status"
          />
          <Select
            label={t('inbox.filters.kind')}
            value={kind ?? 'all'}
            onChange={(v) => set({ kind: v === 'all' ? null : v })}
            data={[
              { value: 'all', label: t('inbox.filters.all') },
              ...KINDS.map((k) => ({ value: k, label: t(`inbox.kind.${k}`) })),
            ]}
            allowDeselect={false}
            w={200}
            data-testid="inbox-filter-kind"
          />
          <Checkbox
            label={t('inbox.filters.legal')}
            checked={legal}
            onChange={(e) => set({ legal: e.currentTarget.checked ? '1' : null })}
            mb={8}
            data-testid="inbox-filter-legal"
          />
        </Group>
      </Card>

      <Tabs value={tab} onChange={(v) => set({ tab: v === 'times' ? 'times' : null }, false)}>
        <Tabs.List>
          <Tabs.Tab value="threads" leftSection={<IconMessages size={16} />} data-testid="inbox-tab-threads">
            {t('inbox.tabs.threads')}
          </Tabs.Tab>
          <Tabs.Tab value="times" leftSection={<IconClockHour4 size={16} />} data-testid="inbox-tab-times">
            {t('inbox.tabs.times')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>

      {tab === 'times' ? (
        <ResponseTimesTable
          unitId={unitId ?? ownUnit}
          from={params.get('from') ?? ''}
          to={params.get('to') ?? ''}
          onPeriod={(from, to) => set({ from, to }, false)}
        />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <Grid gutter="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="inbox-list">
              <Text size="sm" c="dimmed" data-testid="inbox-total">
                {t('inbox.total', { count: total })}
              </Text>
              {items.length === 0 ? (
                <Card withBorder radius="md" p="xl" data-testid="inbox-empty">
                  <Stack align="center" gap="xs">
                    <ThemeIcon size={48} radius="xl" variant="light" color="gray">
                      <IconMessages size={26} />
                    </ThemeIcon>
                    <Text fw={600}>{t('inbox.empty')}</Text>
                    <Text c="dimmed" size="sm" ta="center">
                      {t('inbox.emptyHint')}
                    </Text>
                  </Stack>
                </Card>
              ) : (
                items.map((i) => (
                  <ThreadRow
                    key={i.id}
                    item={i}
                    selected={i.id === threadId}
                    onOpen={() => set({ thread: String(i.id) }, false)}
                  />
                ))
              )}
              {total > INBOX_PAGE && (
                <Pagination
                  total={Math.ceil(total / INBOX_PAGE)}
                  value={page + 1}
                  onChange={(p) => set({ page: p === 1 ? null : String(p) }, false)}
                  size="sm"
                  data-testid="inbox-pages"
                />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {threadId ? (
              // Stays in sight while the list scrolls.
              <div style={{ position: 'sticky', top: 72 }}>
                <ThreadView id={threadId} />
              </div>
            ) : (
              <Card withBorder radius="md" p="xl">
                <Text c="dimmed" ta="center">
                  {t('inbox.pick')}
                </Text>
              </Card>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function ThreadRow({ item, selected, onOpen }: { item: InboxItem; selected: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onOpen} data-testid="inbox-row" data-id={item.id} data-status={item.status}>
      <Card
        withBorder
        radius="md"
        p="sm"
        bg={selected ? 'blue.0' : undefined}
        style={{ borderColor: selected ? 'var(--mantine-color-blue-4)' : undefined }}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={item.status === 'open' ? 700 : 500} size="sm" lineClamp={2}>
            {item.subject}
          </Text>
          <Badge
            color={STATUS_COLOR[item.status]}
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid="inbox-status"
          >
            {t(`inbox.status.${item.status}`)}
          </Badge>
        </Group>
        <Group gap={6} mt={6}>
          <Badge size="sm" color={KIND_COLOR[item.kind]} variant="dot" tt="none">
            {t(`inbox.kind.${item.kind}`)}
          </Badge>
          {item.escalatedTo && (
            <Badge
              size="sm"
              color={item.escalatedTo === 'legal_team' ? 'red' : 'indigo'}
              variant="outline"
              tt="none"
              leftSection={item.escalatedTo === 'legal_team' ? <IconGavel size={12} /> : undefined}
            >
              {t(`inbox.escalated.${item.escalatedTo}`)}
            </Badge>
          )}
          {item.anonymous && (
            <Badge size="sm" color="dark" variant="light" tt="none" leftSection={<IconUserOff size={12} />}>
              {t('inbox.anonymous')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={6} lineClamp={1}>
          {item.senderName ? `${item.senderName} · ` : ''}
          {item.fromUnitName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('inbox.lastActivity', { date: formatMoment(item.lastMessageAt) })}
        </Text>
      </Card>
    </UnstyledButton>
  );
}
