import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail, Ownership } from '../../api/enterprises.ts';
import { useZones } from '../../api/enterprises.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { OWNERSHIPS } from './options.ts';

/** The descriptive fields as typed: strings, '' for blank. */
export type EnterpriseForm = {
  name: string;
  ownership: Ownership;
  industryCode: string;
  industryName: string;
  address: string;
  area: { code: string; name: string } | null;
  zoneId: string;
  startedOn: string;
};

export const emptyEnterprise: EnterpriseForm = {
  name: '',
  ownership: 'non_state',
  industryCode: '',
  industryName: '',
  address: '',
  area: null,
  zoneId: '',
  startedOn: '',
};

export const enterpriseFieldNames = [
  'name',
  'ownership',
  'industryCode',
  'industryName',
  'address',
  'areaCode',
  'industrialZoneId',
  'startedOn',
];

export function formOf(e: EnterpriseDetail): EnterpriseForm {
  return {
    name: e.name,
    ownership: e.ownership,
    industryCode: e.industryCode ?? '',
    industryName: e.industryName ?? '',
    address: e.address ?? '',
    area: e.area,
    zoneId: e.zone ? String(e.zone.id) : '',
    startedOn: e.startedOn ?? '',
  };
}

/** What the server is sent: blank fields left out. */
export function toFields(f: EnterpriseForm) {
  const out: {
    name: string;
    ownership: Ownership;
    industryCode?: string;
    industryName?: string;
    address?: string;
    areaCode?: string;
    industrialZoneId?: number;
    startedOn?: string;
  } = { name: f.name, ownership: f.ownership };
  if (f.industryCode.trim()) out.industryCode = f.industryCode.trim();
  if (f.industryName.trim()) out.industryName = f.industryName.trim();
  if (f.address.trim()) out.address = f.address.trim();
  if (f.area) out.areaCode = f.area.code;
  if (f.zoneId) out.industrialZoneId = Number(f.zoneId);
  if (f.startedOn) out.startedOn = f.startedOn;
  return out;
}

export function EnterpriseFields({
  value,
  onChange,
  error,
}: {
  value: EnterpriseForm;
  onChange: (v: EnterpriseForm) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const zones = useZones();
  const set = (patch: Partial<EnterpriseForm>) => onChange({ ...value, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput
        label={t('enterprise.field.name')}
        value={value.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={fieldError(error, 'name')}
        required
        data-testid="enterprise-field-name"
        style={{ gridColumn: '1 / -1' }}
      />
      <Select
        label={t('enterprise.field.ownership')}
        data={OWNERSHIPS.map((o) => ({ value: o, label: t(`enterprise.ownership.${o}`) }))}
        value={value.ownership}
        onChange={(v) => v && set({ ownership: v as Ownership })}
        allowDeselect={false}
        error={fieldError(error, 'ownership')}
        required
        data-testid="enterprise-field-ownership"
      />
      <DayInput
        label={t('enterprise.field.startedOn')}
        value={value.startedOn}
        onChange={(d) => set({ startedOn: d })}
        required={false}
        error={fieldError(error, 'startedOn')}
        testId="enterprise-field-started"
      />
      <TextInput
        label={t('enterprise.field.industryCode')}
        placeholder={t('enterprise.industryHint')}
        value={value.industryCode}
        onChange={(e) => set({ industryCode: e.currentTarget.value })}
        error={fieldError(error, 'industryCode')}
        inputMode="numeric"
        data-testid="enterprise-field-industry-code"
      />
      <TextInput
        label={t('enterprise.field.industryName')}
        value={value.industryName}
        onChange={(e) => set({ industryName: e.currentTarget.value })}
        error={fieldError(error, 'industryName')}
      />
      <TextInput
        label={t('enterprise.field.address')}
        value={value.address}
        onChange={(e) => set({ address: e.currentTarget.value })}
        error={fieldError(error, 'address')}
        style={{ gridColumn: '1 / -1' }}
      />
      <AreaPicker
        label={t('enterprise.field.area')}
        value={value.area}
        onChange={(area) => set({ area })}
        error={fieldError(error, 'areaCode')}
        testId="enterprise-field-area"
      />
      <Select
        label={t('enterprise.field.zone')}
        placeholder={t('enterprise.noZone')}
        data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))}
        value={value.zoneId || null}
        onChange={(v) => set({ zoneId: v ?? '' })}
        clearable
        searchable
        error={fieldError(error, 'industrialZoneId')}
        data-testid="enterprise-field-zone"
      />
    </SimpleGrid>
  );
}
