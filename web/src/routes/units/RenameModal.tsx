import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { UnitDetail, UpdateUnitInput } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { todayVn } from '../../lib/format.ts';
import { useUnitWrite } from './useUnitWrite.ts';

export function RenameModal({ unit, onClose, onDone }: { unit: UnitDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [effectiveOn, setEffectiveOn] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useUnitWrite((body: UpdateUnitInput) => api.patch(`/units/${unit.id}`, body), onDone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ effectiveOn, name, ...(reason.trim() ? { reason } : {}) });
  };

  return (
    <Modal opened onClose={onClose} title={t('unit.rename')} size="lg" data-testid="rename-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={write.error} fields={['name', 'effectiveOn', 'reason']} />
          <TextInput
            label={t('unit.newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(write.error, 'name')}
            required
            data-autofocus
            data-testid="rename-name"
          />
          <DayInput
            label={t('common.effectiveOn')}
            value={effectiveOn}
            onChange={setEffectiveOn}
            error={fieldError(write.error, 'effectiveOn')}
            testId="rename-effective"
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
            <Button type="submit" loading={write.isPending} data-testid="rename-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
