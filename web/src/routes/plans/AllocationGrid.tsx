import { Alert, Badge, Box, Button, Group, List, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconSearch } from '@tabler/icons-react';
import { type ClipboardEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  type AllocationInput,
  type AllocationTable,
  planViews,
  saveAllocation,
  uploadAllocation,
} from '../../api/plans.ts';
import { useWrite } from '../../api/write.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { FormError } from '../../components/FormError.tsx';
import { fold } from '../../lib/fold.ts';
import { formatNumber } from '../../lib/format.ts';
import { AllocationFileButtons, UploadProblems } from './AllocationFile.tsx';
import { GridHead } from './GridHead.tsx';
import { GridRow, type RowEdits } from './GridRow.tsx';
import classes from './grid.module.css';
import { cellValue, isRate, parseBlock } from './numbers.ts';

type Cells = Readonly<Record<number, RowEdits>>;
type Cell = AllocationInput['cells'][number];
const ERRORS_LISTED = 10;

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
const setCell = (cells: Cells, unitId: number, period: string, text: string | undefined): Cells => {
  const row = { ...cells[unitId] };
  if (text === undefined) delete row[period];
  else row[period] = text;
  return { ...cells, [unitId]: row };
};

/**
 * A unit's target table as a spreadsheet: sub-units down, periods across, the unit's share and the
 * sums on top. Typing, Enter and the arrows, and pasting a block from Excel work as officers expect;
 * Save sends only the changed cells, and the server's problems come back onto the cells they name.
 */
export function AllocationGrid({
  table,
  onOpen,
  onDirty,
}: {
  table: AllocationTable;
  onOpen: (unitId: number) => void;
  onDirty: (count: number) => void;
}) {
  const { t } = useTranslation();
  const m = table.target.measure;
  // Stable between keystrokes, so that only the row typed in renders again (a table may have 1,000 rows).
  const periods = useMemo(() => table.periods.map((p) => p.key), [table]);
  const labels = useMemo(() => table.periods.map((p) => p.label), [table]);
  const byUnit = useMemo(() => new Map(table.rows.map((r) => [r.unit.id, r])), [table]);
  const own = table.unit.id;
  // The unit's own whole share comes from above; split by period, it is the unit's to write.
  const ownEditable = table.canEdit && table.granularity !== 'all';
  const [edits, setEdits] = useState<Cells>({});
  const [errors, setErrors] = useState<Cells>({});
  const [q, setQ] = useState('');
  const [done, setDone] = useState<{ count: number; from: 'grid' | 'file' } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const original = (unitId: number, period: string): number | null =>
    unitId === own ? (table.share[period] ?? null) : (byUnit.get(unitId)?.values[period] ?? null);
  const current = (unitId: number, period: string) => {
    const text = edits[unitId]?.[period];
    return text === undefined ? original(unitId, period) : cellValue(text, m);
  };
  const changes: (Cell & { text: string })[] = [];
  for (const [id, row] of Object.entries(edits))
    for (const [period, text] of Object.entries(row)) {
      const value = cellValue(text, m);
      if (Number.isNaN(value) || !same(value, original(Number(id), period)))
        changes.push({ unitId: Number(id), period, value, text });
    }

  useEffect(() => onDirty(changes.length), [changes.length, onDirty]);
  useEffect(() => {
    if (changes.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changes.length]);

  const write = useWrite(
    planViews,
    (cells: Cell[]) => saveAllocation(table.target.id, { unitId: own, cells }),
    (res) => {
      setEdits({});
      setErrors({});
      setDone({ count: res.changed, from: 'grid' });
    },
  );
  const upload = useWrite(
    planViews,
    (file: File) => uploadAllocation(table.target.id, file, own, table.granularity),
    (res) => {
      setErrors({});
      setDone({ count: res.changed, from: 'file' });
    },
  );
  const onEdit = useCallback((unitId: number, period: string, text: string) => {
    setEdits((e) => setCell(e, unitId, period, text));
    setErrors((e) => (e[unitId]?.[period] ? setCell(e, unitId, period, undefined) : e));
    setDone(null);
  }, []);

  const save = () => {
    upload.reset();
    let problems: Cells = {};
    for (const c of changes)
      if (Number.isNaN(c.value)) problems = setCell(problems, c.unitId, c.period, t('plans.grid.notANumber', c));
    setErrors(problems);
    if (Object.keys(problems).length > 0 || changes.length === 0) return;
    const cells = changes.map(({ unitId, period, value }) => ({ unitId, period, value }));
    write.mutate(cells, {
      // "cells.N.value": the server names the N-th cell sent; its message goes onto that cell.
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        let onCells: Cells = {};
        for (const [field, message] of Object.entries(err.fieldErrors)) {
          const c = cells[Number(/^cells\.(\d+)/.exec(field)?.[1] ?? -1)];
          if (c) onCells = setCell(onCells, c.unitId, c.period, message);
        }
        setErrors(onCells);
      },
    });
  };

  const needle = fold(q.trim());
  const rows = needle ? table.rows.filter((r) => fold(`${r.unit.code} ${r.unit.name}`).includes(needle)) : table.rows;
  const first = ownEditable ? 1 : 0;

  /** Enter and the arrows move between cells; left and right only once the caret is at the text's edge. */
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLInputElement;
    if (el.dataset.r === undefined) return;
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    const whole = start === 0 && end === el.value.length;
    let r = Number(el.dataset.r);
    let c = Number(el.dataset.c);
    if (e.key === 'Enter') r += e.shiftKey ? -1 : 1;
    else if (e.key === 'ArrowDown') r++;
    else if (e.key === 'ArrowUp') r--;
    else if (e.key === 'ArrowLeft' && start === 0 && (start === end || whole)) c--;
    else if (e.key === 'ArrowRight' && end === el.value.length && (start === end || whole)) c++;
    else return;
    e.preventDefault();
    const next = gridRef.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    next?.focus();
    next?.select();
  };

  /** A block copied from Excel fills the cells from the one pasted into, right and down. */
  const paste = (e: ClipboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLInputElement;
    if (el.dataset.r === undefined) return;
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))) return;
    e.preventDefault();
    const r0 = Number(el.dataset.r);
    const c0 = Number(el.dataset.c);
    const ids = [...(ownEditable ? [own] : []), ...rows.map((x) => x.unit.id)];
    let next = edits;
    parseBlock(text).forEach((line, i) => {
      const unitId = ids[r0 + i];
      line.forEach((value, j) => {
        const period = periods[c0 + j];
        if (unitId !== undefined && period !== undefined) next = setCell(next, unitId, period, value.trim());
      });
    });
    setEdits(next);
    setErrors({});
    setDone(null);
  };

  const sums = periods.map((p) => {
    const values = table.rows
      .map((r) => current(r.unit.id, p))
      .filter((v): v is number => v !== null && !Number.isNaN(v));
    return values.length > 0 ? values.reduce((s, v) => s + v, 0) : null;
  });
  const shares = periods.map((p) => current(own, p));
  const problems = Object.entries(errors).flatMap(([id, row]) =>
    Object.entries(row).map(([period, message]) => {
      const name = Number(id) === own ? table.unit.name : byUnit.get(Number(id))?.unit.name;
      return `${name} · ${labels[periods.indexOf(period)] ?? period}: ${message}`;
    }),
  );

  return (
    <>
      {done !== null && (
        <Box px="md" pt="sm">
          <DoneAlert onClose={() => setDone(null)} testId="grid-saved">
            {t(done.from === 'grid' ? 'plans.grid.saved' : 'plans.file.uploaded', {
              count: done.count,
              n: formatNumber(done.count),
            })}
          </DoneAlert>
        </Box>
      )}
      {upload.isError && <UploadProblems error={upload.error} />}
      {write.error && problems.length === 0 ? (
        <Box px="md" pt="sm">
          <FormError error={write.error} fields={[]} />
        </Box>
      ) : null}
      {problems.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('plans.grid.problems', { count: problems.length })}
          mx="md"
          mt="sm"
          data-testid="grid-problems"
        >
          <List size="sm">
            {problems.slice(0, ERRORS_LISTED).map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="space-between" px="md" py="xs" wrap="wrap">
        <TextInput
          placeholder={t('plans.grid.filter')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
          data-testid="grid-filter"
        />
        <Group gap="xs">
          <AllocationFileButtons
            table={table}
            blocked={changes.length > 0}
            uploading={upload.isPending}
            onUpload={(file) => {
              setDone(null);
              upload.mutate(file);
            }}
          />
          {changes.length > 0 && (
            <>
              <Badge color="yellow" variant="light" tt="none" size="lg" data-testid="grid-dirty">
                {t('plans.grid.unsaved', { count: changes.length, n: formatNumber(changes.length) })}
              </Badge>
              <Button
                variant="default"
                onClick={() => {
                  setEdits({});
                  setErrors({});
                }}
                data-testid="grid-discard"
              >
                {t('plans.grid.discard')}
              </Button>
            </>
          )}
          {table.canEdit && (
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={save}
              loading={write.isPending}
              disabled={changes.length === 0}
              data-testid="grid-save"
            >
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Group>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keys and pastes bubble up from the cell inputs */}
      <div className={classes.scroll} ref={gridRef} onKeyDown={move} onPaste={paste} data-testid="grid">
        <div className={classes.grid}>
          <GridHead
            table={table}
            periods={periods}
            labels={labels}
            ownEditable={ownEditable}
            ownEdits={edits[own]}
            ownErrors={errors[own]}
            shares={shares}
            sums={sums}
            onEdit={onEdit}
          />
          <div>
            {rows.map((r, i) => (
              <GridRow
                key={r.unit.id}
                unit={r.unit}
                row={first + i}
                periods={periods}
                periodLabels={labels}
                values={r.values}
                edits={edits[r.unit.id]}
                errors={errors[r.unit.id]}
                measure={m}
                editable={table.canEdit}
                openLabel={t('plans.grid.open')}
                onEdit={onEdit}
                onOpen={onOpen}
              />
            ))}
          </div>
        </div>
        {table.rows.length === 0 && (
          <Text c="dimmed" size="sm" p="md" data-testid="grid-no-rows">
            {t('plans.grid.noRows')}
          </Text>
        )}
      </div>
      <Text size="xs" c="dimmed" px="md" py="xs">
        {table.canEdit ? t(isRate(m) ? 'plans.grid.hintRate' : 'plans.grid.hint') : t('plans.grid.readOnly')}
      </Text>
    </>
  );
}
