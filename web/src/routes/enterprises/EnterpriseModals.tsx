import { NumberInput, SegmentedControl, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assignUpper,
  type EnterpriseDetail,
  type EnterpriseStatus,
  type FactInput,
  type PatchInput,
  patchEnterprise,
  recordFact,
  useEnterpriseWrite,
} from '../../api/enterprises.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { EnterpriseFields, type EnterpriseForm, enterpriseFieldNames, formOf, toFields } from './EnterpriseFields.tsx';
import { STATUSES } from './options.ts';

type ModalProps = { enterprise: EnterpriseDetail; onClose: () => void; onDone: () => void };

/** Corrects the descriptive fields (the officer's value then wins over imports) and links its CĐCS. */
export function EditEnterpriseModal({ enterprise: e, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const today = todayVn();
  const [form, setForm] = useState<EnterpriseForm>(() => formOf(e));
  const current = useUnitAsItem(e.grassroots?.id ?? null, today);
  const [union, setUnion] = useState<UnitSearchItem | null>(null);
  const [unionTouched, setUnionTouched] = useState(false);
  const write = useEnterpriseWrite((body: PatchInput) => patchEnterprise(e.id, body), onDone);

  const submit = () => {
    const before = toFields(formOf(e));
    const after = toFields(form);
    // Only what changed is sent: an unchanged field keeps its source (ĐKKD, BHXH).
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(after)) if (before[k as keyof typeof before] !== v) body[k] = v;
    if (unionTouched && (union?.id ?? null) !== (e.grassroots?.id ?? null)) body.grassrootsUnitId = union?.id ?? null;
    if (Object.keys(body).length === 0) onClose();
    else write.mutate(body as PatchInput);
  };

  return (
    <FormModal
      title={t('enterprise.edit')}
      testId="enterprise-edit-modal"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={[...enterpriseFieldNames, 'grassrootsUnitId']}
      intro={t('enterprise.editIntro')}
      size="xl"
    >
      <EnterpriseFields value={form} onChange={setForm} error={write.error} />
      <UnitPicker
        label={t('enterprise.field.grassroots')}
        placeholder={t('enterprise.grassrootsPlaceholder')}
        asOf={today}
        value={unionTouched ? union : current}
        onChange={(u) => {
          setUnionTouched(true);
          setUnion(u);
        }}
        grassrootsOnly
        required={false}
        error={fieldError(write.error, 'grassrootsUnitId')}
        testId="enterprise-field-grassroots"
      />
    </FormModal>
  );
}

/** A dated observation: the workforce (total, women) or the operating status, as of a day. */
export function FactModal({ enterprise: e, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FactInput['kind']>('workforce');
  const [total, setTotal] = useState<number | string>(e.workforce?.total ?? '');
  const [women, setWomen] = useState<number | string>(e.workforce?.women ?? '');
  const [status, setStatus] = useState<EnterpriseStatus>(e.status ?? 'operating');
  const [asOf, setAsOf] = useState(todayVn());
  const [note, setNote] = useState('');
  const write = useEnterpriseWrite((body: FactInput) => recordFact(e.id, body), onDone);

  const submit = () => {
    const extra = note.trim() ? { note: note.trim() } : {};
    if (kind === 'status') write.mutate({ kind, status, asOf, ...extra });
    else
      write.mutate({
        kind,
        total: typeof total === 'number' ? total : Number.NaN,
        ...(typeof women === 'number' ? { women } : {}),
        asOf,
        ...extra,
      });
  };

  return (
    <FormModal
      title={t('enterprise.recordFact')}
      testId="enterprise-fact-modal"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['total', 'women', 'status', 'note']}
      intro={t('enterprise.factIntro')}
      day={{
        value: asOf,
        onChange: setAsOf,
        field: 'asOf',
        label: t('enterprise.factDay'),
        testId: 'fact-day',
        maxDate: todayVn(),
      }}
    >
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as FactInput['kind'])}
        data={[
          { value: 'workforce', label: t('enterprise.history.workforce') },
          { value: 'status', label: t('enterprise.history.status') },
        ]}
        data-testid="fact-kind"
      />
      {kind === 'workforce' ? (
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('enterprise.field.workforceTotal')}
            value={total}
            onChange={setTotal}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            required
            error={fieldError(write.error, 'total')}
            data-autofocus
            data-testid="fact-total"
          />
          <NumberInput
            label={t('enterprise.field.women')}
            value={women}
            onChange={setWomen}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            error={fieldError(write.error, 'women')}
            data-testid="fact-women"
          />
        </SimpleGrid>
      ) : (
        <Select
          label={t('enterprise.field.status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`enterprise.status.${s}`) }))}
          value={status}
          onChange={(v) => v && setStatus(v as EnterpriseStatus)}
          allowDeselect={false}
          error={fieldError(write.error, 'status')}
          data-testid="fact-status"
        />
      )}
      <Textarea
        label={t('enterprise.history.note')}
        value={note}
        onChange={(ev) => setNote(ev.currentTarget.value)}
        autosize
        minRows={1}
        error={fieldError(write.error, 'note')}
      />
    </FormModal>
  );
}

/** Puts the enterprise in another upper union's charge from a day on; the past stays as it was. */
export function AssignModal({ enterprise: e, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const [upper, setUpper] = useState<UnitSearchItem | null>(null);
  const [onDate, setOnDate] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useEnterpriseWrite(
    (body: { upperUnionId: number; onDate: string; reason?: string }) => assignUpper(e.id, body),
    onDone,
  );
  return (
    <FormModal
      title={t('enterprise.changeUpper')}
      testId="enterprise-assign-modal"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={() =>
        write.mutate({ upperUnionId: upper?.id ?? 0, onDate, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      }
      write={write}
      fields={['upperUnionId']}
      intro={t('enterprise.assignIntro', { name: e.upperUnion?.name ?? '—' })}
      day={{ value: onDate, onChange: setOnDate, field: 'onDate', testId: 'assign-day' }}
      reason={{ value: reason, onChange: setReason }}
    >
      <UnitPicker
        label={t('enterprise.newUpper')}
        placeholder={t('enterprise.upperPlaceholder')}
        asOf={onDate}
        value={upper}
        onChange={setUpper}
        exclude={e.upperUnion ? [e.upperUnion.id] : []}
        error={fieldError(write.error, 'upperUnionId')}
        testId="assign-upper"
      />
    </FormModal>
  );
}
