import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllocationTable } from '../../api/plans.ts';
import { GridCells, type RowEdits } from './GridRow.tsx';
import classes from './grid.module.css';
import { formatValue, isRate } from './numbers.ts';

/**
 * The top of the target table, always in view: the periods, the unit's own share (typed here when
 * it is split by period), the sum given to the sub-units and how it stands against the share.
 */
export function GridHead(props: {
  table: AllocationTable;
  periods: readonly string[];
  labels: readonly string[];
  ownEditable: boolean;
  ownEdits: RowEdits | undefined;
  ownErrors: RowEdits | undefined;
  /** Per period, as typed so far: the unit's share and the sum of its sub-units' shares. */
  shares: (number | null)[];
  sums: (number | null)[];
  onEdit: (unitId: number, period: string, text: string) => void;
}) {
  const { t } = useTranslation();
  const { table, periods, labels, ownEditable, shares, sums } = props;
  const m = table.target.measure;
  return (
    <div className={classes.head}>
      <div className={classes.headRow}>
        <div className={classes.code}>{t('plans.grid.code')}</div>
        <div className={classes.name}>{t('plans.grid.unit')}</div>
        {table.periods.map((p) => (
          <div key={p.key} className={classes.figure} data-period={p.key}>
            {p.label}
            {isRate(m) && ' (%)'}
          </div>
        ))}
      </div>
      <div className={classes.headRow} data-testid="grid-share-row">
        <div className={classes.code} />
        <div className={classes.name}>{t(ownEditable ? 'plans.grid.ownSplit' : 'plans.grid.share')}</div>
        {ownEditable ? (
          <GridCells
            unitId={table.unit.id}
            row={0}
            periods={periods}
            periodLabels={labels}
            values={table.share}
            edits={props.ownEdits}
            errors={props.ownErrors}
            measure={m}
            editable
            label={table.unit.name}
            onEdit={props.onEdit}
          />
        ) : (
          shares.map((v, i) => (
            <div key={periods[i]} className={classes.figure} data-testid="grid-share" data-period={periods[i]}>
              {formatValue(v, m)}
            </div>
          ))
        )}
      </div>
      {table.additive ? (
        <>
          <div className={classes.headRow} data-testid="grid-sum-row">
            <div className={classes.code} />
            <div className={classes.name}>{t('plans.grid.sum')}</div>
            {sums.map((s, i) => (
              <div key={periods[i]} className={classes.figure} data-testid="grid-sum" data-period={periods[i]}>
                {formatValue(s, m)}
              </div>
            ))}
          </div>
          <div className={classes.headRow} data-testid="grid-diff-row">
            <div className={classes.code} />
            <div className={classes.name}>{t('plans.grid.diff')}</div>
            {sums.map((s, i) => (
              <Difference key={periods[i]} sum={s} share={shares[i] ?? null} period={periods[i] as string} />
            ))}
          </div>
        </>
      ) : (
        <div className={classes.headRow}>
          <div className={classes.code} />
          <div className={classes.note}>
            <Text size="xs" c="dimmed" fw={400}>
              {t('plans.grid.rateNotAdded')}
            </Text>
          </div>
        </div>
      )}
    </div>
  );
}

/** The sum against the unit's share: red when short of it, amber when over, green when it matches. */
function Difference({ sum, share, period }: { sum: number | null; share: number | null; period: string }) {
  const { t } = useTranslation();
  if (share === null)
    return (
      <div className={classes.figure} data-testid="grid-diff" data-period={period}>
        —
      </div>
    );
  const diff = (sum ?? 0) - share;
  const kind = Math.abs(diff) < 1e-9 ? 'even' : diff < 0 ? 'below' : 'above';
  return (
    <div
      className={`${classes.figure} ${classes[kind]}`}
      data-testid="grid-diff"
      data-period={period}
      data-diff={diff}
      data-kind={kind}
    >
      {kind === 'even'
        ? t('plans.grid.even')
        : t(kind === 'below' ? 'plans.grid.below' : 'plans.grid.above', {
            n: formatValue(Math.abs(diff), 'new_members'),
          })}
    </div>
  );
}
