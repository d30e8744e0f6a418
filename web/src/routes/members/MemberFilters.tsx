import { Autocomplete, Button, Card, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitAsItem } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { DayInput } from '../../components/DayInput.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { AGE_BANDS, ETHNICITIES } from './options.ts';
import type { ListParams } from './useListParams.ts';

/** The search box (debounced) and the list's filters. */
export function MemberFilters({
  value,
  onChange,
  onClear,
  filtered,
}: {
  value: ListParams;
  onChange: (patch: Partial<ListParams>) => void;
  onClear: () => void;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  const [debounced] = useDebouncedValue(q, 300);
  const under = useUnitAsItem(value.under, value.asOf);

  // Typing waits for a pause; a cleared filter set (value.q gone) empties the box too.
  useEffect(() => {
    if (debounced !== value.q) onChange({ q: debounced });
  }, [debounced]);
  useEffect(() => {
    if (value.q === '' && debounced !== '') setQ('');
  }, [value.q]);

  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <TextInput
          size="md"
          leftSection={<IconSearch size={18} />}
          placeholder={t('member.searchPlaceholder')}
          aria-label={t('member.searchLabel')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="member-search"
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('member.filter.status')}
            data={(['active', 'ended', 'all'] as const).map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
            value={value.status}
            onChange={(v) => onChange({ status: (v as ListParams['status']) ?? 'active' })}
            allowDeselect={false}
            data-testid="filter-status"
          />
          <Select
            label={t('member.field.gender')}
            placeholder={t('member.filter.any')}
            data={[
              { value: 'male', label: t('member.gender.male') },
              { value: 'female', label: t('member.gender.female') },
            ]}
            value={value.gender || null}
            onChange={(v) => onChange({ gender: (v as ListParams['gender']) ?? '' })}
            clearable
            data-testid="filter-gender"
          />
          <Select
            label={t('member.filter.age')}
            placeholder={t('member.filter.any')}
            data={Object.keys(AGE_BANDS).map((k) => ({ value: k, label: t(`member.ageBand.${k}`) }))}
            value={value.age || null}
            onChange={(v) => onChange({ age: v ?? '' })}
            clearable
            data-testid="filter-age"
          />
          <Autocomplete
            label={t('member.field.ethnicity')}
            placeholder={t('member.filter.any')}
            data={ETHNICITIES}
            value={value.ethnicity}
            onChange={(v) => onChange({ ethnicity: v })}
            data-testid="filter-ethnicity"
          />
          <DayInput
            label={t('member.filter.admittedFrom')}
            value={value.from}
            onChange={(d) => onChange({ from: d })}
            required={false}
            testId="filter-from"
          />
          <DayInput
            label={t('member.filter.admittedTo')}
            value={value.to}
            onChange={(d) => onChange({ to: d })}
            required={false}
            testId="filter-to"
          />
          <UnitPicker
            label={t('member.filter.under')}
            placeholder={t('member.filter.underPlaceholder')}
            asOf={value.asOf}
            value={value.under ? under : null}
            onChange={(u) => onChange({ under: u?.id ?? null })}
            required={false}
            testId="filter-under"
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <AsOfPicker value={value.asOf} onChange={(d) => onChange({ asOf: d })} />
          </Group>
        </SimpleGrid>
        {filtered && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              onClick={onClear}
              data-testid="filter-clear"
            >
              {t('member.filter.clear')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
