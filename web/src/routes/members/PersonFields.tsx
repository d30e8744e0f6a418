import { Autocomplete, Checkbox, Fieldset, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { todayVn } from '../../lib/format.ts';
import { EDUCATION_LEVELS, ETHNICITIES } from './options.ts';
import type { PersonForm } from './personForm.ts';

/** Every person field the server may name in an error, for FormError's "other fields" list. */
export const personFieldNames = (prefix: string) =>
  [
    'fullName',
    'birthDate',
    'gender',
    'ethnicity',
    'religion',
    'citizenId',
    'legacyIdNo',
    'socialInsuranceNo',
    'phone',
    'email',
    'address',
    'education',
    'occupation',
    'employerName',
    'partyMember',
    'youthUnionMember',
  ].map((f) => `${prefix}${f}`);

/** One titled group of a long form, its inputs in a grid. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md" styles={{ legend: { fontWeight: 600 } }}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Fieldset>
  );
}

/**
 * A person's fields in four groups (identity, contact, work, political). `prefix` is how the
 * server names them in errors: 'person.' when admitting, '' when correcting.
 */
export function PersonFields({
  value,
  onChange,
  error,
  prefix,
}: {
  value: PersonForm;
  onChange: (next: PersonForm) => void;
  error: unknown;
  prefix: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof PersonForm>(k: K, v: PersonForm[K]) => onChange({ ...value, [k]: v });
  const text = (k: keyof PersonForm, extra: { required?: boolean; placeholder?: string; inputMode?: 'tel' } = {}) => (
    <TextInput
      label={t(`member.field.${k}`)}
      value={value[k] as string}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={fieldError(error, `${prefix}${k}`)}
      required={extra.required}
      placeholder={extra.placeholder}
      inputMode={extra.inputMode}
      data-testid={`person-${k}`}
    />
  );

  return (
    <>
      <FieldGroup legend={t('member.group.identity')}>
        {text('fullName', { required: true, placeholder: t('member.fullNamePlaceholder') })}
        <DayInput
          label={t('member.field.birthDate')}
          value={value.birthDate}
          onChange={(d) => set('birthDate', d)}
          error={fieldError(error, `${prefix}birthDate`)}
          required={false}
          maxDate={todayVn()}
          testId="person-birthDate"
        />
        <Select
          label={t('member.field.gender')}
          data={[
            { value: 'male', label: t('member.gender.male') },
            { value: 'female', label: t('member.gender.female') },
          ]}
          value={value.gender || null}
          onChange={(v) => set('gender', v ?? '')}
          error={fieldError(error, `${prefix}gender`)}
          clearable
          data-testid="person-gender"
        />
        <Autocomplete
          label={t('member.field.ethnicity')}
          data={ETHNICITIES}
          value={value.ethnicity}
          onChange={(v) => set('ethnicity', v)}
          error={fieldError(error, `${prefix}ethnicity`)}
          data-testid="person-ethnicity"
        />
        {text('religion', { placeholder: t('member.religionPlaceholder') })}
        {text('citizenId', { placeholder: t('member.citizenIdPlaceholder') })}
        {text('legacyIdNo')}
        {text('socialInsuranceNo')}
      </FieldGroup>
      <FieldGroup legend={t('member.group.contact')}>
        {text('phone', { inputMode: 'tel', placeholder: '0912 345 678' })}
        {text('email', { placeholder: 'ten@example.vn' })}
        {text('address')}
      </FieldGroup>
      <FieldGroup legend={t('member.group.work')}>
        {text('employerName')}
        {text('occupation')}
        <Autocomplete
          label={t('member.field.education')}
          data={EDUCATION_LEVELS}
          value={value.education}
          onChange={(v) => set('education', v)}
          error={fieldError(error, `${prefix}education`)}
          data-testid="person-education"
        />
      </FieldGroup>
      <FieldGroup legend={t('member.group.political')}>
        <Group gap="xl" mt={4}>
          <Checkbox
            label={t('member.field.partyMember')}
            checked={value.partyMember}
            onChange={(e) => set('partyMember', e.currentTarget.checked)}
            data-testid="person-partyMember"
          />
          <Checkbox
            label={t('member.field.youthUnionMember')}
            checked={value.youthUnionMember}
            onChange={(e) => set('youthUnionMember', e.currentTarget.checked)}
            data-testid="person-youthUnionMember"
          />
        </Group>
      </FieldGroup>
    </>
  );
}
