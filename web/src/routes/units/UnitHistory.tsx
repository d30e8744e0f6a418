import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitDetail } from '../../api/types.ts';
import { useTypeName } from '../../components/TypeBadge.tsx';
import { dayBefore, formatDay } from '../../lib/format.ts';

/** Every version of the unit: each rename, move or change of type opens a new period. */
export function UnitHistory({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const rows = [...unit.history].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Card withBorder radius="md">
      <Title order={5} mb="sm">
        {t('unit.historyTitle')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table data-testid="unit-history" highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unit.period')}</Table.Th>
              <Table.Th>{t('unit.name')}</Table.Th>
              <Table.Th>{t('unit.parent')}</Table.Th>
              <Table.Th>{t('unit.type')}</Table.Th>
              <Table.Th>{t('unit.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.validFrom}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(v.validFrom)} – {v.validTo ? formatDay(dayBefore(v.validTo)) : t('unit.now')}
                </Table.Td>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>
                  {v.parentId ? (
                    <Anchor component={Link} to={`/units/${v.parentId}?asOf=${v.validFrom}`} size="sm">
                      {v.parentName ?? v.parentId}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{typeName(v.type)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={v.changeReason ? undefined : 'dimmed'}>
                    {v.changeReason ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
