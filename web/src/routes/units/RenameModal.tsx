import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { UnitDetail, UpdateUnitInput } from '../../api/types.ts';
import { unitViews } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';

export function RenameModal({ unit, onClose, onDone }: { unit: UnitDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [effectiveOn, setEffectiveOn] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useWrite(unitViews, (body: UpdateUnitInput) => api.patch(`/units/${unit.id}`, body), onDone);

  return (
    <FormModal
      title={t('unit.rename')}
      testId="rename-modal"
      submitTestId="rename-submit"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={() => write.mutate({ effectiveOn, name, ...(reason.trim() ? { reason } : {}) })}
      write={write}
      fields={['name']}
      day={{ value: effectiveOn, onChange: setEffectiveOn, testId: 'rename-effective' }}
      reason={{ value: reason, onChange: setReason }}
    >
      <TextInput
        label={t('unit.newName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(write.error, 'name')}
        required
        data-autofocus
        data-testid="rename-name"
      />
    </FormModal>
  );
}
