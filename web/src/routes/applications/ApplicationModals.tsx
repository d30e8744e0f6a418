import { Alert, Button, Code, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicationWrite } from '../../api/applications.ts';
import { api } from '../../api/client.ts';
import type { AdmitApplicationInput, Application, SubmitApplicationInput, UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem, useUnitTypeMap } from '../../api/units.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { PersonFields, personFieldNames } from '../members/PersonFields.tsx';
import { emptyPerson, type PersonForm, toPersonInput } from '../members/personForm.ts';

const optional = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

function Frame(props: {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  danger?: boolean;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} data-testid={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.danger ? 'red' : undefined}
              loading={props.pending}
              data-testid={`${props.testId}-submit`}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Nộp đơn thay người lao động: the worker's details and the union the application goes to. */
export function SubmitApplicationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [note, setNote] = useState('');
  const [missingUnit, setMissingUnit] = useState(false);
  const [filed, setFiled] = useState<Application | null>(null);
  const write = useApplicationWrite(
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
    <Frame
      title={t('application.submitTitle')}
      testId="application-submit"
      onClose={onClose}
      onSubmit={submit}
      pending={write.isPending}
      submitLabel={t('application.submit')}
      size="70rem"
    >
      <Text size="sm" c="dimmed">
        {t('application.submitSubtitle')}
      </Text>
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
      <FormError error={write.error} fields={[...personFieldNames('applicant.'), 'unitId', 'note', 'employerName']} />
    </Frame>
  );
}

type Props = { application: Application; onClose: () => void; onDone: (a: Application) => void };

/** Thẩm định: the upper union marks the application checked. */
export function VerifyModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const write = useApplicationWrite(() => api.post<Application>(`/applications/${application.id}/verify`), onDone);
  return (
    <Frame
      title={t('application.verify')}
      testId="verify-modal"
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      pending={write.isPending}
      submitLabel={t('application.verify')}
    >
      <Text size="sm">{t('application.verifyText', { name: application.applicantName })}</Text>
      <FormError error={write.error} fields={[]} />
    </Frame>
  );
}

/** Kết nạp: into the CĐCS applied to, or one the upper union picks; on a day, with a decision. */
export function AdmitModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [onDate, setOnDate] = useState(todayVn());
  const [decisionNo, setDecisionNo] = useState('');
  const [missing, setMissing] = useState(false);
  const applied = useUnitAsItem(application.unitId, todayVn());
  const types = useUnitTypeMap();
  const [proposed, setProposed] = useState(false);
  const write = useApplicationWrite(
    (body: AdmitApplicationInput) => api.post<Application>(`/applications/${application.id}/admit`, body),
    onDone,
  );

  // Sent to a CĐCS: that one is proposed; sent to an upper union, the officer picks one.
  useEffect(() => {
    if (proposed || !applied || types.size === 0) return;
    setProposed(true);
    if (types.get(applied.type)?.isGrassroots) setUnit(applied);
  }, [applied, types, proposed]);

  const submit = () => {
    setMissing(!unit);
    if (unit) write.mutate({ unitId: unit.id, onDate, ...optional('decisionNo', decisionNo) });
  };
  return (
    <Frame
      title={t('application.admit')}
      testId="admit-app-modal"
      onClose={onClose}
      onSubmit={submit}
      pending={write.isPending}
      submitLabel={t('application.admit')}
    >
      <Text size="sm" c="dimmed">
        {application.applicantName} — {t('application.appliedTo')}: {application.unitName ?? '—'}
      </Text>
      <FormError error={write.error} fields={['unitId', 'onDate', 'decisionNo']} />
      <UnitPicker
        label={t('member.grassroots')}
        placeholder={t('member.grassrootsPlaceholder')}
        asOf={onDate}
        value={unit}
        onChange={(u) => {
          setUnit(u);
          setMissing(false);
        }}
        grassrootsOnly
        error={missing ? t('member.chooseGrassroots') : fieldError(write.error, 'unitId')}
        testId="admit-app-unit"
      />
      <DayInput
        label={t('member.admittedOn')}
        value={onDate}
        onChange={setOnDate}
        error={fieldError(write.error, 'onDate')}
        maxDate={todayVn()}
        testId="admit-app-date"
      />
      <TextInput
        label={t('member.decisionNo')}
        placeholder={t('member.decisionNoPlaceholder')}
        value={decisionNo}
        onChange={(e) => setDecisionNo(e.currentTarget.value)}
        error={fieldError(write.error, 'decisionNo')}
        data-testid="admit-app-decision"
      />
    </Frame>
  );
}

/** Từ chối: with the reason the applicant will see. */
export function RejectModal({ application, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useApplicationWrite(
    (body: { reason: string }) => api.post<Application>(`/applications/${application.id}/reject`, body),
    onDone,
  );
  return (
    <Frame
      title={t('application.reject')}
      testId="reject-modal"
      onClose={onClose}
      onSubmit={() => write.mutate({ reason: reason.trim() })}
      pending={write.isPending}
      submitLabel={t('application.reject')}
      danger
    >
      <Text size="sm" c="dimmed">
        {application.applicantName}
      </Text>
      <FormError error={write.error} fields={['reason']} />
      <Textarea
        label={t('application.reason')}
        description={t('application.reasonHint')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(write.error, 'reason')}
        autosize
        minRows={2}
        data-testid="reject-reason"
      />
    </Frame>
  );
}
