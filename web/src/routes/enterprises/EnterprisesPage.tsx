import { Button, Card, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingFactory2, IconChartDonut3, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useEnterprises } from '../../api/enterprises.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber, todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { EnterpriseFilters } from './EnterpriseFilters.tsx';
import { EnterprisesTabs } from './EnterprisesTabs.tsx';
import { EnterpriseTable } from './EnterpriseTable.tsx';
import { toFilter, useEnterpriseParams } from './useEnterpriseParams.ts';

/** The enterprise register: search by name (no diacritics needed) or tax code; filters; pages. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const params = useEnterpriseParams();
  const me = useMe();
  const list = useEnterprises(toFilter(params.value));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const asOf = list.data?.pages[0]?.asOf ?? params.value.asOf;

  return (
    <Stack maw={1300} gap="md">
      <EnterprisesTabs />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('enterprise.listTitle')}</Title>
          <Text c="dimmed">{t('enterprise.listSubtitle')}</Text>
        </div>
        <Group gap="sm">
          <Button
            component={Link}
            to="/coverage"
            variant="default"
            leftSection={<IconChartDonut3 size={18} />}
            data-testid="enterprise-coverage"
          >
            {t('nav.coverage')}
          </Button>
          {isWriter(me.data) && (
            <Button
              component={Link}
              to="/enterprises/new"
              leftSection={<IconPlus size={18} />}
              data-testid="enterprise-new"
            >
              {t('enterprise.add')}
            </Button>
          )}
        </Group>
      </Group>

      <EnterpriseFilters value={params.value} onChange={params.set} onClear={params.clear} filtered={params.filtered} />

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="enterprise-empty">
          <Stack align="center" gap="xs" py="md">
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconBuildingFactory2 size={28} />
            </ThemeIcon>
            <Text fw={600}>{t('enterprise.emptyTitle')}</Text>
            <Text c="dimmed" size="sm" ta="center" maw={520}>
              {params.value.q || params.filtered ? t('enterprise.emptyFiltered') : t('enterprise.emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="md" p={0} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <EnterpriseTable items={items} asOf={params.value.asOf === todayVn() ? '' : asOf} />
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" c="dimmed" data-testid="enterprise-shown">
              {list.hasNextPage
                ? t('enterprise.shownMore', { shown: formatNumber(items.length) })
                : t('enterprise.shownAll', { count: items.length, shown: formatNumber(items.length) })}
              {asOf !== todayVn() && ` · ${t('enterprise.asOfNote', { date: formatDay(asOf) })}`}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="light"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="enterprise-more"
              >
                {t('enterprise.loadMore')}
              </Button>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
