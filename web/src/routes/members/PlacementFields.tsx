import { TextInput } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSearchItem } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';

/** What a placement's CĐCS must carry: a UnitPicker's item, or a transfer's destination. */
export type PlacedUnit = { id: number };

/** Where and when a person joins (or moves to) a CĐCS, and the decision that says so. */
export type Placement<U extends PlacedUnit = UnitSearchItem> = { unit: U | null; onDate: string; decisionNo: string };

/** The form's state; `send(write)` writes what the API takes, or marks the unit missing when none is chosen. */
export function usePlacement<U extends PlacedUnit = UnitSearchItem>() {
  const [value, setValue] = useState<Placement<U>>(() => ({ unit: null, onDate: todayVn(), decisionNo: '' }));
  const [missing, setMissing] = useState(false);
  const send = (write: (body: { unitId: number; onDate: string; decisionNo?: string }) => void) => {
    setMissing(!value.unit);
    if (!value.unit) return;
    const decisionNo = value.decisionNo.trim();
    write({ unitId: value.unit.id, onDate: value.onDate, ...(decisionNo ? { decisionNo } : {}) });
  };
  const setUnit = useCallback((unit: U | null) => {
    setValue((v) => ({ ...v, unit }));
    setMissing(false);
  }, []);
  return { value, setValue, setUnit, missing, send };
}

export type PlacementState<U extends PlacedUnit = UnitSearchItem> = ReturnType<typeof usePlacement<U>>;

/**
 * The CĐCS, the day and the decision number. `testId` prefixes the inputs' ids (`${testId}-unit`,
 * `-date`, `-decision`). An admission's day cannot be in the future and its decision has a sample
 * number.
 */
export function PlacementFields({
  placement,
  error,
  testId,
  dayLabel,
  admission,
}: {
  placement: PlacementState;
  error: unknown;
  testId: string;
  dayLabel: string;
  admission?: boolean;
}) {
  const { t } = useTranslation();
  const { value, setUnit } = placement;
  return (
    <>
      <UnitPicker
        label={t('member.grassroots')}
        placeholder={t('member.grassrootsPlaceholder')}
        asOf={value.onDate}
        value={value.unit}
        onChange={setUnit}
        grassrootsOnly
        error={placement.missing ? t('member.chooseGrassroots') : fieldError(error, 'unitId')}
        testId={`${testId}-unit`}
      />
      <PlacementDayFields
        placement={placement}
        error={error}
        testId={testId}
        dayLabel={dayLabel}
        admission={admission}
      />
    </>
  );
}

/** The day and the decision number of a placement, whatever picks its CĐCS. */
export function PlacementDayFields<U extends PlacedUnit>({
  placement,
  error,
  testId,
  dayLabel,
  admission,
}: {
  placement: PlacementState<U>;
  error: unknown;
  testId: string;
  dayLabel: string;
  admission?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const { value, setValue } = placement;
  return (
    <>
      <DayInput
        label={dayLabel}
        value={value.onDate}
        onChange={(onDate) => setValue((v) => ({ ...v, onDate }))}
        error={fieldError(error, 'onDate')}
        maxDate={admission ? todayVn() : undefined}
        testId={`${testId}-date`}
      />
      <TextInput
        label={t('member.decisionNo')}
        placeholder={admission ? t('member.decisionNoPlaceholder') : undefined}
        value={value.decisionNo}
        onChange={(e) => {
          const decisionNo = e.currentTarget.value;
          setValue((v) => ({ ...v, decisionNo }));
        }}
        error={fieldError(error, 'decisionNo')}
        data-testid={`${testId}-decision`}
      />
    </>
  );
}

/** Every field PlacementFields shows errors for. */
export const placementFieldNames = (unitField = 'unitId') => [unitField, 'onDate', 'decisionNo'];
