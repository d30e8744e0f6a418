import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoots, useSortedUnits } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { TreeNode, type TreeState } from './TreeNode.tsx';
import { TreeSearch } from './TreeSearch.tsx';
import classes from './tree.module.css';

const EXPANDED_KEY = 'congdoan.tree.expanded';

/** Expanded nodes survive a visit to a unit page and back (this tab only). */
function useExpanded() {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => {
    try {
      return new Set(JSON.parse(sessionStorage.getItem(EXPANDED_KEY) ?? '[]') as number[]);
    } catch {
      return new Set();
    }
  });
  const toggle = useCallback((id: number, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(id)) next.add(id);
      else next.delete(id);
      sessionStorage.setItem(EXPANDED_KEY, JSON.stringify([...next]));
      return next;
    });
  }, []);
  return { expanded, toggle };
}

export function TreePage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const asOf = params.get('asOf') ?? todayVn();
  const q = params.get('q') ?? '';
  const roots = useRoots(asOf);
  const rootItems = useSortedUnits(roots.data?.items);
  const { expanded, toggle } = useExpanded();
  const [focusedId, setFocusedId] = useState<number | null>(null);

  const setParam = (key: string, value: string, isDefault: boolean) =>
    setParams(
      (p) => {
        if (isDefault) p.delete(key);
        else p.set(key, value);
        return p;
      },
      { replace: true },
    );

  const firstId = rootItems[0]?.id ?? null;
  const state: TreeState = {
    asOf,
    expanded,
    toggle,
    focusedId: focusedId ?? firstId,
    setFocusedId,
  };

  return (
    <Stack maw={1100} gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} data-testid="page-title">
            {t('tree.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('tree.subtitle')}
          </Text>
        </div>
        <AsOfPicker value={asOf} onChange={(d) => setParam('asOf', d, d === todayVn())} />
      </Group>

      <TreeSearch q={q} onQ={(v) => setParam('q', v, v === '')} asOf={asOf} />

      <Card withBorder radius="md" p="sm">
        <Group justify="space-between" px={4} pb={6}>
          <Group gap={6}>
            <IconHierarchy2 size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm" fw={600}>
              {t('unit.asOfNote', { date: formatDay(asOf) })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('tree.keyboardHint')}
          </Text>
        </Group>
        {roots.isPending && (
          <Group p="md" gap="sm" data-testid="tree-loading">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </Group>
        )}
        {roots.isError && <ErrorAlert error={roots.error} onRetry={() => roots.refetch()} />}
        {roots.data && roots.data.items.length === 0 && (
          <Stack p="md" gap={4} data-testid="tree-empty">
            <Text>{t('tree.empty', { date: formatDay(asOf) })}</Text>
            <Text size="sm" c="dimmed">
              {t('tree.emptyHint')}
            </Text>
          </Stack>
        )}
        {roots.data && roots.data.items.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA tree pattern
          <ul role="tree" aria-label={t('tree.title')} className={classes.tree} data-testid="unit-tree">
            {rootItems.map((u) => (
              <TreeNode key={u.id} unit={u} level={1} state={state} />
            ))}
          </ul>
        )}
      </Card>
    </Stack>
  );
}
