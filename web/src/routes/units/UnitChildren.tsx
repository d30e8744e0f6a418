import { Anchor, Button, Card, Checkbox, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowsMove } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MoveResult } from '../../api/types.ts';
import { useChildren, useSortedUnits } from '../../api/units.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { todayVn } from '../../lib/format.ts';
import { MoveModal } from './MoveModal.tsx';

/**
 * The unit's direct sub-units on the asked day, each a link to its own page. When the caller may
 * write under the unit, they can pick several and move them in one step (the server judges each).
 */
export function UnitChildren({
  unit,
  asOf,
  canMove,
}: {
  unit: { id: number; name: string };
  asOf: string;
  canMove: boolean;
}) {
  const { t } = useTranslation();
  const children = useChildren(unit.id, asOf, true);
  const items = useSortedUnits(children.data?.items);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [moving, setMoving] = useState(false);
  const [done, setDone] = useState<MoveResult | null>(null);
  // Only units still listed count: after a move or a refetch the list may have changed.
  const selected = items.filter((c) => picked.has(c.id));
  const all = items.length > 0 && selected.length === items.length;

  const toggle = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Card withBorder radius="md" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('unit.childrenTitle')}</Title>
        {children.data && (
          <Text size="sm" c="dimmed" data-testid="unit-children-count">
            {items.length} {t('common.units')}
          </Text>
        )}
      </Group>
      {done && (
        <DoneAlert onClose={() => setDone(null)} mb="sm" testId="children-moved">
          {t('unit.movedMany', { count: done.moved, versions: done.versionsOpened })}
        </DoneAlert>
      )}
      {children.isPending && <Loader size="sm" />}
      {children.isError && <ErrorAlert error={children.error} onRetry={() => children.refetch()} />}
      {children.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tree.noChildren')}
        </Text>
      )}
      {canMove && items.length > 0 && (
        <Group
          justify="space-between"
          wrap="nowrap"
          mb="xs"
          pb="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Checkbox
            size="xs"
            label={t('unit.selectAll')}
            checked={all}
            indeterminate={selected.length > 0 && !all}
            onChange={(e) => setPicked(new Set(e.currentTarget.checked ? items.map((c) => c.id) : []))}
            data-testid="children-select-all"
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowsMove size={14} />}
            disabled={selected.length === 0}
            onClick={() => setMoving(true)}
            data-testid="children-move"
          >
            {t('unit.moveSelected', { count: selected.length })}
          </Button>
        </Group>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={6} data-testid="unit-children">
            {items.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap" data-testid="unit-child-row">
                {canMove && (
                  <Checkbox
                    size="xs"
                    aria-label={c.name}
                    checked={picked.has(c.id)}
                    onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                    data-testid="unit-child-check"
                  />
                )}
                <TypeBadge type={c.type} />
                <Anchor component={Link} to={`/units/${c.id}?asOf=${asOf}`} size="sm" data-testid="unit-child">
                  {c.name}
                </Anchor>
                {c.childCount > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('tree.childCount', { count: c.childCount })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {moving && (
        <MoveModal
          units={selected}
          from={unit}
          // Moving from the day on view, unless that day is already past.
          defaultDay={asOf > todayVn() ? asOf : todayVn()}
          onClose={() => setMoving(false)}
          onDone={(r) => {
            setMoving(false);
            setPicked(new Set());
            setDone(r);
          }}
        />
      )}
    </Card>
  );
}
