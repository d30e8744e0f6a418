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
import { IconArrowsMove, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import type { Me, UnitDetail } from '../../api/types.ts';
import { useRoots, useUnit } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { DissolveModal } from './DissolveModal.tsx';
import { MoveModal } from './MoveModal.tsx';
import { RenameModal } from './RenameModal.tsx';
import { UnitChildren } from './UnitChildren.tsx';
import { UnitCounts, UnitFacts } from './UnitFacts.tsx';
import { UnitHistory } from './UnitHistory.tsx';
import { UnitMembers } from './UnitMembers.tsx';

type Action = 'rename' | 'move' | 'dissolve';

/** The roles that may change units under their own unit (as the server's scope has it). */
const WRITER_ROLES: readonly string[] = ['federation_officer', 'upper_union_officer', 'grassroots_officer'];

/**
 * Whether to offer moving this unit's sub-units: the unit stands as it is now on the day shown, and
 * the caller writes at this unit or above it. The server still judges each unit and the target.
 */
function canMoveChildren(u: UnitDetail, me: Me | null | undefined, day: string): boolean {
  if (u.dissolvedOn || !me) return false;
  const shown = u.history.find((h) => h.validFrom <= day && (h.validTo === null || h.validTo > day));
  if (shown && shown.validTo !== null) return false;
  if (u.canEdit) return true;
  const above = new Set([u.id, ...u.ancestors.map((a) => a.id)]);
  return me.roles.some(
    (r) => r.role === 'system_admin' || (WRITER_ROLES.includes(r.role) && r.unitId !== null && above.has(r.unitId)),
  );
}
const doneKey = { rename: 'unit.renamed', move: 'unit.moved', dissolve: 'unit.dissolvedDone' } as const;

export function UnitPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useLiveSearchParams();
  const asOf = params.get('asOf') ?? todayVn();
  const unit = useUnit(id, asOf);
  const roots = useRoots(unit.data?.asOf ?? asOf);
  const me = useMe();
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

  if (unit.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => unit.refetch()} />;
  const u = unit.data;
  // The server answers a dissolved unit as of its last day; links and lists follow that day.
  const day = u.asOf;
  // Breadcrumbs start at the caller's visible roots, as the tree does.
  const rootIds = new Set((roots.data?.items ?? []).map((r) => r.id));
  const top = u.ancestors.findIndex((a) => rootIds.has(a.id));
  const ancestors = rootIds.has(u.id) ? [] : top >= 0 ? u.ancestors.slice(top) : u.ancestors;
  const finish = (a: Action) => () => {
    setAction(null);
    setDone(a);
  };

  return (
    <Stack maw={1200} gap="md">
      <Breadcrumbs separator="›" data-testid="unit-breadcrumbs">
        <Anchor component={Link} to={`/tree${params.has('asOf') ? `?asOf=${asOf}` : ''}`} size="sm">
          {t('unit.backToTree')}
        </Anchor>
        {ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/units/${a.id}?asOf=${day}`} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed">
          {u.name}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-end">
        <Stack gap={6}>
          <Group gap="sm">
            <TypeBadge type={u.type} />
            {u.dissolvedOn && u.dissolvedOn <= asOf ? (
              <Badge color="red" variant="light">
                {t('unit.dissolvedBadge')}
              </Badge>
            ) : (
              <Badge color="green" variant="light">
                {t('unit.active')}
              </Badge>
            )}
          </Group>
          <Title order={2} data-testid="unit-title">
            {u.name}
          </Title>
          {u.shortName && <Text c="dimmed">{u.shortName}</Text>}
          <UnitMembers unit={u} canAdmit={canMoveChildren(u, me.data, day)} />
        </Stack>
        <AsOfPicker value={asOf} onChange={setAsOf} />
      </Group>

      {day !== asOf && u.dissolvedOn && (
        <Alert color="orange" variant="light" data-testid="unit-shown-as-of">
          {t('unit.shownAsOf', { dissolved: formatDay(u.dissolvedOn), date: formatDay(day) })}
        </Alert>
      )}
      {u.canEdit && !u.dissolvedOn && (
        <Group gap="xs" data-testid="unit-actions">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setAction('rename')}>
            {t('unit.rename')}
          </Button>
          <Button variant="default" leftSection={<IconArrowsMove size={16} />} onClick={() => setAction('move')}>
            {t('unit.move')}
          </Button>
          <Button
            variant="default"
            color="red"
            c="red.7"
            leftSection={<IconTrash size={16} />}
            onClick={() => setAction('dissolve')}
          >
            {t('unit.dissolve')}
          </Button>
        </Group>
      )}
      {done && <DoneAlert onClose={() => setDone(null)}>{t(doneKey[done])}</DoneAlert>}

      <UnitFacts unit={u} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <UnitCounts unit={u} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <UnitChildren key={`${u.id}:${day}`} unit={u} asOf={day} canMove={canMoveChildren(u, me.data, day)} />
        </Grid.Col>
      </Grid>
      <UnitHistory unit={u} />

      {action === 'rename' && <RenameModal unit={u} onClose={() => setAction(null)} onDone={finish('rename')} />}
      {action === 'move' && (
        <MoveModal units={[u]} from={u.parent} onClose={() => setAction(null)} onDone={finish('move')} />
      )}
      {action === 'dissolve' && <DissolveModal unit={u} onClose={() => setAction(null)} onDone={finish('dissolve')} />}
    </Stack>
  );
}
