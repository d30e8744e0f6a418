import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconArrowUpRight,
  IconCircleCheck,
  IconGavel,
  IconLock,
  IconLockOpen,
  IconSend,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OfficerThread, type ThreadMessage, useThread, useThreadAction } from '../../api/feedback.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { formatPhone } from '../../lib/format.ts';
import { formatMoment, KIND_COLOR, STATUS_COLOR } from './labels.ts';
import { AssignModal, CloseModal, EscalateModal } from './ThreadModals.tsx';

/** One thread as a conversation, with what the officer may do with it. */
export function ThreadView({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useThread(id);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const th = q.data;
  return (
    <Card withBorder radius="md" p="md" data-testid="inbox-thread" data-id={th.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={4}>{th.subject}</Title>
          <Badge color={STATUS_COLOR[th.status]} variant="filled" tt="none" data-testid="inbox-thread-status">
            {t(`inbox.status.${th.status}`)}
          </Badge>
        </Group>
        <Group gap={6}>
          <Badge color={KIND_COLOR[th.kind]} variant="light" tt="none">
            {t(`inbox.kind.${th.kind}`)}
          </Badge>
          {th.escalatedTo && (
            <Badge
              color={th.escalatedTo === 'legal_team' ? 'red' : 'indigo'}
              variant="outline"
              tt="none"
              leftSection={th.escalatedTo === 'legal_team' ? <IconGavel size={12} /> : undefined}
            >
              {t(`inbox.escalated.${th.escalatedTo}`)}
            </Badge>
          )}
        </Group>
        <Facts th={th} />
        <Divider />
        <Stack gap="xs" data-testid="inbox-conversation">
          {th.messages.map((m) => (
            <Entry key={m.id} m={m} />
          ))}
        </Stack>
        <Divider />
        <Actions th={th} />
      </Stack>
    </Card>
  );
}

function Facts({ th }: { th: OfficerThread }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {th.anonymous ? (
        <Group gap={6} wrap="nowrap" data-testid="inbox-sender">
          <IconUserOff size={16} />
          <Text size="sm" fw={600}>
            {t('inbox.anonymous')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('inbox.anonymousHint')}
          </Text>
        </Group>
      ) : (
        <Text size="sm" data-testid="inbox-sender">
          <b>{th.senderName}</b>
          {th.senderPhone ? ` · ${t('inbox.phone')}: ${formatPhone(th.senderPhone)}` : ''}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('inbox.from', { unit: th.fromUnitName })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('inbox.handling', { unit: th.handlingUnitName })}
        {th.assignedUserName ? ` · ${t('inbox.assignedTo', { name: th.assignedUserName })}` : ''}
      </Text>
    </Stack>
  );
}

const STEP_ICON = {
  assigned: IconUserCheck,
  escalated: IconArrowUpRight,
  closed: IconLock,
  reopened: IconLockOpen,
} as const;

/** A message as a bubble (the member's on the left, the union's on the right), a step as a line. */
function Entry({ m }: { m: ThreadMessage }) {
  const { t } = useTranslation();
  if (m.kind !== 'message') {
    const Icon = STEP_ICON[m.kind];
    return (
      <Stack gap={2} align="center" data-testid="thread-message" data-kind={m.kind}>
        <Group gap={6}>
          <Icon size={14} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {t(`inbox.steps.${m.kind}`, { unit: m.unitName ?? '' })} · {formatMoment(m.createdAt)}
          </Text>
        </Group>
        {m.body && (
          <Text size="sm" fs="italic" c="dimmed" ta="center" maw="80%">
            {m.body}
          </Text>
        )}
      </Stack>
    );
  }
  const mine = m.author === 'officer';
  return (
    <Box
      style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }}
      data-testid="thread-message"
      data-kind={m.kind}
      data-author={m.author}
    >
      <Paper p="sm" radius="md" bg={mine ? 'blue.0' : 'gray.1'}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
      </Paper>
      <Text size="xs" c="dimmed" ta={mine ? 'right' : 'left'} mt={2}>
        {mine ? [m.unitName, m.userName].filter(Boolean).join(' · ') : t('inbox.member')} · {formatMoment(m.createdAt)}
      </Text>
    </Box>
  );
}

type Open = 'assign' | 'escalate' | 'close' | null;

function Actions({ th }: { th: OfficerThread }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [sent, setSent] = useState(false);
  const answer = useThreadAction(th.id, () => {
    setText('');
    setSent(true);
  });
  if (!th.canAct)
    return (
      <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="inbox-readonly">
        {t('inbox.readOnly', { unit: th.handlingUnitName })}
      </Alert>
    );
  if (th.status === 'closed')
    return (
      <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="inbox-closed">
        {t('inbox.closedNote')}
      </Alert>
    );
  return (
    <Stack gap="sm">
      {sent && (
        <DoneAlert onClose={() => setSent(false)} testId="inbox-answered">
          <Text size="sm">{t('inbox.answered')}</Text>
        </DoneAlert>
      )}
      <FormError error={answer.error} fields={['body.body']} />
      <Textarea
        label={t('inbox.answer')}
        placeholder={t('inbox.answerPlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={10}
        error={fieldError(answer.error, 'body.body')}
        data-testid="inbox-answer-text"
      />
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconUserCheck size={14} />}
            onClick={() => setOpen('assign')}
            data-testid="inbox-assign"
          >
            {t('inbox.assign')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconArrowUpRight size={14} />}
            onClick={() => setOpen('escalate')}
            data-testid="inbox-escalate"
          >
            {t('inbox.escalate')}
          </Button>
          <Button
            variant="default"
            size="xs"
            color="gray"
            leftSection={<IconCircleCheck size={14} />}
            onClick={() => setOpen('close')}
            data-testid="inbox-close"
          >
            {t('inbox.close')}
          </Button>
        </Group>
        <Button
          leftSection={<IconSend size={16} />}
          loading={answer.isPending}
          disabled={text.trim() === ''}
          onClick={() => answer.mutate({ action: 'answer', body: { body: text } })}
          data-testid="inbox-answer-submit"
        >
          {t('inbox.answerSubmit')}
        </Button>
      </Group>
      {open === 'assign' && <AssignModal th={th} onClose={() => setOpen(null)} />}
      {open === 'escalate' && <EscalateModal th={th} onClose={() => setOpen(null)} />}
      {open === 'close' && <CloseModal th={th} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
