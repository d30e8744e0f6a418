import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { MoveResult, MoveUnitsInput, UnitDetail, UnitSearchItem } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { useUnitWrite } from './useUnitWrite.ts';

export function MoveModal({ unit, onClose, onDone }: { unit: UnitDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [parent, setParent] = useState<UnitSearchItem | null>(null);
  const [effectiveOn, setEffectiveOn] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useUnitWrite((body: MoveUnitsInput) => api.post<MoveResult>('/units/move', body), onDone);

  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!parent);
    if (!parent) return;
    write.mutate({
      unitIds: [unit.id],
      newParentId: parent.id,
      effectiveOn,
      ...(reason.trim() ? { reason } : {}),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('unit.move')} size="lg" data-testid="move-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {unit.name} — {t('unit.parent')}: {unit.parent?.name ?? t('unit.none')}
          </Text>
          <FormError error={write.error} fields={['newParentId', 'effectiveOn', 'reason']} />
          <UnitPicker
            label={t('unit.newParent')}
            placeholder={t('unit.newParentPlaceholder')}
            asOf={effectiveOn}
            value={parent}
            onChange={(u) => {
              setParent(u);
              setMissing(false);
            }}
            exclude={unit.id}
            error={missing ? t('unit.chooseParent') : fieldError(write.error, 'newParentId')}
            testId="move-parent"
          />
          <DayInput
            label={t('common.effectiveOn')}
            value={effectiveOn}
            onChange={setEffectiveOn}
            error={fieldError(write.error, 'effectiveOn')}
            testId="move-effective"
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
            <Button type="submit" loading={write.isPending} data-testid="move-submit">
              {t('unit.move')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
