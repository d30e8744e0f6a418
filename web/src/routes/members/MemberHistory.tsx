import { Anchor, Card, Table, Text, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconDoorExit, IconUserMinus, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberDetail, MemberEvent } from '../../api/types.ts';
import { dayBefore, formatDay } from '../../lib/format.ts';

/** A kind the server sends, in the UI language; an unknown one shows as sent. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(`member.kind.${kind}`, { defaultValue: kind });
}

/** Membership periods, newest first: from–to, unit, how each began and ended. */
export function MemberPeriods({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  const rows = [...member.memberships].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Card withBorder radius="md" h="100%">
      <Title order={5} mb="sm">
        {t('member.periodsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="member-periods" verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('member.period')}</Table.Th>
              <Table.Th>{t('member.unit')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('member.began')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('member.ended')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={`${m.unitId}:${m.validFrom}`} data-testid="member-period">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(m.validFrom)} – {m.validTo ? formatDay(dayBefore(m.validTo)) : t('unit.now')}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${m.unitId}?asOf=${m.validFrom}`} size="sm">
                    {m.unitName ?? m.unitId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{kind(m.startKind)}</Table.Td>
                <Table.Td>{m.endKind ? kind(m.endKind) : <Text c="dimmed">—</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

const icons: Record<string, { icon: typeof IconUserPlus; color: string }> = {
  admission: { icon: IconUserPlus, color: 'green' },
  readmission: { icon: IconUserPlus, color: 'teal' },
  transfer: { icon: IconArrowRight, color: 'blue' },
  withdrawal: { icon: IconDoorExit, color: 'orange' },
  expulsion: { icon: IconUserMinus, color: 'red' },
  death: { icon: IconUserOff, color: 'gray' },
};

function EventLine({ e }: { e: MemberEvent }) {
  const { t } = useTranslation();
  const where =
    e.fromUnitName && e.toUnitName
      ? `${e.fromUnitName} → ${e.toUnitName}`
      : (e.toUnitName ?? e.fromUnitName ?? undefined);
  return (
    <>
      {where && <Text size="sm">{where}</Text>}
      {e.decisionNo && (
        <Text size="xs" c="dimmed">
          {t('member.decisionNo')}: {e.decisionNo}
        </Text>
      )}
      {e.reason && (
        <Text size="xs" c="dimmed">
          {t('unit.reason')}: {e.reason}
        </Text>
      )}
    </>
  );
}

/** What happened to the membership, newest first. */
export function MemberTimeline({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  const events = [...member.events].sort((a, b) => b.onDate.localeCompare(a.onDate));
  return (
    <Card withBorder radius="md" h="100%">
      <Title order={5} mb="md">
        {t('member.eventsTitle')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={26} lineWidth={2} data-testid="member-events">
        {events.map((e, i) => {
          const { icon: Icon, color } = icons[e.kind] ?? { icon: IconArrowRight, color: 'gray' };
          return (
            <Timeline.Item
              key={`${e.kind}:${e.onDate}:${i}`}
              bullet={<Icon size={14} />}
              color={color}
              title={
                <Text fw={600} size="sm">
                  {kind(e.kind)} · {formatDay(e.onDate)}
                </Text>
              }
              data-testid="member-event"
            >
              <EventLine e={e} />
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
