import { Button, Group } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseDay, todayVn } from '../lib/format.ts';

/** "As of" day: the tree and unit facts as they stood that day. Typing dd/mm/yyyy works too. */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (day: string) => void }) {
  const { t } = useTranslation();
  const today = todayVn();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <DateInput
        label={t('common.asOf')}
        title={t('common.asOfHint')}
        value={value}
        onChange={(v) => v && onChange(v.slice(0, 10))}
        valueFormat="DD/MM/YYYY"
        dateParser={(s) => parseDay(s)}
        placeholder={t('common.dateFormat')}
        leftSection={<IconCalendar size={16} />}
        w={170}
        maxDate={today}
        allowDeselect={false}
        data-testid="as-of"
      />
      {value !== today && (
        <Button variant="default" onClick={() => onChange(today)} data-testid="as-of-today">
          {t('common.today')}
        </Button>
      )}
    </Group>
  );
}
