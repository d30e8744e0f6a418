import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useAnnouncement, withdrawAnnouncement } from '../../api/announcements.ts';
import { useWrite } from '../../api/write.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatNumber } from '../../lib/format.ts';
import { vnDay } from './dates.ts';
import { ShareBar } from './ShareBar.tsx';

type Done = 'published' | 'withdrawn';

/** One announcement: its text, and its read receipts overall and for each audience unit. */
export function AnnouncementPage() {
  const id = Number(useParams().id);
  return <AnnouncementView key={id} id={id} />;
}

function AnnouncementView({ id }: { id: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const announcement = useAnnouncement(id);
  const [done, setDone] = useState<Done | null>((location.state as { done?: Done } | null)?.done ?? null);
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useWrite(
    ['announcements'],
    () => withdrawAnnouncement(id),
    () => {
      setWithdrawing(false);
      setDone('withdrawn');
    },
    ['announcements'],
  );

  if (announcement.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (announcement.isError) return <ErrorAlert error={announcement.error} onRetry={() => announcement.refetch()} />;
  const a = announcement.data;

  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/announcements?unit=${a.unit.id}`} size="sm">
          {t('announcements.back')}
        </Anchor>
        <Text size="sm">{a.title}</Text>
      </Breadcrumbs>
      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="announcement-done">
          {t(`announcements.done.${done}`)}
        </DoneAlert>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} data-testid="announcement-heading">
            {a.title}
          </Title>
          <Text c="dimmed" size="sm">
            {t('announcements.publishedBy', { unit: a.unit.name, date: vnDay(a.publishedAt) })}
            {a.createdByName ? ` · ${t('announcements.by', { name: a.createdByName })}` : ''}
          </Text>
        </div>
        {a.canWithdraw && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconArchive size={16} />}
            onClick={() => setWithdrawing(true)}
            data-testid="announcement-withdraw"
          >
            {t('announcements.withdraw')}
          </Button>
        )}
      </Group>
      {a.withdrawnAt && (
        <Alert color="gray" variant="light" data-testid="announcement-withdrawn">
          {t('announcements.withdrawnOn', { date: vnDay(a.withdrawnAt) })}
        </Alert>
      )}
      <Card withBorder radius="md" p="md">
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="announcement-text">
          {a.body}
        </Text>
      </Card>

      <Card withBorder radius="md" p="md" data-testid="announcement-receipts">
        <Group justify="space-between" align="flex-end" mb="xs">
          <div>
            <Title order={4}>{t('announcements.receipts')}</Title>
            <Text size="sm" c="dimmed">
              {t('announcements.receiptsHint')}
            </Text>
          </div>
          <div data-testid="announcement-read-count" data-read={a.receipts.count}>
            <ShareBar share={a.receipts.share} count={a.receipts.count} of={a.audienceCount} width={220} />
          </div>
        </Group>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('announcements.receiptColumns.unit')}</Table.Th>
              <Table.Th ta="right">{t('announcements.receiptColumns.audience')}</Table.Th>
              <Table.Th ta="right">{t('announcements.receiptColumns.read')}</Table.Th>
              <Table.Th>{t('announcements.receiptColumns.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.receipts.byUnit.map((u) => (
              <Table.Tr key={u.unitId} data-testid="announcement-receipt-row">
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td ta="right">{formatNumber(u.audienceCount)}</Table.Td>
                <Table.Td ta="right">{formatNumber(u.readCount)}</Table.Td>
                <Table.Td>
                  <ShareBar share={u.share} width={180} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      {withdrawing && (
        <FormModal
          title={t('announcements.withdrawTitle')}
          testId="announcement-withdraw-modal"
          submitLabel={t('announcements.withdraw')}
          onClose={() => setWithdrawing(false)}
          onSubmit={() => withdraw.mutate(undefined)}
          write={withdraw}
          intro={t('announcements.withdrawIntro')}
          danger
        />
      )}
    </Stack>
  );
}
