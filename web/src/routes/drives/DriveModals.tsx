import { Input, NumberInput, Rating, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  abandonDrive,
  type ContactBody,
  type DriveDetail,
  logContact,
  moveStage,
  type StageInput,
  useDriveWrite,
} from '../../api/drives.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';
import { STAGES } from './stages.ts';

type Props = { drive: DriveDetail; onClose: () => void; onDone: () => void };

/** Moves the drive to another stage (usually the next) from a day on, with a note. */
export function StageModal({ drive: d, onClose, onDone }: Props) {
  const { t } = useTranslation();
  // Recognition has its own action: it founds the CĐCS.
  const choices = STAGES.filter((s): s is StageInput['stage'] => s !== 'recognition' && s !== d.stage);
  const next = choices.find((s) => STAGES.indexOf(s) === STAGES.indexOf(d.stage) + 1);
  const [stage, setStage] = useState<StageInput['stage']>(next ?? (choices[0] as StageInput['stage']));
  const [onDate, setOnDate] = useState(todayVn());
  const [note, setNote] = useState('');
  const write = useDriveWrite((body: StageInput) => moveStage(d.id, body), onDone);
  return (
    <FormModal
      title={t('drive.move')}
      testId="stage-modal"
      submitLabel={t('drive.moveSubmit')}
      onClose={onClose}
      onSubmit={() => write.mutate({ stage, onDate, ...(note.trim() ? { note: note.trim() } : {}) })}
      write={write}
      fields={['stage']}
      intro={
        <Text size="sm" c="dimmed">
          {t('drive.moveIntro', { stage: t(`drive.stage.${d.stage}`) })}
        </Text>
      }
      day={{ value: onDate, onChange: setOnDate, field: 'onDate', testId: 'stage-day', maxDate: todayVn() }}
      reason={{
        value: note,
        onChange: setNote,
        field: 'note',
        label: t('drive.note'),
        multiline: true,
        testId: 'stage-note',
      }}
    >
      <Select
        label={t('drive.newStage')}
        data={choices.map((s) => ({ value: s, label: `${STAGES.indexOf(s) + 1}. ${t(`drive.stage.${s}`)}` }))}
        value={stage}
        onChange={(v) => v && setStage(v as StageInput['stage'])}
        allowDeselect={false}
        error={fieldError(write.error, 'stage')}
        data-testid="stage-select"
      />
    </FormModal>
  );
}

/** Stops the drive: the reason is kept on it. */
export function AbandonModal({ drive: d, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [onDate, setOnDate] = useState(todayVn());
  const [reason, setReason] = useState('');
  const write = useDriveWrite((body: { onDate: string; reason: string }) => abandonDrive(d.id, body), onDone);
  return (
    <FormModal
      title={t('drive.abandon')}
      testId="abandon-modal"
      submitLabel={t('drive.abandonSubmit')}
      danger
      onClose={onClose}
      onSubmit={() => write.mutate({ onDate, reason })}
      write={write}
      intro={
        <Text size="sm" c="dimmed">
          {t('drive.abandonIntro')}
        </Text>
      }
      day={{ value: onDate, onChange: setOnDate, field: 'onDate', testId: 'abandon-day', maxDate: todayVn() }}
      reason={{
        value: reason,
        onChange: setReason,
        label: t('drive.abandonReason'),
        required: true,
        multiline: true,
        testId: 'abandon-reason',
      }}
    />
  );
}

/** One contact with workers: when, who, how many, what was said, and how much they support a union. */
export function ContactModal({ drive: d, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [contactedOn, setContactedOn] = useState(todayVn());
  const [workerLabel, setWorkerLabel] = useState('');
  const [workersReached, setWorkersReached] = useState<number | string>(1);
  const [summary, setSummary] = useState('');
  const [support, setSupport] = useState(0);
  const write = useDriveWrite((body: ContactBody) => logContact(d.id, body), onDone);
  const submit = () =>
    write.mutate({
      contactedOn,
      summary,
      support,
      workersReached: typeof workersReached === 'number' ? workersReached : 1,
      ...(workerLabel.trim() ? { workerLabel: workerLabel.trim() } : {}),
    });
  return (
    <FormModal
      title={t('drive.contact.add')}
      testId="contact-modal"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['contactedOn', 'workerLabel', 'workersReached', 'summary', 'support']}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DayInput
            label={t('drive.contact.date')}
            value={contactedOn}
            onChange={setContactedOn}
            maxDate={todayVn()}
            error={fieldError(write.error, 'contactedOn')}
            testId="contact-day"
          />
          <NumberInput
            label={t('drive.contact.reached')}
            value={workersReached}
            onChange={setWorkersReached}
            min={1}
            allowDecimal={false}
            error={fieldError(write.error, 'workersReached')}
            data-testid="contact-reached"
          />
        </SimpleGrid>
        <TextInput
          label={t('drive.contact.who')}
          description={t('drive.contact.whoHint')}
          value={workerLabel}
          onChange={(e) => setWorkerLabel(e.currentTarget.value)}
          error={fieldError(write.error, 'workerLabel')}
          data-autofocus
          data-testid="contact-who"
        />
        <Textarea
          label={t('drive.contact.summary')}
          placeholder={t('drive.contact.summaryPlaceholder')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={fieldError(write.error, 'summary')}
          data-testid="contact-summary"
        />
        <Input.Wrapper
          label={t('drive.contact.support')}
          description={t('drive.contact.supportHint')}
          required
          error={fieldError(write.error, 'support')}
        >
          <Rating value={support} onChange={setSupport} size="lg" mt={4} data-testid="contact-support" />
        </Input.Wrapper>
      </Stack>
    </FormModal>
  );
}
