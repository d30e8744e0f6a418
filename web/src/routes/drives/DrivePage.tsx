import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconCertificate, IconHierarchy2, IconPlayerStop, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { type DriveDetail, type Recognised, useDrive } from '../../api/drives.ts';
import type { Ownership } from '../../api/enterprises.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { OwnershipBadge } from '../enterprises/EnterpriseBadges.tsx';
import { DriveAssignees } from './DriveAssignees.tsx';
import { DriveContacts } from './DriveContacts.tsx';
import { DriveDocuments } from './DriveDocuments.tsx';
import { AbandonModal, StageModal } from './DriveModals.tsx';
import { RecogniseModal } from './RecogniseModal.tsx';
import { StageHistory } from './StageHistory.tsx';
import { STAGES } from './stages.ts';

type Action = 'stage' | 'abandon' | 'recognise';

/** One drive: where it stands, its history, the contacts with workers, people, documents, the decisions. */
export function DrivePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const location = useLocation();
  const drive = useDrive(id);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(
    (location.state as { opened?: boolean } | null)?.opened ? 'opened' : null,
  );
  const [recognised, setRecognised] = useState<Recognised['recognised'] | null>(null);

  if (drive.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (drive.isError) return <ErrorAlert error={drive.error} onRetry={() => drive.refetch()} />;
  const d = drive.data;
  const active = d.status === 'active';
  const current = STAGES.indexOf(d.stage);

  return (
    <Stack maw={1300} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/drives" size="sm">
          {t('drive.boardTitle')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {d.enterprise.name}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge
              color={active ? 'blue' : d.status === 'recognised' ? 'green' : 'gray'}
              variant="filled"
              tt="none"
              data-testid="drive-status"
            >
              {t(`drive.status.${d.status}`)}
            </Badge>
            {d.stalled && active && (
              <Badge color="red" variant="light" tt="none" data-testid="drive-stalled">
                {t('drive.stalledFor', { count: d.daysInStage })}
              </Badge>
            )}
            <OwnershipBadge ownership={d.enterprise.ownership as Ownership} />
          </Group>
          <Title order={2} data-testid="drive-title">
            <Anchor component={Link} to={`/enterprises/${d.enterprise.id}`} inherit c="dark">
              {d.enterprise.name}
            </Anchor>
          </Title>
          <Text c="dimmed" size="sm">
            {t('drive.headline', {
              upper: d.upperUnion.name,
              opened: formatDay(d.openedOn),
              workforce: d.enterprise.workforce === null ? '—' : formatNumber(d.enterprise.workforce),
            })}
          </Text>
        </Stack>
        {d.canWrite && active && (
          <Group gap="xs" data-testid="drive-actions">
            <Button
              variant="default"
              leftSection={<IconArrowRight size={16} />}
              onClick={() => setAction('stage')}
              data-testid="drive-move"
            >
              {t('drive.move')}
            </Button>
            <Button
              color="green"
              variant={d.stage === 'founding_conference' ? 'filled' : 'light'}
              leftSection={<IconCertificate size={16} />}
              onClick={() => setAction('recognise')}
              data-testid="drive-recognise"
            >
              {t('drive.recognise')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconPlayerStop size={16} />}
              onClick={() => setAction('abandon')}
              data-testid="drive-abandon"
            >
              {t('drive.abandon')}
            </Button>
          </Group>
        )}
      </Group>

      <Card withBorder radius="md" p="md">
        <Stepper
          active={d.status === 'recognised' ? STAGES.length : current}
          size="xs"
          iconSize={28}
          wrap={false}
          allowNextStepsSelect={false}
          data-testid="drive-stepper"
        >
          {STAGES.map((s) => (
            <Stepper.Step
              key={s}
              label={t(`drive.stage.${s}`)}
              description={stageDay(d, s)}
              color={d.status === 'abandoned' && s === d.stage ? 'gray' : undefined}
            />
          ))}
        </Stepper>
      </Card>

      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="drive-done">
          {t(`drive.done.${done}`)}
        </DoneAlert>
      )}
      {(recognised || d.grassrootsUnit) && <NewUnion drive={d} recognised={recognised} />}
      {d.status === 'abandoned' && d.closeReason && (
        <Alert color="gray" variant="light" title={t('drive.abandonedOn', { date: formatDay(d.closedOn) })}>
          {d.closeReason}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <DriveContacts drive={d} />
            <StageHistory drive={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <DriveAssignees drive={d} />
            <DriveDocuments drive={d} />
            {d.note && (
              <Card withBorder radius="md" p="md">
                <Text fw={600} mb={4}>
                  {t('drive.note')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.note}
                </Text>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {action === 'stage' && (
        <StageModal
          drive={d}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            setDone('moved');
          }}
        />
      )}
      {action === 'abandon' && (
        <AbandonModal
          drive={d}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            setDone('abandoned');
          }}
        />
      )}
      {action === 'recognise' && (
        <RecogniseModal
          drive={d}
          onClose={() => setAction(null)}
          onDone={(r) => {
            setAction(null);
            setRecognised(r.recognised);
          }}
        />
      )}
    </Stack>
  );
}

/** The day the drive entered a stage (the latest time, if it went back and forth). */
function stageDay(d: DriveDetail, s: string): string | undefined {
  const e = [...d.stages].reverse().find((x) => x.stage === s);
  return e ? formatDay(e.onDate) : undefined;
}

/** The CĐCS the drive founded: the way to it in the tree and to its members. */
function NewUnion({ drive: d, recognised }: { drive: DriveDetail; recognised: Recognised['recognised'] | null }) {
  const { t } = useTranslation();
  const unitId = recognised?.unitId ?? d.grassrootsUnit?.id;
  const name = d.grassrootsUnit?.name ?? '';
  if (!unitId) return null;
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCertificate size={20} />}
      title={t('drive.newUnionTitle')}
      data-testid="drive-new-union"
    >
      <Stack gap="xs">
        <Text size="sm">
          {recognised
            ? t('drive.newUnionText', { name, code: recognised.code, founders: recognised.founders })
            : t('drive.newUnionShort', { name })}
        </Text>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/units/${unitId}`}
            size="xs"
            leftSection={<IconHierarchy2 size={14} />}
            data-testid="drive-new-union-link"
          >
            {t('drive.openUnit')}
          </Button>
          <Button
            component={Link}
            to={`/tree?q=${encodeURIComponent(name)}`}
            size="xs"
            variant="default"
            data-testid="drive-new-union-tree"
          >
            {t('drive.findInTree')}
          </Button>
          <Button
            component={Link}
            to={`/members?under=${unitId}`}
            size="xs"
            variant="default"
            leftSection={<IconUsers size={14} />}
            data-testid="drive-new-union-members"
          >
            {t('drive.openMembers')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
