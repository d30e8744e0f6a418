import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseListItem } from '../../api/enterprises.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { OwnershipBadge, SourceBadge, StatusBadge } from './EnterpriseBadges.tsx';
import { formatPct } from './format.ts';

/** One row per enterprise: name and tax code, ownership, workforce, status, CĐCS, upper union. */
export function EnterpriseTable({ items, asOf }: { items: EnterpriseListItem[]; asOf: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="enterprise-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('enterprise.field.name')}</Table.Th>
            <Table.Th>{t('enterprise.field.ownership')}</Table.Th>
            <Table.Th ta="right">{t('enterprise.field.workforce')}</Table.Th>
            <Table.Th>{t('enterprise.field.status')}</Table.Th>
            <Table.Th>{t('enterprise.field.grassroots')}</Table.Th>
            <Table.Th>{t('enterprise.field.upperUnion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="enterprise-row" data-tax-code={e.taxCode}>
              <Table.Td maw={360}>
                <Stack gap={0}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/enterprises/${e.id}${asOf ? `?asOf=${asOf}` : ''}`}
                      size="sm"
                      fw={500}
                      data-testid="enterprise-name"
                    >
                      {e.name}
                    </Anchor>
                    {e.openConflicts > 0 && (
                      <Tooltip label={t('enterprise.openConflicts', { count: e.openConflicts })} withArrow>
                        <Badge
                          size="xs"
                          color="orange"
                          variant="light"
                          leftSection={<IconAlertTriangle size={10} />}
                          data-testid="enterprise-conflict-badge"
                        >
                          {e.openConflicts}
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    <Text span inherit ff="monospace">
                      {e.taxCode}
                    </Text>
                    {e.zone ? ` · ${e.zone.name}` : ''}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <OwnershipBadge ownership={e.ownership} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {e.workforce ? (
                  <Tooltip label={t('enterprise.workforceAsOf', { date: formatDay(e.workforce.observedOn) })} withArrow>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Text size="sm" fw={500} data-testid="enterprise-workforce">
                        {formatNumber(e.workforce.total)}
                      </Text>
                      <SourceBadge source={e.workforce.source} />
                    </Group>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.status ? <StatusBadge status={e.status} /> : '—'}</Table.Td>
              <Table.Td maw={260}>
                {e.grassroots ? (
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/units/${e.grassroots.id}`} size="sm" c="dark.6" lineClamp={1}>
                      {e.grassroots.name}
                    </Anchor>
                    {e.density !== null && (
                      <Text size="xs" c="dimmed">
                        {t('enterprise.densityShort', { pct: formatPct(e.density) })}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Badge size="sm" color="red" variant="light" tt="none" data-testid="enterprise-no-union">
                    {t('enterprise.noUnion')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm" lineClamp={1}>
                  {e.upperUnion?.name ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
