import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberListItem } from '../../api/types.ts';
import { formatDay } from '../../lib/format.ts';

/** One row per member: name, birth date, gender, unit, member since, CCCD (masked for some roles). */
export function MemberTable({ items, asOf }: { items: MemberListItem[]; asOf: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="member-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('member.field.fullName')}</Table.Th>
            <Table.Th>{t('member.field.birthDate')}</Table.Th>
            <Table.Th>{t('member.field.gender')}</Table.Th>
            <Table.Th>{t('member.unit')}</Table.Th>
            <Table.Th>{t('member.memberSince')}</Table.Th>
            <Table.Th>{t('member.field.citizenId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.personId} data-testid="member-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/members/${m.personId}`} size="sm" fw={500} data-testid="member-name">
                    {m.fullName}
                  </Anchor>
                  {m.status === 'ended' && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('member.status.endedShort')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(m.birthDate)}</Table.Td>
              <Table.Td>{m.gender ? t(`member.gender.${m.gender}`) : '—'}</Table.Td>
              <Table.Td>
                {m.unitId ? (
                  <Anchor component={Link} to={`/units/${m.unitId}?asOf=${asOf}`} size="sm" c="dark.6">
                    {m.unitName ?? m.unitId}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(m.memberSince)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" c={m.citizenId ? undefined : 'dimmed'}>
                  {m.citizenId ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
