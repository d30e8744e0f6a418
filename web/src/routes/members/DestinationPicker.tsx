import { Badge, type ComboboxItem, type ComboboxItemGroup, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrassrootsDirectory } from '../../api/transfers.ts';
import { useUnitSearch, useUnitTypeMap } from '../../api/units.ts';
import { TypeBadge } from '../../components/TypeBadge.tsx';

/**
 * Where a member is transferred to: a CĐCS of the officer's own units (the move happens at once) or
 * one elsewhere in the national directory (a request that waits for the receiving side's consent).
 */
export type Destination = {
  id: number;
  name: string;
  /** Its parents (own units) or its parent and code (directory), to tell apart units of one name. */
  context: string;
  /** The unit type, for the badge; the directory lists CĐCS without it. */
  type: string | null;
  needsConsent: boolean;
};

const OWN_LIMIT = 50;
const MORE = '__more';

/**
 * Searches the officer's units and, beside them, the directory of CĐCS everywhere. A directory unit
 * is offered (as needing consent) only once the officer's own search for the same words came back
 * whole: then a unit missing from it is truly outside their scope, never one cut off by the limit.
 */
export function DestinationPicker(props: {
  label: string;
  asOf: string;
  value: Destination | null;
  onChange: (d: Destination | null) => void;
  exclude: number[];
  error?: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const types = useUnitTypeMap();
  const own = useUnitSearch(debounced, props.asOf, OWN_LIMIT);
  const directory = useGrassrootsDirectory(debounced);
  const ownSettled = own.isSuccess && !own.isPlaceholderData;
  const ownWhole = ownSettled && own.data.total <= own.data.items.length;
  const ownIds = new Set((own.data?.items ?? []).map((u) => u.id));
  const skip = (id: number) => props.exclude.includes(id);

  const mine: Destination[] = (own.data?.items ?? [])
    .filter((u) => !skip(u.id) && !u.dissolvedOn && types.get(u.type)?.isGrassroots)
    .map((u) => ({ id: u.id, name: u.name, context: u.ancestry.join(' › '), type: u.type, needsConsent: false }));
  const elsewhere: Destination[] =
    ownWhole && directory.isSuccess && !directory.isPlaceholderData
      ? directory.data
          .filter((u) => !ownIds.has(u.id) && !skip(u.id))
          .map((u) => ({
            id: u.id,
            name: u.name,
            context: [u.code, u.parentName].filter(Boolean).join(' · '),
            type: null,
            needsConsent: true,
          }))
      : [];
  const chosen = props.value;
  if (chosen && ![...mine, ...elsewhere].some((d) => d.id === chosen.id))
    (chosen.needsConsent ? elsewhere : mine).push(chosen);

  const byId = new Map([...mine, ...elsewhere].map((d) => [String(d.id), d]));
  const option = (d: Destination): ComboboxItem => ({ value: String(d.id), label: d.name });
  const data: ComboboxItemGroup[] = [];
  if (mine.length) data.push({ group: t('member.destination.own'), items: mine.map(option) });
  // Too many of the officer's own units match to tell which directory units lie outside them.
  const narrow = ownSettled && !ownWhole;
  if (elsewhere.length || narrow)
    data.push({
      group: t('member.destination.elsewhere'),
      items: narrow ? [{ value: MORE, label: t('member.destination.narrow'), disabled: true }] : elsewhere.map(option),
    });

  return (
    <Select
      label={props.label}
      description={t('member.destination.hint')}
      placeholder={t('member.grassrootsPlaceholder')}
      searchable
      clearable
      required
      leftSection={<IconSearch size={16} />}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={chosen ? String(chosen.id) : null}
      onChange={(v) => props.onChange(v ? (byId.get(v) ?? null) : null)}
      // The server has already matched; do not filter its answer again.
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length >= 2 && ownSettled ? '—' : undefined}
      error={props.error}
      maxDropdownHeight={360}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option: o }) => {
        const d = byId.get(o.value);
        if (!d)
          return (
            <Text size="xs" c="dimmed">
              {o.label}
            </Text>
          );
        return (
          <Group
            gap={6}
            wrap="nowrap"
            align="flex-start"
            data-testid={d.needsConsent ? 'destination-elsewhere' : 'destination-own'}
          >
            {d.type ? (
              <TypeBadge type={d.type} />
            ) : (
              <Badge variant="light" color="orange" radius="sm" size="sm" miw={64}>
                {t('member.destination.consentBadge')}
              </Badge>
            )}
            <Stack gap={0}>
              <Text size="sm">{d.name}</Text>
              <Text size="xs" c="dimmed">
                {d.context}
              </Text>
            </Stack>
          </Group>
        );
      }}
      data-testid={props.testId}
    />
  );
}
