import { Anchor, Avatar, Badge, Card, Group, Rating, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconMessages, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DriveSummary } from '../../api/drives.ts';
import type { Ownership } from '../../api/enterprises.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { OwnershipBadge } from '../enterprises/EnterpriseBadges.tsx';

/** Initials of a name for an avatar: "Nguyễn Thị Hương" -> "TH" (given names are what colleagues use). */
export const initials = (name: string) =>
  name
    .replace(/\(.*\)/, '')
    .trim()
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

/** A drive on the board: the enterprise, its workforce, days in the stage, stalled or not, support. */
export function DriveCard({ drive: d }: { drive: DriveSummary }) {
  const { t } = useTranslation();
  const closed = d.status !== 'active';
  return (
    <Card
      withBorder
      radius="md"
      p="sm"
      shadow={d.stalled ? undefined : 'xs'}
      style={{
        borderColor: d.stalled ? 'var(--mantine-color-red-4)' : undefined,
        opacity: d.status === 'abandoned' ? 0.6 : 1,
      }}
      data-testid="drive-card"
      data-drive-id={d.id}
      data-stalled={d.stalled}
    >
      <Stack gap={6}>
        <Anchor component={Link} to={`/drives/${d.id}`} fw={600} size="sm" lh={1.3} data-testid="drive-card-name">
          {d.enterprise.name}
        </Anchor>
        <Group gap={6}>
          <OwnershipBadge ownership={d.enterprise.ownership as Ownership} />
          {d.enterprise.workforce !== null && (
            <Group gap={3} wrap="nowrap">
              <IconUsers size={13} color="var(--mantine-color-gray-6)" />
              <Text size="xs" fw={600}>
                {formatNumber(d.enterprise.workforce)}
              </Text>
            </Group>
          )}
          {d.enterprise.zoneName && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {d.enterprise.zoneName}
            </Text>
          )}
        </Group>
        <Group gap={6} justify="space-between" wrap="nowrap">
          {closed ? (
            <Badge
              size="sm"
              variant="light"
              color={d.status === 'recognised' ? 'green' : 'gray'}
              tt="none"
              leftSection={d.status === 'recognised' ? <IconCheck size={11} /> : undefined}
              title={d.status === 'recognised' ? t('drive.recognisedOn', { date: formatDay(d.closedOn) }) : undefined}
            >
              {d.status === 'recognised' ? formatDay(d.closedOn) : t('drive.status.abandoned')}
            </Badge>
          ) : (
            <Tooltip
              label={`${d.stalled ? `${t('drive.stalled')} · ` : ''}${t('drive.daysInStage', { count: d.daysInStage })} · ${t('drive.stageSince', { date: formatDay(d.stageSince) })}`}
              withArrow
            >
              <Group gap={3} wrap="nowrap" data-testid={d.stalled ? 'drive-stalled' : 'drive-card-days'}>
                {d.stalled ? (
                  <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
                ) : (
                  <IconClock size={13} color="var(--mantine-color-gray-6)" />
                )}
                <Text
                  size="xs"
                  c={d.stalled ? 'red.7' : 'dimmed'}
                  fw={d.stalled ? 700 : 400}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {d.stalled
                    ? t('drive.stalledDays', { count: d.daysInStage })
                    : t('drive.daysShort', { count: d.daysInStage })}
                </Text>
              </Group>
            </Tooltip>
          )}
          <Avatar.Group spacing={6}>
            {d.assignees.slice(0, 3).map((a) => (
              <Tooltip key={a.id} label={a.name} withArrow>
                <Avatar size={22} radius="xl" color="initials" name={a.name}>
                  {initials(a.name)}
                </Avatar>
              </Tooltip>
            ))}
            {d.assignees.length > 3 && (
              <Avatar size={22} radius="xl">
                +{d.assignees.length - 3}
              </Avatar>
            )}
          </Avatar.Group>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip
            label={
              d.averageSupport === null
                ? t('drive.noContacts')
                : t('drive.supportTooltip', {
                    avg: d.averageSupport.toFixed(1),
                    contacts: d.contacts,
                    workers: d.workersReached,
                  })
            }
            withArrow
          >
            <Group gap={4} wrap="nowrap" data-testid="drive-card-support">
              <Rating value={d.averageSupport ?? 0} fractions={4} readOnly size="xs" />
              <Text size="xs" c="dimmed">
                {d.averageSupport === null ? '—' : d.averageSupport.toFixed(1)}
              </Text>
              <IconMessages size={13} color="var(--mantine-color-gray-6)" />
              <Text size="xs" c="dimmed">
                {d.contacts}
              </Text>
            </Group>
          </Tooltip>
        </Group>
      </Stack>
    </Card>
  );
}
