import { Alert, Button, Code, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationViews } from '../../api/applications.ts';
import { api } from '../../api/client.ts';
import type { AdmitApplicationInput, Application, SubmitApplicationInput, UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem, useUnitTypeMap } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { PersonFields, personFieldNames } from '../members/PersonFields.tsx';
import { PlacementFields, placementFieldNames, usePlacement } from '../members/PlacementFields.tsx';
import { emptyPerson, type PersonForm, toPersonInput } from '../members/personForm.ts';

const optional = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

/** Nộp đơn thay người lao động: the worker's details and the union the application goes to. */
export function SubmitApplicationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [note, setNote] = useState('');
  const [missingUnit, setMissingUnit] = useState(false);
  const [filed, setFiled] = useState<Application | null>(null);
  const write = useWrite(
    applicationViews,
    (body: SubmitApplicationInput) => api.post<Application>('/applications', body),
    setFiled,
  );

  if (filed) {
    return (
      <Modal opened onClose={onClose} title={t('application.submitTitle')} size="lg" data-testid="application-filed">
        <Stack>
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={t('application.filed')}>
            <Text size="sm">
              {t('application.filedText', { name: filed.applicantName, unit: filed.unitName ?? '' })}
            </Text>
          </Alert>
          <Stack gap={4} align="center">
            <Text size="sm" c="dimmed">
              {t('application.trackingCode')}
            </Text>
            <Code fz="xl" fw={700} px="md" py="xs" data-testid="application-tracking-code">
              {filed.trackingCode}
            </Code>
            <Text size="xs" c="dimmed" ta="center">
              {t('application.trackingHint')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="application-filed-close">
              {t('application.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const submit = () => {
    setMissingUnit(!unit);
    if (!unit) return;
    const applicant = toPersonInput(person);
    write.mutate({
      applicant,
      unitId: unit.id,
      ...(applicant.employerName ? { employerName: applicant.employerName } : {}),
      ...optional('note', note),
    });
  };

  return (
    <FormModal
      title={t('application.submitTitle')}
      testId="application-submit"
      submitLabel={t('application.submit')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={[...personFieldNames('applicant.'), 'unitId', 'note', 'employerName']}
      errorBelow
      size="70rem"
      intro={
        <Text size="sm" c="dimmed">
          {t('application.submitSubtitle')}
        </Text>
      }
    >
      <PersonFields value={person} onChange={setPerson} error={write.error} prefix="applicant." />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <UnitPicker
          label={t('application.unit')}
          placeholder={t('application.unitPlaceholder')}
          asOf={todayVn()}
          value={unit}
          onChange={(u) => {
            setUnit(u);
            setMissingUnit(false);
          }}
          error={missingUnit ? t('application.chooseUnit') : fieldError(write.error, 'unitId')}
          testId="application-unit"
        />
        <Textarea
          label={t('application.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(write.error, 'note')}
          autosize
          minRows={1}
          data-testid="application-note"
        />
      </SimpleGrid>
    </FormModal>
  );
}

type Props = { application: Application; onClose: () => void; onDone: (a: Application) => void };

/** Thẩm định: the upper union marks the application checked. */
export function VerifyModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const write = useWrite(
    applicationViews,
    () => api.post<Application>(`/applications/${application.id}/verify`),
    onDone,
  );
  return (
    <FormModal
      title={t('application.verify')}
      testId="verify-modal"
      submitLabel={t('application.verify')}
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      write={write}
      intro={<Text size="sm">{t('application.verifyText', { name: application.applicantName })}</Text>}
    />
  );
}

/** Kết nạp: into the CĐCS applied to, or one the upper union picks; on a day, with a decision. */
export function AdmitModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const placement = usePlacement();
  const applied = useUnitAsItem(application.unitId, todayVn());
  const types = useUnitTypeMap();
  const [proposed, setProposed] = useState(false);
  const write = useWrite(
    applicationViews,
    (body: AdmitApplicationInput) => api.post<Application>(`/applications/${application.id}/admit`, body),
    onDone,
  );

  // Sent to a CĐCS: that one is proposed; sent to an upper union, the officer picks one.
  const { setUnit } = placement;
  useEffect(() => {
    if (proposed || !applied || types.size === 0) return;
    setProposed(true);
    if (types.get(applied.type)?.isGrassroots) setUnit(applied);
  }, [applied, types, proposed, setUnit]);

  return (
    <FormModal
      title={t('application.admit')}
      testId="admit-app-modal"
      submitLabel={t('application.admit')}
      onClose={onClose}
      onSubmit={() => placement.send(write.mutate)}
      write={write}
      fields={placementFieldNames()}
      intro={
        <Text size="sm" c="dimmed">
          {application.applicantName} — {t('application.appliedTo')}: {application.unitName ?? '—'}
        </Text>
      }
    >
      <PlacementFields
        placement={placement}
        error={write.error}
        testId="admit-app"
        dayLabel={t('member.admittedOn')}
        admission
      />
    </FormModal>
  );
}

/** Từ chối: with the reason the applicant will see. */
export function RejectModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useWrite(
    applicationViews,
    (body: { reason: string }) => api.post<Application>(`/applications/${application.id}/reject`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('application.reject')}
      testId="reject-modal"
      submitLabel={t('application.reject')}
      danger
      onClose={onClose}
      onSubmit={() => write.mutate({ reason: reason.trim() })}
      write={write}
      intro={
        <Text size="sm" c="dimmed">
          {application.applicantName}
        </Text>
      }
      reason={{
        value: reason,
        onChange: setReason,
        label: t('application.reason'),
        description: t('application.reasonHint'),
        required: true,
        multiline: true,
        testId: 'reject-reason',
      }}
    />
  );
}
