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
import { IconArrowsExchange, IconCheck, IconPencil, IconUserCheck, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useMember } from '../../api/members.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isWriter } from '../../lib/roles.ts';
import { CardsSection } from './CardsSection.tsx';
import { EditMemberModal } from './EditMemberModal.tsx';
import { EndModal, ReadmitModal, TransferModal } from './LifecycleModals.tsx';
import { MemberFacts } from './MemberFacts.tsx';
import { MemberPeriods, MemberTimeline } from './MemberHistory.tsx';

type Action = 'transfer' | 'end' | 'readmit' | 'edit';
const doneKey = {
  admitted: 'member.admitted',
  transfer: 'member.transferred',
  end: 'member.endedDone',
  readmit: 'member.readmitted',
  edit: 'member.saved',
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
  const [done, setDone] = useState<Done | null>(
    (location.state as { done?: Done } | null)?.done === 'admitted' ? 'admitted' : null,
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
  const finish = (a: Action) => () => {
    setAction(null);
    setDone(a);
  };

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
        {m.canEdit && (
          <Group gap="xs" data-testid="member-actions">
            {active && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconArrowsExchange size={16} />}
                  onClick={() => setAction('transfer')}
                  data-testid="member-transfer"
                >
                  {t('member.transfer')}
                </Button>
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
            {!m.person.citizenIdMasked && (
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
      </Group>

      {done && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCheck size={18} />}
          withCloseButton
          onClose={() => setDone(null)}
          data-testid="member-done"
        >
          {t(doneKey[done])}
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
        <TransferModal member={m} onClose={() => setAction(null)} onDone={finish('transfer')} />
      )}
      {action === 'end' && <EndModal member={m} onClose={() => setAction(null)} onDone={finish('end')} />}
      {action === 'readmit' && <ReadmitModal member={m} onClose={() => setAction(null)} onDone={finish('readmit')} />}
      {action === 'edit' && <EditMemberModal member={m} onClose={() => setAction(null)} onDone={finish('edit')} />}
    </Stack>
  );
}
