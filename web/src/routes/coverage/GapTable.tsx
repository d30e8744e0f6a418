import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Popover,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconInfoCircle, IconSeeding } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type GapItem, gapsXlsxUrl, useCoverageGaps } from '../../api/enterprises.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { OpenDriveModal } from '../drives/OpenDriveModal.tsx';
import { OwnershipBadge } from '../enterprises/EnterpriseBadges.tsx';

/** The enterprises without a CĐCS, ranked by the plan's priorities, with the rule shown and an .xlsx. */
export function GapTable({ unitId, asOf, canWrite }: { unitId: number; asOf: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const gaps = useCoverageGaps(unitId, asOf);
  const items = gaps.data?.pages.flatMap((p) => p.items) ?? [];
  const total = gaps.data?.pages[0]?.total ?? 0;
  const [driveFor, setDriveFor] = useState<GapItem | null>(null);

  return (
    <Card
      withBorder
      radius="md"
      p={0}
      data-testid="coverage-gaps"
      data-as-of={gaps.isPlaceholderData ? undefined : gaps.data?.pages[0]?.asOf}
    >
      <Group justify="space-between" p="md" pb="xs" align="flex-end">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={4}>{t('coverage.gaps.title')}</Title>
            <Badge color="red" variant="light" size="lg" data-testid="coverage-gap-total" data-value={total}>
              {formatNumber(total)}
            </Badge>
          </Group>
          <RankingRule />
        </Stack>
        <Button
          component="a"
          href={gapsXlsxUrl(unitId, asOf)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
          data-testid="coverage-export"
        >
          {t('coverage.gaps.export')}
        </Button>
      </Group>
      {gaps.isError ? (
        <ErrorAlert error={gaps.error} onRetry={() => gaps.refetch()} />
      ) : gaps.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" px="md" pb="md" data-testid="coverage-gap-empty">
          {t('coverage.gaps.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={980}>
            <Table
              striped
              highlightOnHover
              verticalSpacing={6}
              data-testid="coverage-gap-table"
              style={{ opacity: gaps.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>#</Table.Th>
                  <Table.Th>{t('enterprise.field.name')}</Table.Th>
                  <Table.Th>{t('enterprise.field.ownership')}</Table.Th>
                  <Table.Th ta="right">{t('enterprise.field.workforce')}</Table.Th>
                  <Table.Th>{t('coverage.gaps.why')}</Table.Th>
                  <Table.Th>{t('enterprise.field.upperUnion')}</Table.Th>
                  {canWrite && <Table.Th w={120} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr key={g.id} data-testid="coverage-gap" data-tax-code={g.taxCode}>
                    <Table.Td>
                      <Text fw={700} size="sm" data-testid="gap-rank">
                        {g.rank}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Anchor component={Link} to={`/enterprises/${g.id}`} size="sm" fw={500} data-testid="gap-name">
                        {g.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {g.taxCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <OwnershipBadge ownership={g.ownership} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600}>
                        {formatNumber(g.workforce)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge size="sm" color="dark" variant="filled" title={t('coverage.gaps.score')}>
                          {g.priority.score}
                        </Badge>
                        {g.priority.reasons.map((r) => (
                          <Badge key={r} size="sm" variant="light" color="gray" tt="none">
                            {r}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td maw={200}>
                      <Text size="sm" lineClamp={1}>
                        {g.upperUnion?.name ?? '—'}
                      </Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="light"
                          leftSection={<IconSeeding size={12} />}
                          onClick={() => setDriveFor(g)}
                          data-testid="gap-open-drive"
                        >
                          {t('drive.openShort')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" c="dimmed">
              {t('coverage.gaps.shown', { shown: formatNumber(items.length), total: formatNumber(total) })}
            </Text>
            {gaps.hasNextPage && (
              <Button
                variant="light"
                onClick={() => gaps.fetchNextPage()}
                loading={gaps.isFetchingNextPage}
                data-testid="coverage-gap-more"
              >
                {t('enterprise.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
      {driveFor && <OpenDriveModal enterprise={driveFor} onClose={() => setDriveFor(null)} />}
    </Card>
  );
}

/** How the list is ordered, in the plan's words: shown next to the list, not hidden in a manual. */
function RankingRule() {
  const { t } = useTranslation();
  return (
    <Popover width={420} withArrow shadow="md" position="bottom-start">
      <Popover.Target>
        <Anchor component="button" type="button" size="sm" data-testid="coverage-ranking-rule">
          <Group gap={4} wrap="nowrap">
            <IconInfoCircle size={16} />
            {t('coverage.gaps.ruleLink')}
          </Group>
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          {t('coverage.gaps.ruleTitle')}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('coverage.gaps.rule.workforce')}</List.Item>
          <List.Item>{t('coverage.gaps.rule.foreign')}</List.Item>
          <List.Item>{t('coverage.gaps.rule.years')}</List.Item>
          <List.Item>{t('coverage.gaps.rule.zone')}</List.Item>
          <List.Item>{t('coverage.gaps.rule.ties')}</List.Item>
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}
