import { List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { MoveResult, MoveUnitsInput, UnitSearchItem } from '../../api/types.ts';
import { unitViews } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';

/** How many of the chosen units the modal names before "and N more". */
const NAMED = 5;

/**
 * Moves one unit or many (all under the same current parent) to a new parent from a day on;
 * the server keeps the old placement as history.
 */
export function MoveModal({
  units,
  from,
  defaultDay,
  onClose,
  onDone,
}: {
  units: { id: number; name: string }[];
  /** Their current parent: shown, and not offered as the new one. */
  from: { id: number; name: string } | null;
  /** Proposed effective date; today when not given. */
  defaultDay?: string;
  onClose: () => void;
  onDone: (result: MoveResult) => void;
}) {
  const { t } = useTranslation();
  const [parent, setParent] = useState<UnitSearchItem | null>(null);
  const [effectiveOn, setEffectiveOn] = useState(defaultDay ?? todayVn());
  const [reason, setReason] = useState('');
  const write = useWrite(unitViews, (body: MoveUnitsInput) => api.post<MoveResult>('/units/move', body), onDone);
  const [missing, setMissing] = useState(false);
  const many = units.length > 1;

  const submit = () => {
    setMissing(!parent);
    if (!parent) return;
    write.mutate({
      unitIds: units.map((u) => u.id),
      newParentId: parent.id,
      effectiveOn,
      ...(reason.trim() ? { reason } : {}),
    });
  };

  return (
    <FormModal
      title={many ? t('unit.moveMany', { count: units.length }) : t('unit.move')}
      testId="move-modal"
      submitTestId="move-submit"
      submitLabel={many ? t('unit.moveManySubmit', { count: units.length }) : t('unit.move')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['newParentId']}
      intro={
        many ? (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('unit.moveManyFrom', { parent: from?.name ?? t('unit.none') })}
            </Text>
            <List size="sm" spacing={2} data-testid="move-units">
              {units.slice(0, NAMED).map((u) => (
                <List.Item key={u.id}>{u.name}</List.Item>
              ))}
              {units.length > NAMED && (
                <List.Item c="dimmed">{t('unit.andMore', { count: units.length - NAMED })}</List.Item>
              )}
            </List>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {units[0]?.name} — {t('unit.parent')}: {from?.name ?? t('unit.none')}
          </Text>
        )
      }
      day={{ value: effectiveOn, onChange: setEffectiveOn, testId: 'move-effective' }}
      reason={{ value: reason, onChange: setReason }}
    >
      <UnitPicker
        label={t('unit.newParent')}
        placeholder={t('unit.newParentPlaceholder')}
        asOf={effectiveOn}
        value={parent}
        onChange={(u) => {
          setParent(u);
          setMissing(false);
        }}
        exclude={[...units.map((u) => u.id), ...(from ? [from.id] : [])]}
        error={missing ? t('unit.chooseParent') : fieldError(write.error, 'newParentId')}
        testId="move-parent"
      />
    </FormModal>
  );
}
