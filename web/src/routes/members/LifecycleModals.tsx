import { Alert, SegmentedControl, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { memberViews } from '../../api/members.ts';
import type { EndInput, EndKind, MemberDetail, ReadmitInput, TransferInput } from '../../api/types.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';
import { type Destination, DestinationPicker } from './DestinationPicker.tsx';
import { PlacementDayFields, PlacementFields, placementFieldNames, usePlacement } from './PlacementFields.tsx';

/** What every modal of the member page takes. */
export type MemberModalProps = { member: MemberDetail; onClose: () => void; onDone: () => void };

/**
 * Chuyển sinh hoạt: to another CĐCS from a day on; the old period is kept. To a CĐCS outside the
 * officer's units it is a request instead: `onDone` gets the member with `pendingTransfer` set.
 */
export function TransferModal({
  member,
  onClose,
  onDone,
}: Omit<MemberModalProps, 'onDone'> & { onDone: (after: MemberDetail) => void }) {
  const { t } = useTranslation();
  const placement = usePlacement<Destination>();
  const [reason, setReason] = useState('');
  const dest = placement.value.unit;
  const write = useWrite(
    memberViews,
    (body: TransferInput) => api.post<MemberDetail>(`/members/${member.personId}/transfer`, body),
    onDone,
  );
  const from = member.currentUnit?.name ?? '—';
  return (
    <FormModal
      title={t('member.transfer')}
      testId="transfer-modal"
      submitLabel={t(dest?.needsConsent ? 'member.transferAsk' : 'member.transfer')}
      onClose={onClose}
      onSubmit={() =>
        placement.send(({ unitId, ...rest }) =>
          write.mutate({ toUnitId: unitId, ...rest, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
        )
      }
      write={write}
      fields={placementFieldNames('toUnitId')}
      intro={
        <Text size="sm" c="dimmed">
          {member.person.fullName} — {t('member.currentUnit')}: {from}
        </Text>
      }
      reason={{ value: reason, onChange: setReason, testId: 'transfer-reason' }}
    >
      <DestinationPicker
        label={t('member.transferTo')}
        asOf={placement.value.onDate}
        value={dest}
        onChange={placement.setUnit}
        exclude={member.currentUnit ? [member.currentUnit.id] : []}
        error={placement.missing ? t('member.chooseGrassroots') : fieldError(write.error, 'toUnitId')}
        testId="transfer-unit"
      />
      {dest?.needsConsent && (
        <Alert color="orange" variant="light" icon={<IconClockHour4 size={18} />} data-testid="transfer-consent-note">
          {t('member.destination.consentNote', { to: dest.name, from })}
        </Alert>
      )}
      <PlacementDayFields
        placement={placement}
        error={write.error}
        testId="transfer"
        dayLabel={t('common.effectiveOn')}
      />
    </FormModal>
  );
}

/** Kết thúc sinh hoạt: withdrawal, expulsion or death; a valid card is revoked with it. */
export function EndModal({ member, onClose, onDone }: MemberModalProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EndKind>('withdrawal');
  const [onDate, setOnDate] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useWrite(
    memberViews,
    (body: EndInput) => api.post<MemberDetail>(`/members/${member.personId}/end`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('member.end')}
      testId="end-modal"
      submitLabel={t('member.endSubmit')}
      danger
      onClose={onClose}
      onSubmit={() => write.mutate({ kind, onDate, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
      write={write}
      fields={['kind']}
      intro={
        <Text size="sm" c="dimmed">
          {t('member.endHint', { name: member.person.fullName })}
        </Text>
      }
      day={{ value: onDate, onChange: setOnDate, field: 'onDate', testId: 'end-date' }}
      reason={{ value: reason, onChange: setReason, multiline: true }}
    >
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(v) => setKind(v as EndKind)}
        data={(['withdrawal', 'expulsion', 'death'] as const).map((k) => ({ value: k, label: t(`member.kind.${k}`) }))}
        data-testid="end-kind"
      />
    </FormModal>
  );
}

/** Kết nạp lại: a former member joins a CĐCS again; a new period begins. */
export function ReadmitModal({ member, onClose, onDone }: MemberModalProps) {
  const { t } = useTranslation();
  const placement = usePlacement();
  const write = useWrite(
    memberViews,
    (body: ReadmitInput) => api.post<MemberDetail>(`/members/${member.personId}/readmit`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('member.readmit')}
      testId="readmit-modal"
      submitLabel={t('member.readmit')}
      onClose={onClose}
      onSubmit={() => placement.send(write.mutate)}
      write={write}
      fields={placementFieldNames()}
    >
      <PlacementFields placement={placement} error={write.error} testId="readmit" dayLabel={t('member.readmittedOn')} />
    </FormModal>
  );
}
