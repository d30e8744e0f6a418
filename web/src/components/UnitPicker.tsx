import { Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { UnitSearchItem } from '../api/types.ts';
import { useUnitSearch, useUnitTypeMap } from '../api/units.ts';
import { TypeBadge } from './TypeBadge.tsx';

/** Choose one unit by searching the server (name or code, diacritics optional). */
export function UnitPicker(props: {
  label: string;
  placeholder: string;
  asOf: string;
  value: UnitSearchItem | null;
  onChange: (u: UnitSearchItem | null) => void;
  /** Units that cannot be chosen (e.g. the ones being moved). */
  exclude?: number[];
  /** Only grassroots-level units (CĐCS, CĐCS thành viên, nghiệp đoàn): where members belong. */
  grassrootsOnly?: boolean;
  /** Marked required (the default); a filter leaves it optional. */
  required?: boolean;
  error?: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const types = useUnitTypeMap();
  const result = useUnitSearch(debounced, props.asOf, props.grassrootsOnly ? 50 : 30);
  const items = (result.data?.items ?? []).filter(
    (u) =>
      !props.exclude?.includes(u.id) && !u.dissolvedOn && (!props.grassrootsOnly || types.get(u.type)?.isGrassroots),
  );
  const byId = new Map(items.map((u) => [String(u.id), u]));
  if (props.value) byId.set(String(props.value.id), props.value);

  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      searchable
      clearable
      required={props.required ?? true}
      leftSection={<IconSearch size={16} />}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...byId.values()].map((u) => ({ value: String(u.id), label: u.name }))}
      value={props.value ? String(props.value.id) : null}
      onChange={(v) => props.onChange(v ? (byId.get(v) ?? null) : null)}
      // The server has already matched; do not filter its answer again.
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length >= 2 && result.data ? '—' : undefined}
      error={props.error}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const u = byId.get(option.value);
        if (!u) return option.label;
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <TypeBadge type={u.type} />
              <Text size="sm">{u.name}</Text>
            </Group>
            <Text size="xs" c="dimmed" ml={70}>
              {u.ancestry.join(' › ')}
            </Text>
          </Stack>
        );
      }}
      data-testid={props.testId}
    />
  );
}
