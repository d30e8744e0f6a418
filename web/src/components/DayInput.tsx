import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseDay } from '../lib/format.ts';

/** A calendar day typed or picked as dd/mm/yyyy; the value is YYYY-MM-DD. */
export function DayInput(props: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={props.label}
      value={props.value}
      onChange={(v) => v && props.onChange(v.slice(0, 10))}
      valueFormat="DD/MM/YYYY"
      dateParser={(s) => parseDay(s)}
      placeholder={t('common.dateFormat')}
      leftSection={<IconCalendar size={16} />}
      error={props.error}
      required
      data-testid={props.testId}
    />
  );
}
