import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMemberWrite } from '../../api/members.ts';
import type { EndInput, EndKind, MemberDetail, ReadmitInput, TransferInput, UnitSearchItem } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';

type Props = { member: MemberDetail; onClose: () => void; onDone: () => void };

const optional = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

function Frame(props: {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg" data-testid={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.danger ? 'red' : undefined}
              loading={props.pending}
              data-testid={`${props.testId}-submit`}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Chuyển sinh hoạt: to another CĐCS from a day on; the old period is kept. */
export function TransferModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [onDate, setOnDate] = useState(todayVn());
  const [decisionNo, setDecisionNo] = useState('');
  const [missing, setMissing] = useState(false);
  const write = useMemberWrite(
    (body: TransferInput) => api.post<MemberDetail>(`/members/${member.personId}/transfer`, body),
    onDone,
  );
  const submit = () => {
    setMissing(!unit);
    if (unit) write.mutate({ toUnitId: unit.id, onDate, ...optional('decisionNo', decisionNo) });
  };
  return (
    <Frame
      title={t('member.transfer')}
      testId="transfer-modal"
      onClose={onClose}
      onSubmit={submit}
      pending={write.isPending}
      submitLabel={t('member.transfer')}
    >
      <Text size="sm" c="dimmed">
        {member.person.fullName} — {t('member.currentUnit')}: {member.currentUnit?.name ?? '—'}
      </Text>
      <FormError error={write.error} fields={['toUnitId', 'onDate', 'decisionNo']} />
      <UnitPicker
        label={t('member.transferTo')}
        placeholder={t('member.grassrootsPlaceholder')}
        asOf={onDate}
        value={unit}
        onChange={(u) => {
          setUnit(u);
          setMissing(false);
        }}
        exclude={member.currentUnit ? [member.currentUnit.id] : []}
        grassrootsOnly
        error={missing ? t('member.chooseGrassroots') : fieldError(write.error, 'toUnitId')}
        testId="transfer-unit"
      />
      <DayInput
        label={t('common.effectiveOn')}
        value={onDate}
        onChange={setOnDate}
        error={fieldError(write.error, 'onDate')}
        testId="transfer-date"
      />
      <TextInput
        label={t('member.decisionNo')}
        value={decisionNo}
        onChange={(e) => setDecisionNo(e.currentTarget.value)}
        error={fieldError(write.error, 'decisionNo')}
        data-testid="transfer-decision"
      />
    </Frame>
  );
}

/** Kết thúc sinh hoạt: withdrawal, expulsion or death; a valid card is revoked with it. */
export function EndModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EndKind>('withdrawal');
  const [onDate, setOnDate] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useMemberWrite(
    (body: EndInput) => api.post<MemberDetail>(`/members/${member.personId}/end`, body),
    onDone,
  );
  return (
    <Frame
      title={t('member.end')}
      testId="end-modal"
      onClose={onClose}
      onSubmit={() => write.mutate({ kind, onDate, ...optional('reason', reason) })}
      pending={write.isPending}
      submitLabel={t('member.endSubmit')}
      danger
    >
      <Text size="sm" c="dimmed">
        {t('member.endHint', { name: member.person.fullName })}
      </Text>
      <FormError error={write.error} fields={['kind', 'onDate', 'reason']} />
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(v) => setKind(v as EndKind)}
        data={(['withdrawal', 'expulsion', 'death'] as const).map((k) => ({ value: k, label: t(`member.kind.${k}`) }))}
        data-testid="end-kind"
      />
      <DayInput
        label={t('common.effectiveOn')}
        value={onDate}
        onChange={setOnDate}
        error={fieldError(write.error, 'onDate')}
        testId="end-date"
      />
      <Textarea
        label={t('common.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(write.error, 'reason')}
        autosize
        minRows={2}
      />
    </Frame>
  );
}

/** Kết nạp lại: a former member joins a CĐCS again; a new period begins. */
export function ReadmitModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [onDate, setOnDate] = useState(todayVn());
  const [decisionNo, setDecisionNo] = useState('');
  const [missing, setMissing] = useState(false);
  const write = useMemberWrite(
    (body: ReadmitInput) => api.post<MemberDetail>(`/members/${member.personId}/readmit`, body),
    onDone,
  );
  const submit = () => {
    setMissing(!unit);
    if (unit) write.mutate({ unitId: unit.id, onDate, ...optional('decisionNo', decisionNo) });
  };
  return (
    <Frame
      title={t('member.readmit')}
      testId="readmit-modal"
      onClose={onClose}
      onSubmit={submit}
      pending={write.isPending}
      submitLabel={t('member.readmit')}
    >
      <FormError error={write.error} fields={['unitId', 'onDate', 'decisionNo']} />
      <UnitPicker
        label={t('member.grassroots')}
        placeholder={t('member.grassrootsPlaceholder')}
        asOf={onDate}
        value={unit}
        onChange={(u) => {
          setUnit(u);
          setMissing(false);
        }}
        grassrootsOnly
        error={missing ? t('member.chooseGrassroots') : fieldError(write.error, 'unitId')}
        testId="readmit-unit"
      />
      <DayInput
        label={t('member.readmittedOn')}
        value={onDate}
        onChange={setOnDate}
        error={fieldError(write.error, 'onDate')}
        testId="readmit-date"
      />
      <TextInput
        label={t('member.decisionNo')}
        value={decisionNo}
        onChange={(e) => setDecisionNo(e.currentTarget.value)}
        error={fieldError(write.error, 'decisionNo')}
      />
    </Frame>
  );
}
