import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowsExchange,
  IconClockHour4,
  IconPencil,
  IconShieldLock,
  IconUserCheck,
  IconUserX,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useMember } from '../../api/members.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { CancelModal } from '../transfers/TransferModals.tsx';
import { CardsSection } from './CardsSection.tsx';
import { EditMemberModal } from './EditMemberModal.tsx';
import { EndModal, ReadmitModal, TransferModal } from './LifecycleModals.tsx';
import { MemberFacts } from './MemberFacts.tsx';
import { MemberPeriods, MemberTimeline } from './MemberHistory.tsx';
import { EraseModal, isErased, PersonalDataMenu } from './PersonalData.tsx';

type Action = 'transfer' | 'cancelTransfer' | 'end' | 'readmit' | 'edit' | 'erase';
const doneKey = {
  admitted: 'member.admitted',
  transfer: 'member.transferred',
  transferAsked: 'member.transferAsked',
  cancelTransfer: 'transfers.cancelled',
  end: 'member.endedDone',
  readmit: 'member.readmitted',
  edit: 'member.saved',
  erase: 'personalData.erased',
} as const;
type Done = keyof typeof doneKey;

/** One member: details, current unit, periods, events, and the actions the caller may take. */
export function MemberPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const location = useLocation();
  const member = useMember(id);
  const me = useMe();
  const [action, setAction] = useState<Action | null>(null);
  // What was just done, with the receiving unit's name when a transfer request was sent.
  const [done, setDone] = useState<{ key: Done; to?: string } | null>(
    (location.state as { done?: Done } | null)?.done === 'admitted' ? { key: 'admitted' } : null,
  );

  if (member.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (member.isError) return <ErrorAlert error={member.error} onRetry={() => member.refetch()} />;
  const m = member.data;
  const active = m.status === 'active';
  const lastEnd = m.memberships.at(-1)?.endKind;
  const erased = isErased(m);
  const finish = (a: Done, to?: string) => () => {
    setAction(null);
    setDone({ key: a, ...(to ? { to } : {}) });
  };
  const pending = m.pendingTransfer;

  return (
    <Stack maw={1200} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/members" size="sm">
          {t('member.listTitle')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {m.person.fullName}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-end">
        <Stack gap={6}>
          <Group gap="sm">
            <Badge color={active ? 'green' : 'gray'} variant="light" data-testid="member-status">
              {t(active ? 'member.status.activeOne' : 'member.status.endedOne')}
            </Badge>
            {!active && lastEnd && (
              <Badge color="gray" variant="outline">
                {t(`member.kind.${lastEnd}`, { defaultValue: lastEnd })}
              </Badge>
            )}
            {erased && (
              <Badge color="red" variant="outline" data-testid="member-erased">
                {t('personalData.erasedBadge')}
              </Badge>
            )}
          </Group>
          <Title order={2} data-testid="member-title">
            {m.person.fullName}
          </Title>
          <Text c="dimmed" size="sm">
            {t('member.currentUnit')}:{' '}
            {m.currentUnit ? (
              <Anchor component={Link} to={`/units/${m.currentUnit.id}`} data-testid="member-unit">
                {m.currentUnit.name}
              </Anchor>
            ) : (
              <span data-testid="member-unit">{t('member.noUnit')}</span>
            )}
          </Text>
        </Stack>
        <Group gap="xs">
          {m.canEdit && (
            <Group gap="xs" data-testid="member-actions">
              {active && (
                <>
                  {!pending && (
                    <Button
                      variant="default"
                      leftSection={<IconArrowsExchange size={16} />}
                      onClick={() => setAction('transfer')}
                      data-testid="member-transfer"
                    >
                      {t('member.transfer')}
                    </Button>
                  )}
                  <Button
                    variant="default"
                    c="red.7"
                    leftSection={<IconUserX size={16} />}
                    onClick={() => setAction('end')}
                    data-testid="member-end"
                  >
                    {t('member.end')}
                  </Button>
                </>
              )}
              {!m.person.citizenIdMasked && !erased && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                  onClick={() => setAction('edit')}
                  data-testid="member-edit"
                >
                  {t('member.edit')}
                </Button>
              )}
            </Group>
          )}
          {!active && lastEnd !== 'death' && isWriter(me.data) && (
            <Button
              variant="light"
              leftSection={<IconUserCheck size={16} />}
              onClick={() => setAction('readmit')}
              data-testid="member-readmit"
            >
              {t('member.readmit')}
            </Button>
          )}
          {!m.person.citizenIdMasked && <PersonalDataMenu member={m} onErase={() => setAction('erase')} />}
        </Group>
      </Group>

      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="member-done">
          {t(doneKey[done.key], { name: m.person.fullName, to: done.to })}
        </DoneAlert>
      )}
      {pending && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconClockHour4 size={18} />}
          title={t('member.pendingTransfer.title')}
          data-testid="member-pending-transfer"
        >
          <Group gap="md" justify="space-between">
            <Text size="sm" data-testid="member-pending-text">
              {t('member.pendingTransfer.text', { to: pending.toUnitName, date: formatDay(pending.onDate) })}
            </Text>
            <Group gap="md">
              <Anchor component={Link} to="/transfers?box=outgoing" size="sm" data-testid="member-pending-open">
                {t('member.pendingTransfer.open')}
              </Anchor>
              {m.canEdit && (
                <Button
                  size="xs"
                  variant="default"
                  c="red.7"
                  leftSection={<IconX size={14} />}
                  onClick={() => setAction('cancelTransfer')}
                  data-testid="member-transfer-cancel"
                >
                  {t('transfers.cancel')}
                </Button>
              )}
            </Group>
          </Group>
        </Alert>
      )}
      {erased && (
        <Alert color="gray" variant="light" icon={<IconShieldLock size={18} />} data-testid="member-erased-note">
          {t('personalData.erasedNote')}
        </Alert>
      )}

      <MemberFacts member={m} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <MemberPeriods member={m} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MemberTimeline member={m} />
        </Grid.Col>
      </Grid>
      <CardsSection member={m} />

      {action === 'transfer' && (
        <TransferModal
          member={m}
          onClose={() => setAction(null)}
          onDone={(after) =>
            finish(after.pendingTransfer ? 'transferAsked' : 'transfer', after.pendingTransfer?.toUnitName)()
          }
        />
      )}
      {action === 'cancelTransfer' && pending && (
        <CancelModal
          request={{
            id: pending.id,
            personName: m.person.fullName,
            fromUnitName: m.currentUnit?.name ?? '—',
            toUnitName: pending.toUnitName,
          }}
          onClose={() => setAction(null)}
          onDone={finish('cancelTransfer')}
        />
      )}
      {action === 'end' && <EndModal member={m} onClose={() => setAction(null)} onDone={finish('end')} />}
      {action === 'readmit' && <ReadmitModal member={m} onClose={() => setAction(null)} onDone={finish('readmit')} />}
      {action === 'erase' && <EraseModal member={m} onClose={() => setAction(null)} onDone={finish('erase')} />}
      {action === 'edit' && <EditMemberModal member={m} onClose={() => setAction(null)} onDone={finish('edit')} />}
    </Stack>
  );
}
