import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMemberWrite } from '../../api/members.ts';
import type { Card, ReissueCardInput, RevokeCardInput } from '../../api/types.ts';
import { FormError, fieldError } from '../../components/FormError.tsx';

type Props = { personId: number; card: Card; onClose: () => void; onDone: () => void };

function CardModal(props: {
  title: string;
  testId: string;
  error: unknown;
  fields: string[];
  pending: boolean;
  submitLabel: string;
  color?: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} data-testid={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={props.error} fields={props.fields} />
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={props.color} loading={props.pending} data-testid={`${props.testId}-submit`}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Cấp lại thẻ: the valid card becomes "replaced" and a new number is issued. */
export function ReissueModal({ personId, card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReissueCardInput['reason']>('lost');
  const write = useMemberWrite(
    (body: ReissueCardInput) => api.post<Card[]>(`/members/${personId}/cards/reissue`, body),
    onDone,
  );
  return (
    <CardModal
      title={t('card.reissue')}
      testId="reissue-modal"
      error={write.error}
      fields={['reason']}
      pending={write.isPending}
      submitLabel={t('card.reissue')}
      onClose={onClose}
      onSubmit={() => write.mutate({ reason })}
    >
      <Text size="sm" c="dimmed">
        {t('card.reissueHint', { cardNo: card.cardNo })}
      </Text>
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
    </CardModal>
  );
}

/** Thu hồi thẻ: the card stops being valid; the reason is kept with it. */
export function RevokeModal({ personId, card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useMemberWrite(
    (body: RevokeCardInput) => api.post<Card[]>(`/members/${personId}/cards/revoke`, body),
    onDone,
  );
  return (
    <CardModal
      title={t('card.revoke')}
      testId="revoke-modal"
      error={write.error}
      fields={['reason', 'onDate']}
      pending={write.isPending}
      submitLabel={t('card.revoke')}
      color="red"
      onClose={onClose}
      onSubmit={() => write.mutate({ reason: reason.trim() })}
    >
      <Text size="sm" c="dimmed">
        {t('card.revokeHint', { cardNo: card.cardNo })}
      </Text>
      <Textarea
        label={t('unit.reason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(write.error, 'reason')}
        autosize
        minRows={2}
        data-testid="revoke-reason"
      />
    </CardModal>
  );
}
