import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowDown,
  IconArrowsExchange,
  IconCheck,
  IconInbox,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type BoxName,
  type TransferRequest,
  type TransferRequestStatus,
  usePendingIncoming,
  useTransferBox,
} from '../../api/transfers.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { AcceptModal, CancelModal, DeclineModal } from './TransferModals.tsx';

const statusColor: Record<TransferRequestStatus, string> = {
  pending: 'yellow',
  accepted: 'green',
  declined: 'red',
  cancelled: 'gray',
};

type Open = { kind: 'accept' | 'decline' | 'cancel'; request: TransferRequest };

/**
 * Chuyển sinh hoạt across scopes: requests coming to the officer's units, to accept (with the day)
 * or decline (with a reason), and requests the officer sent, to follow or cancel.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const box: BoxName = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const status = params.get('status') === 'all' ? 'all' : 'pending';
  const list = useTransferBox(box, status);
  const pendingIncoming = usePendingIncoming(true);
  const [open, setOpen] = useState<Open | null>(null);
  const [done, setDone] = useState<TransferRequest | null>(null);
  const set = (k: 'box' | 'status', v: string, dflt: string) =>
    setParams(
      (p) => {
        if (v === dflt) p.delete(k);
        else p.set(k, v);
        return p;
      },
      { replace: true },
    );
  const finish = (r: TransferRequest) => {
    setOpen(null);
    setDone(r);
  };
  const items = list.data?.items ?? [];

  return (
    <Stack maw={1200} gap="md">
      <div>
        <Title order={2}>{t('transfers.title')}</Title>
        <Text c="dimmed">{t('transfers.subtitle')}</Text>
      </div>

      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="transfer-done">
          <Group gap="sm">
            <Text size="sm">
              {t(
                `transfers.${done.status === 'accepted' ? 'accepted' : done.status === 'declined' ? 'declined' : 'cancelled'}`,
                {
                  name: done.personName,
                  to: done.toUnitName,
                },
              )}
            </Text>
            {done.status === 'accepted' && (
              <Anchor component={Link} to={`/members/${done.personId}`} size="sm" data-testid="transfer-done-member">
                {t('transfers.openMember')}
              </Anchor>
            )}
          </Group>
        </DoneAlert>
      )}

      <Group justify="space-between" align="flex-end">
        <Tabs value={box} onChange={(v) => v && set('box', v, 'incoming')}>
          <Tabs.List>
            <Tabs.Tab
              value="incoming"
              leftSection={<IconInbox size={16} />}
              rightSection={
                pendingIncoming > 0 ? (
                  <Badge size="sm" color="red" circle={pendingIncoming < 10} data-testid="transfer-incoming-count">
                    {pendingIncoming}
                  </Badge>
                ) : undefined
              }
              data-testid="transfer-tab-incoming"
            >
              {t('transfers.incoming')}
            </Tabs.Tab>
            <Tabs.Tab value="outgoing" leftSection={<IconSend size={16} />} data-testid="transfer-tab-outgoing">
              {t('transfers.outgoing')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <SegmentedControl
          value={status}
          onChange={(v) => set('status', v, 'pending')}
          data={[
            { value: 'pending', label: t('transfers.pendingOnly') },
            { value: 'all', label: t('transfers.all') },
          ]}
          data-testid="transfer-status"
        />
      </Group>

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="transfer-empty">
          <Stack align="center" gap="xs" py="md">
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconArrowsExchange size={28} />
            </ThemeIcon>
            <Text fw={600}>
              {status === 'all'
                ? t('transfers.emptyAll')
                : t(box === 'incoming' ? 'transfers.emptyIncoming' : 'transfers.emptyOutgoing')}
            </Text>
            <Text c="dimmed" size="sm" ta="center" maw={560}>
              {t('transfers.howTo')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="md" p={0} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="transfer-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('transfers.member')}</Table.Th>
                  <Table.Th>{t('transfers.fromTo')}</Table.Th>
                  <Table.Th>{t('transfers.onDate')}</Table.Th>
                  <Table.Th>{t('transfers.requested')}</Table.Th>
                  <Table.Th miw={150}>{t('transfers.statusLabel')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <RequestRow key={r.id} r={r} box={box} onAct={(kind) => setOpen({ kind, request: r })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      {open?.kind === 'accept' && <AcceptModal request={open.request} onClose={() => setOpen(null)} onDone={finish} />}
      {open?.kind === 'decline' && (
        <DeclineModal request={open.request} onClose={() => setOpen(null)} onDone={finish} />
      )}
      {open?.kind === 'cancel' && <CancelModal request={open.request} onClose={() => setOpen(null)} onDone={finish} />}
    </Stack>
  );
}

/** 2024-07-01T03:04:05Z -> 01/07/2024 10:04 (Vietnam time). */
function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const vn = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${formatDay(vn.slice(0, 10))} ${vn.slice(11, 16)}`;
}

function RequestRow({ r, box, onAct }: { r: TransferRequest; box: BoxName; onAct: (kind: Open['kind']) => void }) {
  const { t } = useTranslation();
  // The member is the sender's until they leave, and the receiver's once they arrive.
  const linked = box === 'outgoing' ? r.status !== 'accepted' : r.status === 'accepted';
  const facts = [
    r.personGender === 'male' || r.personGender === 'female' ? t(`member.gender.${r.personGender}`) : null,
    r.personBirthDate ? formatDay(r.personBirthDate) : null,
  ].filter(Boolean);
  return (
    <Table.Tr data-testid="transfer-row" data-id={r.id} data-status={r.status}>
      <Table.Td>
        {linked ? (
          <Anchor component={Link} to={`/members/${r.personId}`} size="sm" fw={600} data-testid="transfer-person">
            {r.personName}
          </Anchor>
        ) : (
          <Text size="sm" fw={600} data-testid="transfer-person">
            {r.personName}
          </Text>
        )}
        {facts.length > 0 && (
          <Text size="xs" c="dimmed">
            {facts.join(' · ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={360}>
        <Text size="sm" data-testid="transfer-from">
          {r.fromUnitName}
        </Text>
        <Group gap={4} wrap="nowrap">
          <IconArrowDown size={14} color="var(--mantine-color-blue-6)" />
          <Text size="sm" fw={500} c="blue.8" data-testid="transfer-to">
            {r.toUnitName}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="transfer-on">
          {formatDay(r.onDate)}
        </Text>
        {r.decisionNo && (
          <Text size="xs" c="dimmed">
            {t('transfers.decisionNo', { no: r.decisionNo })}
          </Text>
        )}
        {r.reason && (
          <Text size="xs" c="dimmed" maw={220}>
            {r.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.requestedByName ?? '—'}</Text>
        <Text size="xs" c="dimmed">
          {formatMoment(r.requestedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          color={statusColor[r.status]}
          variant="light"
          tt="none"
          // Whole, never cut to "Awaiting the recei…" when the actions take the row's width.
          style={{ minWidth: 'max-content' }}
          data-testid="transfer-status-badge"
        >
          {t(`transfers.status.${r.status}`)}
        </Badge>
        {r.decidedAt && (
          <Text size="xs" c="dimmed">
            {r.decidedByName
              ? t('transfers.decidedBy', { name: r.decidedByName, date: formatMoment(r.decidedAt) })
              : t('transfers.decidedOn', { date: formatMoment(r.decidedAt) })}
          </Text>
        )}
        {r.decisionReason && (
          <Text size="xs" c="dimmed" fs="italic" maw={220}>
            {r.decisionReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {box === 'incoming' && r.canAccept && (
            <>
              <Button
                size="xs"
                leftSection={<IconCheck size={14} />}
                onClick={() => onAct('accept')}
                data-testid="transfer-accept"
              >
                {t('transfers.accept')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconX size={14} />}
                onClick={() => onAct('decline')}
                data-testid="transfer-decline"
              >
                {t('transfers.decline')}
              </Button>
            </>
          )}
          {box === 'outgoing' && r.canCancel && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={() => onAct('cancel')}
              data-testid="transfer-cancel"
            >
              {t('transfers.cancel')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
