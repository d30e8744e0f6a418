import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import {
  type CreateInput,
  createEnterprise,
  type EnterpriseStatus,
  useEnterpriseWrite,
} from '../../api/enterprises.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import {
  EnterpriseFields,
  type EnterpriseForm,
  emptyEnterprise,
  enterpriseFieldNames,
  toFields,
} from './EnterpriseFields.tsx';
import { STATUSES } from './options.ts';

/** Adding an enterprise by hand: tax code (checked by the server), details, the union in charge, first facts. */
export function NewEnterprisePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayVn();
  const me = useMe();
  const [taxCode, setTaxCode] = useState('');
  const [form, setForm] = useState<EnterpriseForm>(emptyEnterprise);
  const own = useUnitAsItem(me.data?.roles.find((r) => r.unitId !== null)?.unitId ?? null, today);
  const [upper, setUpper] = useState<UnitSearchItem | null>(null);
  const [upperTouched, setUpperTouched] = useState(false);
  const [grassroots, setGrassroots] = useState<UnitSearchItem | null>(null);
  const [total, setTotal] = useState<number | string>('');
  const [women, setWomen] = useState<number | string>('');
  const [status, setStatus] = useState<EnterpriseStatus>('operating');
  const [asOf, setAsOf] = useState(today);
  const write = useEnterpriseWrite(createEnterprise, (e) => navigate(`/enterprises/${e.id}`));
  const chosenUpper = upperTouched ? upper : (upper ?? own);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const body: CreateInput = {
      taxCode: taxCode.trim(),
      ...toFields(form),
      upperUnionId: chosenUpper?.id ?? 0,
      status,
      asOf,
    };
    if (grassroots) body.grassrootsUnitId = grassroots.id;
    if (typeof total === 'number') body.workforce = { total, ...(typeof women === 'number' ? { women } : {}) };
    write.mutate(body);
  };
  const err = write.error;

  return (
    <Stack maw={1000} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/enterprises" size="sm">
          {t('nav.enterpriseList')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('enterprise.add')}
        </Text>
      </Breadcrumbs>
      <div>
        <Title order={2}>{t('enterprise.addTitle')}</Title>
        <Text c="dimmed">{t('enterprise.addSubtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate data-testid="enterprise-form">
          <Stack gap="lg">
            <TextInput
              label={t('enterprise.field.taxCode')}
              description={t('enterprise.taxCodeHint')}
              placeholder="2900123456"
              value={taxCode}
              onChange={(e) => setTaxCode(e.currentTarget.value)}
              error={fieldError(err, 'taxCode')}
              required
              maw={360}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-autofocus
              data-testid="enterprise-field-tax-code"
            />
            <EnterpriseFields value={form} onChange={setForm} error={err} />
            <Fieldset legend={t('enterprise.group.union')} radius="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <UnitPicker
                  label={t('enterprise.field.upperUnion')}
                  placeholder={t('enterprise.upperPlaceholder')}
                  asOf={today}
                  value={chosenUpper}
                  onChange={(u) => {
                    setUpperTouched(true);
                    setUpper(u);
                  }}
                  error={fieldError(err, 'upperUnionId')}
                  testId="enterprise-field-upper"
                />
                <UnitPicker
                  label={t('enterprise.field.grassroots')}
                  placeholder={t('enterprise.grassrootsPlaceholder')}
                  asOf={today}
                  value={grassroots}
                  onChange={setGrassroots}
                  grassrootsOnly
                  required={false}
                  error={fieldError(err, 'grassrootsUnitId')}
                  testId="enterprise-field-grassroots"
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('enterprise.group.facts')} radius="md">
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
                <NumberInput
                  label={t('enterprise.field.workforceTotal')}
                  value={total}
                  onChange={setTotal}
                  min={0}
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  error={fieldError(err, 'workforce.total')}
                  data-testid="enterprise-field-total"
                />
                <NumberInput
                  label={t('enterprise.field.women')}
                  value={women}
                  onChange={setWomen}
                  min={0}
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  error={fieldError(err, 'workforce.women')}
                  data-testid="enterprise-field-women"
                />
                <Select
                  label={t('enterprise.field.status')}
                  data={STATUSES.map((s) => ({ value: s, label: t(`enterprise.status.${s}`) }))}
                  value={status}
                  onChange={(v) => v && setStatus(v as EnterpriseStatus)}
                  allowDeselect={false}
                />
                <DayInput
                  label={t('enterprise.factDay')}
                  value={asOf}
                  onChange={setAsOf}
                  maxDate={today}
                  error={fieldError(err, 'asOf')}
                />
              </SimpleGrid>
            </Fieldset>
            <FormError
              error={err}
              fields={[
                'taxCode',
                ...enterpriseFieldNames,
                'upperUnionId',
                'grassrootsUnitId',
                'workforce.total',
                'workforce.women',
                'asOf',
              ]}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/enterprises">
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={write.isPending}
                leftSection={<IconPlus size={18} />}
                data-testid="enterprise-submit"
              >
                {t('enterprise.addSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
