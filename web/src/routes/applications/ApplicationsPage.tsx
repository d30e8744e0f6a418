import {
  Alert,
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
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconFileText, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApplications } from '../../api/applications.ts';
import { useMe } from '../../api/auth.ts';
import type { Application, ApplicationStatus, UnitSearchItem } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { MembersTabs } from '../members/MembersTabs.tsx';
import { AdmitModal, RejectModal, SubmitApplicationModal, VerifyModal } from './ApplicationModals.tsx';

const statuses: ApplicationStatus[] = ['submitted', 'verified', 'admitted', 'rejected'];
const statusColor: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  verified: 'cyan',
  admitted: 'green',
  rejected: 'red',
};

type Action = { kind: 'verify' | 'admit' | 'reject'; application: Application };

/** Đơn gia nhập: applications to join, filed by officers or by workers in the app, and their handling. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const writer = isWriter(me.data);
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('submitted');
  const [under, setUnder] = useState<UnitSearchItem | null>(null);
  const [filing, setFiling] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [admitted, setAdmitted] = useState<Application | null>(null);
  const list = useApplications({ status: status === 'all' ? undefined : status, under: under?.id });
  const close = () => setAction(null);
  const done = (a: Application) => {
    setAction(null);
    if (a.status === 'admitted') setAdmitted(a);
  };

  return (
    <Stack maw={1200} gap="md">
      <MembersTabs />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('application.title')}</Title>
          <Text c="dimmed">{t('application.subtitle')}</Text>
        </div>
        {writer && (
          <Button
            leftSection={<IconFileText size={18} />}
            onClick={() => setFiling(true)}
            data-testid="application-new"
          >
            {t('application.new')}
          </Button>
        )}
      </Group>

      {admitted?.personId && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          withCloseButton
          onClose={() => setAdmitted(null)}
          data-testid="application-admitted"
        >
          {t('application.admittedText', { name: admitted.applicantName })}{' '}
          <Anchor component={Link} to={`/members/${admitted.personId}`} data-testid="application-admitted-link">
            {t('application.openMember')}
          </Anchor>
        </Alert>
      )}

      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as ApplicationStatus | 'all')}
            data={[
              ...statuses.map((s) => ({ value: s, label: t(`application.status.${s}`) })),
              { value: 'all', label: t('application.status.all') },
            ]}
            data-testid="application-status"
          />
          <div style={{ flex: 1, minWidth: 260 }}>
            <UnitPicker
              label={t('application.under')}
              placeholder={t('application.underPlaceholder')}
              asOf={todayVn()}
              value={under}
              onChange={setUnder}
              required={false}
              testId="application-under"
            />
          </div>
        </Group>
      </Card>

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.data.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="application-empty">
          <Stack align="center" gap="xs" py="md">
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconInbox size={28} />
            </ThemeIcon>
            <Text fw={600}>{t('application.empty')}</Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="md" p={0} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="application-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('application.applicant')}</Table.Th>
                  <Table.Th>{t('application.appliedTo')}</Table.Th>
                  <Table.Th>{t('application.submittedAt')}</Table.Th>
                  <Table.Th>{t('application.trackingCode')}</Table.Th>
                  <Table.Th>{t('application.statusLabel')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((a) => (
                  <Table.Tr key={a.id} data-testid="application-row">
                    <Table.Td>
                      <Text size="sm" fw={500} data-testid="application-name">
                        {a.applicantName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[formatDay(a.applicant.birthDate, ''), a.applicant.citizenId, a.employerName]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${a.unitId}`} size="sm" c="dark.6">
                        {a.unitName ?? a.unitId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(a.submittedAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" data-testid="application-code">
                        {a.trackingCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[a.status]} variant="light" data-testid="application-status-badge">
                        {t(`application.status.${a.status}`)}
                      </Badge>
                      {a.channel === 'app' && (
                        <Text size="xs" c="dimmed">
                          {t('application.viaApp')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RowActions application={a} writer={writer} onAction={setAction} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      {filing && <SubmitApplicationModal onClose={() => setFiling(false)} />}
      {action?.kind === 'verify' && <VerifyModal application={action.application} onClose={close} onDone={done} />}
      {action?.kind === 'admit' && <AdmitModal application={action.application} onClose={close} onDone={done} />}
      {action?.kind === 'reject' && <RejectModal application={action.application} onClose={close} onDone={done} />}
    </Stack>
  );
}

function RowActions({
  application: a,
  writer,
  onAction,
}: {
  application: Application;
  writer: boolean;
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  if (a.status === 'admitted') {
    return a.personId ? (
      <Anchor component={Link} to={`/members/${a.personId}`} size="sm" data-testid="application-member">
        {t('application.openMember')}
      </Anchor>
    ) : null;
  }
  if (a.status === 'rejected') {
    return (
      <Text size="xs" c="dimmed" maw={260}>
        {a.decisionReason}
      </Text>
    );
  }
  if (!writer) return null;
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {a.status === 'submitted' && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onAction({ kind: 'verify', application: a })}
          data-testid="application-verify"
        >
          {t('application.verify')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="light"
        color="green"
        onClick={() => onAction({ kind: 'admit', application: a })}
        data-testid="application-admit"
      >
        {t('application.admit')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => onAction({ kind: 'reject', application: a })}
        data-testid="application-reject"
      >
        {t('application.reject')}
      </Button>
    </Group>
  );
}
