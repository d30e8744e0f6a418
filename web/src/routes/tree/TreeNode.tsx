import { Button, Group, Loader, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { UnitSummary } from '../../api/types.ts';
import { useChildren, useSortedUnits } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { formatDay } from '../../lib/format.ts';
import classes from './tree.module.css';

const PAGE = 200;

export type TreeState = {
  asOf: string;
  expanded: ReadonlySet<number>;
  toggle: (id: number, open?: boolean) => void;
  focusedId: number | null;
  setFocusedId: (id: number) => void;
};

/** Moves keyboard focus among the rows currently shown (WAI-ARIA tree pattern). */
function focusRow(from: HTMLElement, pick: (rows: HTMLElement[], i: number) => HTMLElement | undefined) {
  const tree = from.closest('[role="tree"]');
  if (!tree) return;
  const rows = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  pick(rows, rows.indexOf(from))?.focus();
}

export function TreeNode({ unit, level, state }: { unit: UnitSummary; level: number; state: TreeState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hasChildren = unit.childCount > 0;
  const open = hasChildren && state.expanded.has(unit.id);
  const children = useChildren(unit.id, state.asOf, open);
  // A province can have ~1,000 direct sub-units after the 2025 reform: show them a page at a time.
  const [shown, setShown] = useState(PAGE);
  const items = useSortedUnits(children.data?.items);
  const unitUrl = `/units/${unit.id}?asOf=${state.asOf}`;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return; // a key pressed on a descendant item
    const row = e.currentTarget;
    switch (e.key) {
      case 'ArrowDown':
        focusRow(row, (rows, i) => rows[i + 1]);
        break;
      case 'ArrowUp':
        focusRow(row, (rows, i) => rows[i - 1]);
        break;
      case 'Home':
        focusRow(row, (rows) => rows[0]);
        break;
      case 'End':
        focusRow(row, (rows) => rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (hasChildren && !open) state.toggle(unit.id, true);
        else if (open) focusRow(row, (rows, i) => rows[i + 1]);
        break;
      case 'ArrowLeft':
        if (open) state.toggle(unit.id, false);
        else focusRow(row, (rows) => rows.find((r) => r.dataset.unitId === String(unit.parentId)));
        break;
      case ' ':
        if (hasChildren) state.toggle(unit.id);
        break;
      case 'Enter':
        navigate(unitUrl);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <li
      role="treeitem"
      className={classes.item}
      aria-expanded={hasChildren ? open : undefined}
      aria-level={level}
      aria-label={unit.name}
      // Roving focus: one item is in the Tab order, arrow keys move among the rest.
      tabIndex={state.focusedId === unit.id ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && state.setFocusedId(unit.id)}
      onKeyDown={onKeyDown}
      data-testid="tree-node"
      data-unit-id={unit.id}
    >
      <div className={classes.row} style={{ paddingLeft: (level - 1) * 22 + 4 }} data-tree-row>
        {hasChildren ? (
          <button
            type="button"
            className={`${classes.chevron} ${open ? classes.open : ''}`}
            tabIndex={-1}
            aria-label={open ? t('tree.collapse') : t('tree.expand')}
            onClick={() => state.toggle(unit.id)}
            data-testid="tree-toggle"
          >
            <IconChevronRight size={16} />
          </button>
        ) : (
          <span className={classes.chevron} />
        )}
        <TypeBadge type={unit.type} />
        <Link
          to={unitUrl}
          className={`${classes.name} ${unit.dissolvedOn && unit.dissolvedOn <= state.asOf ? classes.dissolved : ''}`}
          tabIndex={-1}
          data-testid="tree-node-name"
        >
          {unit.name}
        </Link>
        {hasChildren && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="tree-node-count">
            {t('tree.childCount', { count: unit.childCount })}
          </Text>
        )}
        {unit.dissolvedOn && (
          <Text size="xs" c="dimmed" fs="italic" style={{ flexShrink: 0 }}>
            {t('tree.dissolvedOn', { date: formatDay(unit.dissolvedOn) })}
          </Text>
        )}
        {open && children.isFetching && <Loader size={14} />}
      </div>
      {open && (
        // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA tree pattern nests items in role="group"
        <ul role="group" className={classes.group}>
          {children.isError && (
            <li style={{ paddingLeft: level * 22 }}>
              <ErrorAlert error={children.error} onRetry={() => children.refetch()} />
            </li>
          )}
          {items.slice(0, shown).map((c) => (
            <TreeNode key={c.id} unit={c} level={level + 1} state={state} />
          ))}
          {items.length > shown && (
            <li style={{ paddingLeft: level * 22 + 30 }}>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShown((n) => n + PAGE)}
                data-testid="tree-more"
              >
                {t('tree.showMore', { shown, count: items.length })}
              </Button>
            </li>
          )}
          {children.data && children.data.items.length === 0 && (
            <li>
              <Group pl={level * 22 + 30} py={6}>
                <Text size="sm" c="dimmed">
                  {t('tree.noChildren')}
                </Text>
              </Group>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
