import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AcceptTransferInput,
  type CancelTransferInput,
  type DeclineTransferInput,
  type TransferRequest,
  useTransferDecision,
} from '../../api/transfers.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDay } from '../../lib/format.ts';

type Props = { request: TransferRequest; onClose: () => void; onDone: (r: TransferRequest) => void };

/** The receiving side consents: the member moves on the requested day, or on the one chosen here. */
export function AcceptModal({ request: r, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [onDate, setOnDate] = useState(r.onDate);
  const [decisionNo, setDecisionNo] = useState(r.decisionNo ?? '');
  const write = useTransferDecision<AcceptTransferInput>('accept', onDone);
  return (
    <FormModal
      title={t('transfers.acceptTitle')}
      testId="transfer-accept-modal"
      submitLabel={t('transfers.accept')}
      onClose={onClose}
      onSubmit={() =>
        write.mutate({ id: r.id, body: { onDate, ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}) } })
      }
      write={write}
      fields={['decisionNo']}
      intro={
        <Text size="sm">
          {t('transfers.acceptIntro', { name: r.personName, from: r.fromUnitName, to: r.toUnitName })}
        </Text>
      }
      day={{
        value: onDate,
        onChange: setOnDate,
        field: 'onDate',
        label: t('transfers.acceptDate', { date: formatDay(r.onDate) }),
        testId: 'transfer-accept-date',
      }}
    >
      <TextInput
        label={t('transfers.acceptDecision')}
        value={decisionNo}
        onChange={(e) => setDecisionNo(e.currentTarget.value)}
        error={fieldError(write.error, 'decisionNo')}
        data-testid="transfer-accept-decision"
      />
    </FormModal>
  );
}

/** The receiving side refuses, saying why: the member stays where they are. */
export function DeclineModal({ request: r, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const write = useTransferDecision<DeclineTransferInput>('decline', onDone);
  const short = reason.trim().length < 5;
  return (
    <FormModal
      title={t('transfers.declineTitle')}
      testId="transfer-decline-modal"
      submitLabel={t('transfers.decline')}
      danger
      onClose={onClose}
      onSubmit={() => {
        setChecked(true);
        if (!short) write.mutate({ id: r.id, body: { reason: reason.trim() } });
      }}
      write={write}
      intro={<Text size="sm">{t('transfers.declineIntro', { name: r.personName, from: r.fromUnitName })}</Text>}
      reason={{
        value: reason,
        onChange: setReason,
        label: t('transfers.declineReason'),
        description: t('transfers.declineHint'),
        required: true,
        multiline: true,
        testId: 'transfer-decline-reason',
        error: checked && short ? t('transfers.declineHint') : fieldError(write.error, 'reason'),
      }}
    />
  );
}

/** The sending side withdraws its request (from the transfers page, or the member's own page). */
export function CancelModal({
  request: r,
  onClose,
  onDone,
}: Omit<Props, 'request'> & { request: Pick<TransferRequest, 'id' | 'personName' | 'fromUnitName' | 'toUnitName'> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useTransferDecision<CancelTransferInput>('cancel', onDone);
  return (
    <FormModal
      title={t('transfers.cancelTitle')}
      testId="transfer-cancel-modal"
      submitLabel={t('transfers.cancel')}
      danger
      onClose={onClose}
      onSubmit={() => write.mutate({ id: r.id, body: reason.trim() ? { reason: reason.trim() } : {} })}
      write={write}
      intro={
        <Text size="sm">
          {t('transfers.cancelIntro', { name: r.personName, from: r.fromUnitName, to: r.toUnitName })}
        </Text>
      }
      reason={{
        value: reason,
        onChange: setReason,
        label: t('transfers.cancelReason'),
        testId: 'transfer-cancel-reason',
      }}
    />
  );
}
