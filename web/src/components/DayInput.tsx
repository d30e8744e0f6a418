import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseDay } from '../lib/format.ts';

/** A calendar day typed or picked as dd/mm/yyyy; the value is YYYY-MM-DD ('' when an optional day is cleared). */
export function DayInput(props: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  error?: string;
  testId?: string;
  /** Required (the default) days cannot be cleared; optional ones, e.g. filters, can. */
  required?: boolean;
  maxDate?: string;
}) {
  const { t } = useTranslation();
  const required = props.required ?? true;
  return (
    <DateInput
      label={props.label}
      value={props.value || null}
      onChange={(v) => (v ? props.onChange(v.slice(0, 10)) : !required && props.onChange(''))}
      valueFormat="DD/MM/YYYY"
      dateParser={(s) => parseDay(s)}
      placeholder={t('common.dateFormat')}
      leftSection={<IconCalendar size={16} />}
      error={props.error}
      required={required}
      clearable={!required}
      maxDate={props.maxDate}
      data-testid={props.testId}
    />
  );
}
