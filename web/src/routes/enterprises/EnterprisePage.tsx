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
  Text,
  Title,
} from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCalendarPlus,
  IconPencil,
  IconSeeding,
  IconSwitchHorizontal,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBoard } from '../../api/drives.ts';
import { type EnterpriseDetail, useEnterprise } from '../../api/enterprises.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { OpenDriveModal } from '../drives/OpenDriveModal.tsx';
import { ConflictCard } from './ConflictCard.tsx';
import { OwnershipBadge, StatusBadge } from './EnterpriseBadges.tsx';
import { EnterpriseDetails } from './EnterpriseDetails.tsx';
import { AssignmentHistory, FactHistory } from './EnterpriseHistory.tsx';
import { AssignModal, EditEnterpriseModal, FactModal } from './EnterpriseModals.tsx';
import { formatPct } from './format.ts';

type Action = 'edit' | 'fact' | 'assign' | 'drive';

/** An enterprise as of a day: facts with their dates and sources, upper union over time, CĐCS, conflicts. */
export function EnterprisePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useLiveSearchParams();
  const asOf = params.get('asOf') ?? todayVn();
  const enterprise = useEnterprise(id, asOf);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<Action | null>(null);

  const setAsOf = (d: string) =>
    setParams(
      (p) => {
        if (d === todayVn()) p.delete('asOf');
        else p.set('asOf', d);
        return p;
      },
      { replace: true },
    );

  if (enterprise.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (enterprise.isError) return <ErrorAlert error={enterprise.error} onRetry={() => enterprise.refetch()} />;
  const e = enterprise.data;
  const finish = (a: Action) => () => {
    setAction(null);
    setDone(a);
  };
  const open = e.conflicts.filter((c) => c.status === 'open');

  return (
    <Stack maw={1300} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/enterprises" size="sm">
          {t('nav.enterpriseList')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {e.name}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-end">
        <Stack gap={6}>
          <Group gap="xs">
            <OwnershipBadge ownership={e.ownership} />
            {e.status && <StatusBadge status={e.status} />}
            {e.zone && (
              <Badge variant="light" color="teal" tt="none" size="sm">
                {e.zone.name}
              </Badge>
            )}
          </Group>
          <Title order={2} data-testid="enterprise-title">
            {e.name}
          </Title>
          <Text c="dimmed">
            {t('enterprise.field.taxCode')}:{' '}
            <Text span ff="monospace" c="dark" fw={500} data-testid="enterprise-tax-code">
              {e.taxCode}
            </Text>
          </Text>
        </Stack>
        <AsOfPicker value={asOf} onChange={setAsOf} />
      </Group>

      {e.canEdit && (
        <Group gap="xs" data-testid="enterprise-actions">
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setAction('edit')}
            data-testid="enterprise-edit"
          >
            {t('enterprise.edit')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => setAction('fact')}
            data-testid="enterprise-record-fact"
          >
            {t('enterprise.recordFact')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconSwitchHorizontal size={16} />}
            onClick={() => setAction('assign')}
            data-testid="enterprise-assign"
          >
            {t('enterprise.changeUpper')}
          </Button>
          {!e.grassroots && (
            <Button
              leftSection={<IconSeeding size={16} />}
              onClick={() => setAction('drive')}
              data-testid="enterprise-open-drive"
            >
              {t('drive.open')}
            </Button>
          )}
        </Group>
      )}
      {done && done !== 'drive' && (
        <DoneAlert onClose={() => setDone(null)} testId="enterprise-done">
          {t(`enterprise.done.${done}`)}
        </DoneAlert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <EnterpriseDetails enterprise={e} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <UnionCard enterprise={e} />
            <DrivesOf enterprise={e} />
          </Stack>
        </Grid.Col>
      </Grid>

      {open.length > 0 && (
        <Stack gap="xs" data-testid="enterprise-conflicts">
          <Title order={4}>{t('conflict.openTitle', { count: open.length })}</Title>
          {open.map((c) => (
            <ConflictCard key={c.id} conflict={c} canResolve={e.canEdit} compact />
          ))}
        </Stack>
      )}
      <FactHistory facts={e.facts} />
      <AssignmentHistory assignments={e.assignments} />

      {action === 'edit' && (
        <EditEnterpriseModal enterprise={e} onClose={() => setAction(null)} onDone={finish('edit')} />
      )}
      {action === 'fact' && <FactModal enterprise={e} onClose={() => setAction(null)} onDone={finish('fact')} />}
      {action === 'assign' && <AssignModal enterprise={e} onClose={() => setAction(null)} onDone={finish('assign')} />}
      {action === 'drive' && <OpenDriveModal enterprise={e} onClose={() => setAction(null)} />}
    </Stack>
  );
}

/** Its CĐCS on the day (with members / workers), or the plain fact that it has none. */
function UnionCard({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" data-testid="enterprise-union">
      <Group gap="xs" mb={6}>
        <IconBuildingCommunity size={18} />
        <Text fw={600}>{t('enterprise.field.grassroots')}</Text>
      </Group>
      {e.grassroots ? (
        <Stack gap={4}>
          <Anchor component={Link} to={`/units/${e.grassroots.id}`} fw={500} data-testid="enterprise-union-link">
            {e.grassroots.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {e.members !== null && t('enterprise.membersOf', { members: formatNumber(e.members) })}
            {e.density !== null && ` · ${t('enterprise.density', { pct: formatPct(e.density) })}`}
          </Text>
        </Stack>
      ) : (
        <Alert color="red" variant="light" p="xs" data-testid="enterprise-no-union">
          {(e.workforce?.total ?? 0) >= 25 && e.status === 'operating'
            ? t('enterprise.noUnionTarget')
            : t('enterprise.noUnionText')}
        </Alert>
      )}
      <Text size="sm" mt="sm">
        <Text span c="dimmed">
          {t('enterprise.field.upperUnion')}:{' '}
        </Text>
        {e.upperUnion ? (
          <Anchor component={Link} to={`/units/${e.upperUnion.id}`} size="sm" data-testid="enterprise-upper">
            {e.upperUnion.name}
          </Anchor>
        ) : (
          '—'
        )}
      </Text>
    </Card>
  );
}

/** The organising drives held at this enterprise, newest first. */
function DrivesOf({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const board = useBoard({ q: e.taxCode, status: 'all', stalledDays: 45 });
  const drives = (board.data?.items ?? []).filter((d) => d.enterprise.id === e.id);
  if (drives.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" data-testid="enterprise-drives">
      <Text fw={600} mb={6}>
        {t('drive.title')}
      </Text>
      <Stack gap={4}>
        {drives.map((d) => (
          <Group key={d.id} gap="xs" justify="space-between">
            <Anchor component={Link} to={`/drives/${d.id}`} size="sm" data-testid="enterprise-drive-link">
              {t('drive.since', { date: formatDay(d.openedOn) })} · {t(`drive.stage.${d.stage}`)}
            </Anchor>
            <Badge
              size="sm"
              variant="light"
              color={d.status === 'active' ? 'blue' : d.status === 'recognised' ? 'green' : 'gray'}
            >
              {t(`drive.status.${d.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
