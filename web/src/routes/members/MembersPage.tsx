import { Button, Card, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useMembers } from '../../api/members.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber, todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { MemberFilters } from './MemberFilters.tsx';
import { MembersTabs } from './MembersTabs.tsx';
import { MemberTable } from './MemberTable.tsx';
import { toFilter, useListParams } from './useListParams.ts';

/** The member register: search by name (no diacritics needed), CCCD, phone or card; filters; pages. */
export function MembersPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const me = useMe();
  const list = useMembers(toFilter(params.value));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const asOf = list.data?.pages[0]?.asOf ?? params.value.asOf;

  return (
    <Stack maw={1200} gap="md">
      <MembersTabs />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('member.listTitle')}</Title>
          <Text c="dimmed">{t('member.listSubtitle')}</Text>
        </div>
        <Group gap="sm">
          <Button
            component={Link}
            to="/members/quality"
            variant="default"
            leftSection={<IconAlertTriangle size={18} />}
            data-testid="member-quality"
          >
            {t('nav.quality')}
          </Button>
          <Button
            component={Link}
            to="/applications"
            variant="light"
            leftSection={<IconFileText size={18} />}
            data-testid="member-applications"
          >
            {t('nav.applications')}
          </Button>
          {isWriter(me.data) && (
            <Button
              component={Link}
              to="/members/new"
              leftSection={<IconUserPlus size={18} />}
              data-testid="member-new"
            >
              {t('member.admit')}
            </Button>
          )}
        </Group>
      </Group>

      <MemberFilters value={params.value} onChange={params.set} onClear={params.clear} filtered={params.filtered} />

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="member-empty">
          <Stack align="center" gap="xs" py="md">
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconUserSearch size={28} />
            </ThemeIcon>
            <Text fw={600}>{t('member.emptyTitle')}</Text>
            <Text c="dimmed" size="sm" ta="center" maw={520}>
              {params.value.q || params.filtered ? t('member.emptyFiltered') : t('member.emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="md" p={0} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <MemberTable items={items} asOf={asOf} />
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" c="dimmed" data-testid="member-shown">
              {list.hasNextPage
                ? t('member.shownMore', { count: items.length, shown: formatNumber(items.length) })
                : t('member.shownAll', { count: items.length, shown: formatNumber(items.length) })}
              {asOf !== todayVn() && ` · ${t('member.asOfNote', { date: formatDay(asOf) })}`}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="light"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="member-more"
              >
                {t('member.loadMore')}
              </Button>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
