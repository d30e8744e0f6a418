import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

type Area = {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
};

/**
 * Choose a commune (or a district) by name, diacritics optional: both the communes before the 2025
 * reform and the merged ones are offered, each with its code and the years it existed.
 */
export function AreaPicker(props: {
  label: string;
  value: { code: string; name: string } | null;
  onChange: (a: { code: string; name: string } | null) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['areas', 'search', debounced],
    queryFn: () => api.get<Area[]>('/areas', { q: debounced, limit: 30 }),
    enabled: debounced.length >= 2,
    staleTime: 60 * 60_000,
    placeholderData: (prev) => prev,
  });
  const byCode = new Map<string, Area | { code: string; name: string }>(
    (found.data ?? []).filter((a) => a.level !== 'province').map((a) => [a.code, a]),
  );
  if (props.value) byCode.set(props.value.code, props.value);
  return (
    <Select
      label={props.label}
      placeholder={t('area.placeholder')}
      searchable
      clearable
      leftSection={<IconMapPin size={16} />}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...byCode.values()].map((a) => ({ value: a.code, label: a.name }))}
      value={props.value?.code ?? null}
      onChange={(v) => {
        const a = v ? byCode.get(v) : undefined;
        props.onChange(a ? { code: a.code, name: a.name } : null);
      }}
      filter={({ options }) => options}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const a = byCode.get(option.value);
        const years =
          a && 'validFrom' in a ? `${a.validFrom.slice(0, 4)}–${a.validTo ? a.validTo.slice(0, 4) : ''}` : '';
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {option.value}
              {years && ` · ${years}`}
            </Text>
          </Group>
        );
      }}
      data-testid={props.testId}
    />
  );
}
