import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { memberViews } from '../../api/members.ts';
import type { Card, ReissueCardInput, RevokeCardInput } from '../../api/types.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';

type Props = { personId: number; card: Card; onClose: () => void; onDone: () => void };

/** Cấp lại thẻ: the valid card becomes "replaced" and a new number is issued. */
export function ReissueModal({ personId, card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReissueCardInput['reason']>('lost');
  const write = useWrite(
    memberViews,
    (body: ReissueCardInput) => api.post<Card[]>(`/members/${personId}/cards/reissue`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('card.reissue')}
      testId="reissue-modal"
      submitLabel={t('card.reissue')}
      size="md"
      onClose={onClose}
      onSubmit={() => write.mutate({ reason })}
      write={write}
      fields={['reason']}
      intro={
        <Text size="sm" c="dimmed">
          {t('card.reissueHint', { cardNo: card.cardNo })}
        </Text>
      }
    >
      <Radio.Group
        label={t('card.reissueReason')}
        value={reason}
        onChange={(v) => setReason(v as ReissueCardInput['reason'])}
        error={fieldError(write.error, 'reason')}
        data-testid="reissue-reason"
      >
        <Stack gap="xs" mt="xs">
          {(['lost', 'damaged', 'changed_details'] as const).map((r) => (
            <Radio key={r} value={r} label={t(`card.reason.${r}`)} data-testid={`reissue-${r}`} />
          ))}
        </Stack>
      </Radio.Group>
    </FormModal>
  );
}

/** Thu hồi thẻ: the card stops being valid; the reason is kept with it. */
export function RevokeModal({ personId, card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useWrite(
    memberViews,
    (body: RevokeCardInput) => api.post<Card[]>(`/members/${personId}/cards/revoke`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('card.revoke')}
      testId="revoke-modal"
      submitLabel={t('card.revoke')}
      danger
      size="md"
      onClose={onClose}
      onSubmit={() => write.mutate({ reason: reason.trim() })}
      write={write}
      intro={
        <Text size="sm" c="dimmed">
          {t('card.revokeHint', { cardNo: card.cardNo })}
        </Text>
      }
      reason={{
        value: reason,
        onChange: setReason,
        label: t('unit.reason'),
        required: true,
        multiline: true,
        testId: 'revoke-reason',
      }}
    />
  );
}
