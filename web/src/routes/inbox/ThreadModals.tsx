import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EscalationTarget, type OfficerThread, useAssignees, useThreadAction } from '../../api/feedback.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';

type Props = { th: OfficerThread; onClose: () => void };

/** Give the thread to an officer of the handling unit, of a unit under it or above it. */
export function AssignModal({ th, onClose }: Props) {
  const { t } = useTranslation();
  const people = useAssignees(th.id, true);
  const [userId, setUserId] = useState<string | null>(th.assignedUserId ? String(th.assignedUserId) : null);
  const write = useThreadAction(th.id, onClose);
  return (
    <FormModal
      title={t('inbox.assignTitle')}
      testId="inbox-assign-modal"
      submitLabel={t('inbox.assignSubmit')}
      onClose={onClose}
      onSubmit={() => userId && write.mutate({ action: 'assign', body: { userId: Number(userId) } })}
      write={write}
      fields={['body.userId']}
      size="md"
    >
      <Select
        label={t('inbox.assignUser')}
        searchable
        value={userId}
        onChange={setUserId}
        data={(people.data?.items ?? []).map((u) => ({
          value: String(u.id),
          label: u.unitName ? `${u.displayName} — ${u.unitName}` : u.displayName,
        }))}
        error={fieldError(write.error, 'body.userId')}
        nothingFoundMessage="—"
        data-testid="inbox-assign-user"
      />
    </FormModal>
  );
}

/** Send the thread to the upper union or the federation's legal team, with a note the member reads. */
export function EscalateModal({ th, onClose }: Props) {
  const { t } = useTranslation();
  const [to, setTo] = useState<EscalationTarget>(th.kind === 'legal_consultation' ? 'legal_team' : 'upper_union');
  const [note, setNote] = useState('');
  const write = useThreadAction(th.id, onClose);
  return (
    <FormModal
      title={t('inbox.escalateTitle')}
      testId="inbox-escalate-modal"
      submitLabel={t('inbox.escalateSubmit')}
      onClose={onClose}
      onSubmit={() => write.mutate({ action: 'escalate', body: { to, ...(note.trim() ? { note: note.trim() } : {}) } })}
      write={write}
      fields={['body.to']}
      intro={<Text size="sm">{t('inbox.escalateIntro')}</Text>}
      reason={{
        value: note,
        onChange: setNote,
        field: 'body.note',
        label: t('inbox.note'),
        multiline: true,
        testId: 'inbox-escalate-note',
      }}
      size="md"
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('inbox.escalateTo')}
        </Text>
        <SegmentedControl
          value={to}
          onChange={(v) => setTo(v as EscalationTarget)}
          data={[
            { value: 'upper_union', label: t('inbox.escalateUpper') },
            { value: 'legal_team', label: t('inbox.escalateLegal'), disabled: th.escalatedTo === 'legal_team' },
          ]}
          data-testid="inbox-escalate-to"
        />
      </Stack>
    </FormModal>
  );
}

/** Close the thread when the matter is settled; the member may reopen it by writing. */
export function CloseModal({ th, onClose }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const write = useThreadAction(th.id, onClose);
  return (
    <FormModal
      title={t('inbox.closeTitle')}
      testId="inbox-close-modal"
      submitLabel={t('inbox.closeSubmit')}
      onClose={onClose}
      onSubmit={() => write.mutate({ action: 'close', body: note.trim() ? { note: note.trim() } : {} })}
      write={write}
      intro={<Text size="sm">{t('inbox.closeIntro')}</Text>}
      reason={{
        value: note,
        onChange: setNote,
        field: 'body.note',
        label: t('inbox.note'),
        multiline: true,
        testId: 'inbox-close-note',
      }}
      size="md"
    />
  );
}
