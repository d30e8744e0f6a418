import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAnnouncements } from '../../api/announcements.ts';
import { useChosenUnit } from '../../api/chosenUnit.ts';
import { ListCard } from '../../components/ListCard.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { vnDay } from './dates.ts';
import { PublishModal } from './PublishModal.tsx';
import { ShareBar } from './ShareBar.tsx';

/** Announcements of a unit and the units under it, with how many members read each; publish a new one. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayVn();
  const { me, unitId, unit, choose } = useChosenUnit(today);
  const list = useAnnouncements(unitId);
  const [publishing, setPublishing] = useState(false);

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>{t('announcements.title')}</Title>
        <Text c="dimmed">{t('announcements.subtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <div style={{ width: 380 }}>
            <UnitPicker
              label={t('announcements.unit')}
              placeholder={t('announcements.unitPlaceholder')}
              asOf={today}
              value={unit}
              onChange={choose}
              required={false}
              testId="announcement-unit"
            />
          </div>
          {isWriter(me.data) && (
            <Button
              leftSection={<IconSpeakerphone size={16} />}
              disabled={!unit}
              onClick={() => setPublishing(true)}
              data-testid="announcement-publish"
            >
              {t('announcements.publish')}
            </Button>
          )}
        </Group>
      </Card>

      <ListCard title={t('announcements.list')} query={list} empty={t('announcements.empty')}>
        {(data) => (
          <Table striped highlightOnHover withTableBorder data-testid="announcement-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('announcements.columns.title')}</Table.Th>
                <Table.Th>{t('announcements.columns.unit')}</Table.Th>
                <Table.Th>{t('announcements.columns.publishedAt')}</Table.Th>
                <Table.Th>{t('announcements.columns.audience')}</Table.Th>
                <Table.Th>{t('announcements.columns.read')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id} data-testid="announcement-row" data-withdrawn={a.withdrawnAt ? 'true' : 'false'}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/announcements/${a.id}`} size="sm" fw={500}>
                        {a.title}
                      </Anchor>
                      {a.withdrawnAt && (
                        <Badge color="gray" variant="light" tt="none">
                          {t('announcements.withdrawn')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.unit.name}</Text>
                  </Table.Td>
                  <Table.Td>{vnDay(a.publishedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {a.audience.map((u) => u.name).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="announcement-read-count" data-read={a.readCount}>
                    <ShareBar share={a.readShare} count={a.readCount} of={a.audienceCount} width={110} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListCard>

      {publishing && unit && (
        <PublishModal
          unit={unit}
          onClose={() => setPublishing(false)}
          onDone={(id) => navigate(`/announcements/${id}`, { state: { done: 'published' } })}
        />
      )}
    </Stack>
  );
}
