import { Button, Card, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useZones } from '../../api/enterprises.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { OWNERSHIPS, STATUSES, WORKFORCE_BANDS } from './options.ts';
import type { EnterpriseParams } from './useEnterpriseParams.ts';

/** The search box (name without diacritics, or tax code; debounced) and the register's filters. */
export function EnterpriseFilters({
  value,
  onChange,
  onClear,
  filtered,
}: {
  value: EnterpriseParams;
  onChange: (patch: Partial<EnterpriseParams>) => void;
  onClear: () => void;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  const [debounced] = useDebouncedValue(q, 300);
  const under = useUnitAsItem(value.under, value.asOf);
  const zones = useZones();

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
          placeholder={t('enterprise.searchPlaceholder')}
          aria-label={t('enterprise.searchLabel')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="enterprise-search"
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('enterprise.field.ownership')}
            placeholder={t('enterprise.filter.any')}
            data={OWNERSHIPS.map((o) => ({ value: o, label: t(`enterprise.ownership.${o}`) }))}
            value={value.ownership || null}
            onChange={(v) => onChange({ ownership: (v as EnterpriseParams['ownership']) ?? '' })}
            clearable
            data-testid="filter-ownership"
          />
          <Select
            label={t('enterprise.field.status')}
            placeholder={t('enterprise.filter.any')}
            data={STATUSES.map((s) => ({ value: s, label: t(`enterprise.status.${s}`) }))}
            value={value.status || null}
            onChange={(v) => onChange({ status: (v as EnterpriseParams['status']) ?? '' })}
            clearable
            data-testid="filter-status"
          />
          <Select
            label={t('enterprise.field.zone')}
            placeholder={t('enterprise.filter.any')}
            data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))}
            value={value.zone ? String(value.zone) : null}
            onChange={(v) => onChange({ zone: v ? Number(v) : null })}
            clearable
            searchable
            data-testid="filter-zone"
          />
          <Select
            label={t('enterprise.filter.workforce')}
            placeholder={t('enterprise.filter.any')}
            data={Object.keys(WORKFORCE_BANDS).map((k) => ({ value: k, label: t(`enterprise.band.${k}`) }))}
            value={value.band || null}
            onChange={(v) => onChange({ band: v ?? '' })}
            clearable
            data-testid="filter-workforce"
          />
          <Select
            label={t('enterprise.filter.union')}
            placeholder={t('enterprise.filter.any')}
            data={[
              { value: 'yes', label: t('enterprise.filter.withUnion') },
              { value: 'no', label: t('enterprise.filter.withoutUnion') },
            ]}
            value={value.union || null}
            onChange={(v) => onChange({ union: (v as EnterpriseParams['union']) ?? '' })}
            clearable
            data-testid="filter-union"
          />
          <UnitPicker
            label={t('enterprise.filter.under')}
            placeholder={t('enterprise.filter.underPlaceholder')}
            asOf={value.asOf}
            value={value.under ? under : null}
            onChange={(u) => onChange({ under: u?.id ?? null })}
            required={false}
            testId="filter-under"
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <AsOfPicker value={value.asOf} onChange={(d) => onChange({ asOf: d })} />
          </Group>
          <Group align="flex-end" pb={6}>
            <Switch
              label={t('enterprise.filter.conflicts')}
              checked={value.conflicts}
              onChange={(e) => onChange({ conflicts: e.currentTarget.checked })}
              data-testid="filter-conflicts"
            />
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
              {t('enterprise.filter.clear')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
