import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type OpenDriveBody, openDrive, useDriveWrite } from '../../api/drives.ts';
import type { EnterpriseDetail } from '../../api/enterprises.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';

/** Opens an organising drive at an enterprise without a CĐCS; its page opens next. */
export function OpenDriveModal({
  enterprise: e,
  onClose,
}: {
  enterprise: Pick<EnterpriseDetail, 'id' | 'name' | 'upperUnion'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [openedOn, setOpenedOn] = useState(todayVn());
  const [note, setNote] = useState('');
  const assigned = useUnitAsItem(e.upperUnion?.id ?? null, todayVn());
  const [upper, setUpper] = useState<UnitSearchItem | null>(null);
  const [touched, setTouched] = useState(false);
  const chosen = touched ? upper : (upper ?? assigned);
  const write = useDriveWrite(openDrive, (d) => navigate(`/drives/${d.id}`, { state: { opened: true } }));
  const submit = () => {
    const body: OpenDriveBody = { enterpriseId: e.id, openedOn };
    if (chosen && chosen.id !== e.upperUnion?.id) body.upperUnionId = chosen.id;
    if (note.trim()) body.note = note.trim();
    write.mutate(body);
  };
  return (
    <FormModal
      title={t('drive.openTitle', { name: e.name })}
      testId="open-drive-modal"
      submitLabel={t('drive.open')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['upperUnionId', 'note']}
      intro={
        <Text size="sm" c="dimmed">
          {t('drive.openIntro')}
        </Text>
      }
      day={{
        value: openedOn,
        onChange: setOpenedOn,
        field: 'openedOn',
        label: t('drive.openedOn'),
        testId: 'open-drive-day',
        maxDate: todayVn(),
      }}
      reason={{
        value: note,
        onChange: setNote,
        field: 'note',
        label: t('drive.note'),
        multiline: true,
        testId: 'open-drive-note',
      }}
    >
      <UnitPicker
        label={t('drive.upperUnion')}
        placeholder={t('enterprise.upperPlaceholder')}
        asOf={openedOn}
        value={chosen}
        onChange={(u) => {
          setTouched(true);
          setUpper(u);
        }}
        error={fieldError(write.error, 'upperUnionId')}
        testId="open-drive-upper"
      />
    </FormModal>
  );
}
