import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { createSurvey, type QuestionKind } from '../../api/surveys.ts';
import { useChildren } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';

type Draft = { key: number; text: string; kind: QuestionKind; options: string; required: boolean };
const KINDS: QuestionKind[] = ['single', 'multiple', 'text'];
let nextKey = 1;
const blank = (kind: QuestionKind = 'single'): Draft => ({
  key: nextKey++,
  text: '',
  kind,
  options: '',
  required: true,
});

/** Every server message about one question (its text, kind, options or any single option), joined. */
function questionErrors(error: unknown, i: number, part: string) {
  if (!(error instanceof ApiError)) return undefined;
  const prefix = `questions.${i}.${part}`;
  const found = Object.entries(error.fieldErrors)
    .filter(([f]) => f === prefix || f.startsWith(`${prefix}.`))
    .map(([, m]) => m);
  return found.length > 0 ? found.join(' ') : undefined;
}

/** Create a survey for a unit: a title, an introduction, questions of three kinds, an optional end day. */
export function CreateSurveyModal({
  unit,
  onClose,
  onDone,
}: {
  unit: { id: number; name: string };
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<string[]>([]);
  const [closesOn, setClosesOn] = useState('');
  const [questions, setQuestions] = useState<Draft[]>(() => [blank('single')]);
  const children = useChildren(unit.id, todayVn(), true);
  const change = (key: number, patch: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const write = useWrite(
    ['surveys'],
    () =>
      createSurvey({
        unitId: unit.id,
        title,
        description,
        questions: questions.map((q, i) => ({
          id: `q${i + 1}`,
          text: q.text,
          kind: q.kind,
          options:
            q.kind === 'text'
              ? []
              : q.options
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean),
          required: q.required,
        })),
        ...(audience.length > 0 ? { audienceUnitIds: audience.map(Number) } : {}),
        // The end day is a Vietnamese calendar day: the survey closes at its last second there.
        ...(closesOn ? { closesAt: `${closesOn}T23:59:59+07:00` } : {}),
      }),
    (s) => onDone(s.id),
  );
  const options = (children.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  const handled = ['title', 'description', 'audienceUnitIds', 'closesAt', 'questions'];
  const shown = (f: string) => handled.includes(f) || /^questions\.\d+\./.test(f);

  return (
    <FormModal
      title={t('surveys.createTitle')}
      testId="survey-create-modal"
      submitTestId="survey-create-submit"
      submitLabel={t('surveys.createSubmit')}
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      write={write}
      fields={write.error instanceof ApiError ? Object.keys(write.error.fieldErrors).filter(shown) : handled}
      intro={t('surveys.createIntro', { unit: unit.name })}
      errorBelow
      size="xl"
    >
      <TextInput
        label={t('surveys.fields.title')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError(write.error, 'title')}
        data-testid="survey-title"
      />
      <Textarea
        label={t('surveys.fields.description')}
        autosize
        minRows={2}
        maxLength={4000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fieldError(write.error, 'description')}
        data-testid="survey-description"
      />
      <Group grow align="flex-start">
        {options.length > 0 && (
          <MultiSelect
            label={t('surveys.fields.audience')}
            description={t('surveys.fields.audienceHint')}
            placeholder={audience.length === 0 ? t('surveys.fields.audiencePlaceholder') : undefined}
            data={options}
            value={audience}
            onChange={setAudience}
            searchable
            clearable
            error={fieldError(write.error, 'audienceUnitIds')}
            data-testid="survey-audience"
          />
        )}
        <Stack gap={2}>
          <DayInput
            label={t('surveys.fields.closesOn')}
            value={closesOn}
            onChange={setClosesOn}
            required={false}
            error={fieldError(write.error, 'closesAt')}
            testId="survey-closes-on"
          />
          <Text size="xs" c="dimmed">
            {t('surveys.fields.closesOnHint')}
          </Text>
        </Stack>
      </Group>
      <Text fw={600}>{t('surveys.questions')}</Text>
      {questions.map((q, i) => (
        <Card key={q.key} withBorder radius="md" p="sm" data-testid="survey-question">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('surveys.question', { n: i + 1 })}
              </Text>
              <Group gap="sm">
                <SegmentedControl
                  size="xs"
                  value={q.kind}
                  onChange={(v) => change(q.key, { kind: v as QuestionKind })}
                  data={KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
                  data-testid="survey-question-kind"
                />
                <Checkbox
                  size="xs"
                  label={t('surveys.required')}
                  checked={q.required}
                  onChange={(e) => change(q.key, { required: e.currentTarget.checked })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={questions.length === 1}
                  onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                  aria-label={t('surveys.removeQuestion')}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
            <TextInput
              placeholder={t('surveys.questionText')}
              aria-label={t('surveys.questionText')}
              value={q.text}
              maxLength={500}
              onChange={(e) => change(q.key, { text: e.currentTarget.value })}
              error={questionErrors(write.error, i, 'text') ?? questionErrors(write.error, i, 'id')}
              data-testid="survey-question-text"
            />
            {q.kind !== 'text' && (
              <Textarea
                label={t('surveys.options')}
                autosize
                minRows={2}
                value={q.options}
                onChange={(e) => change(q.key, { options: e.currentTarget.value })}
                error={questionErrors(write.error, i, 'options')}
                data-testid="survey-question-options"
              />
            )}
          </Stack>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={questions.length >= 30}
          onClick={() => setQuestions((qs) => [...qs, blank()])}
          data-testid="survey-add-question"
        >
          {t('surveys.addQuestion')}
        </Button>
        {fieldError(write.error, 'questions') && (
          <Text size="sm" c="red">
            {fieldError(write.error, 'questions')}
          </Text>
        )}
      </Group>
    </FormModal>
  );
}
