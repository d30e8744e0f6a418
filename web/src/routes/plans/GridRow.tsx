import { IconTableShare } from '@tabler/icons-react';
import { memo } from 'react';
import type { Measure } from '../../api/plans.ts';
import classes from './grid.module.css';
import { cellText } from './numbers.ts';

/** What a row's cells hold: typed text per period (only where edited) and problems per period. */
export type RowEdits = Readonly<Record<string, string>>;

/** The cells of one unit's row: inputs where the officer may write, numbers where not. */
export const GridCells = memo(function GridCells(props: {
  unitId: number;
  row: number;
  periods: readonly string[];
  values: Readonly<Record<string, number | null>>;
  edits: RowEdits | undefined;
  errors: RowEdits | undefined;
  measure: Measure;
  editable: boolean;
  label: string;
  periodLabels: readonly string[];
  onEdit: (unitId: number, period: string, text: string) => void;
}) {
  return props.periods.map((p, c) => {
    const text = props.edits?.[p] ?? cellText(props.values[p], props.measure);
    if (!props.editable)
      return (
        <div key={p} className={classes.period} data-testid="grid-value" data-period={p}>
          {text || '—'}
        </div>
      );
    const error = props.errors?.[p];
    const changed = props.edits?.[p] !== undefined;
    return (
      <div key={p} className={classes.period}>
        <input
          className={`${classes.cell} ${changed ? classes.changed : ''} ${error ? classes.invalid : ''}`}
          value={text}
          onChange={(e) => props.onEdit(props.unitId, p, e.currentTarget.value)}
          inputMode="decimal"
          autoComplete="off"
          data-r={props.row}
          data-c={c}
          data-period={p}
          data-testid="grid-cell"
          aria-label={`${props.label} · ${props.periodLabels[c]}`}
          aria-invalid={error ? true : undefined}
          title={error}
        />
      </div>
    );
  });
});

/** A sub-unit's row: its code and name (with a link to its own table) and its cells. */
export const GridRow = memo(function GridRow(props: {
  unit: { id: number; code: string; name: string };
  row: number;
  periods: readonly string[];
  periodLabels: readonly string[];
  values: Readonly<Record<string, number | null>>;
  edits: RowEdits | undefined;
  errors: RowEdits | undefined;
  measure: Measure;
  editable: boolean;
  openLabel: string;
  onEdit: (unitId: number, period: string, text: string) => void;
  onOpen: (unitId: number) => void;
}) {
  const u = props.unit;
  return (
    <div className={classes.row} data-testid="grid-row" data-unit-code={u.code} data-unit-id={u.id}>
      <div className={classes.code}>{u.code}</div>
      <div className={classes.name}>
        <span className={classes.nameText} title={u.name}>
          {u.name}
        </span>
        <button
          type="button"
          className={classes.open}
          onClick={() => props.onOpen(u.id)}
          title={props.openLabel}
          aria-label={`${props.openLabel}: ${u.name}`}
          data-testid="grid-open-unit"
        >
          <IconTableShare size={16} />
        </button>
      </div>
      <GridCells {...props} unitId={u.id} label={u.name} />
    </div>
  );
});
