import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { DissolveUnitInput, UnitDetail } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { todayVn } from '../../lib/format.ts';
import { useUnitWrite } from './useUnitWrite.ts';

export function DissolveModal({
  unit,
  onClose,
  onDone,
}: {
  unit: UnitDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [effectiveOn, setEffectiveOn] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useUnitWrite((body: DissolveUnitInput) => api.post(`/units/${unit.id}/dissolve`, body), onDone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ effectiveOn, ...(reason.trim() ? { reason } : {}) });
  };

  return (
    <Modal opened onClose={onClose} title={t('unit.dissolve')} size="lg" data-testid="dissolve-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('unit.dissolveConfirm', { name: unit.name })}</Text>
          <FormError error={write.error} fields={['effectiveOn', 'reason']} />
          <DayInput
            label={t('common.effectiveOn')}
            value={effectiveOn}
            onChange={setEffectiveOn}
            error={fieldError(write.error, 'effectiveOn')}
            testId="dissolve-effective"
          />
          <TextInput
            label={t('common.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(write.error, 'reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={write.isPending} data-testid="dissolve-submit">
              {t('unit.dissolve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
