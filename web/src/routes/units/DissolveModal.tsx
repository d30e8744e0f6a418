import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { DissolveUnitInput, UnitDetail } from '../../api/types.ts';
import { unitViews } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';

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
  const write = useWrite(unitViews, (body: DissolveUnitInput) => api.post(`/units/${unit.id}/dissolve`, body), onDone);

  return (
    <FormModal
      title={t('unit.dissolve')}
      testId="dissolve-modal"
      submitTestId="dissolve-submit"
      submitLabel={t('unit.dissolve')}
      danger
      onClose={onClose}
      onSubmit={() => write.mutate({ effectiveOn, ...(reason.trim() ? { reason } : {}) })}
      write={write}
      intro={<Text size="sm">{t('unit.dissolveConfirm', { name: unit.name })}</Text>}
      day={{ value: effectiveOn, onChange: setEffectiveOn, testId: 'dissolve-effective' }}
      reason={{ value: reason, onChange: setReason }}
    />
  );
}
