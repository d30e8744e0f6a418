import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from './DayInput.tsx';
import { FormError, fieldError } from './FormError.tsx';

/** The effective day of a change, as most writes take it. */
export type DayField = {
  value: string;
  onChange: (day: string) => void;
  /** How the server names it in errors; 'effectiveOn' unless given. */
  field?: string;
  label?: string;
  testId?: string;
  maxDate?: string;
};

/** Why a change is made: optional and one line unless told otherwise. */
export type ReasonField = {
  value: string;
  onChange: (reason: string) => void;
  field?: string;
  label?: string;
  description?: string;
  required?: boolean;
  multiline?: boolean;
  testId?: string;
  /** A message from the form's own check, shown before the server's. */
  error?: string;
};

/**
 * A write in a modal: an intro, the fields (children), an optional day and reason, the server's
 * problem (its field messages go under the inputs that have them, the rest in one alert), and
 * cancel + submit with the write's pending state.
 */
export function FormModal(props: {
  title: string;
  /** The modal's data-testid; the submit button's is `${testId}-submit` unless `submitTestId` says. */
  testId: string;
  submitTestId?: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  /** The write (a mutation): its pending state, and its error (an ApiError carries the server's field messages). */
  write: { isPending: boolean; error: unknown };
  /** Fields the children show errors for (none unless given); the day's and the reason's are added. */
  fields?: string[];
  intro?: ReactNode;
  day?: DayField;
  reason?: ReasonField;
  /** Long forms: the problem is shown next to the buttons rather than above the fields. */
  errorBelow?: boolean;
  danger?: boolean;
  size?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { day, reason } = props;
  const dayField = day?.field ?? 'effectiveOn';
  const reasonField = reason?.field ?? 'reason';
  const { error } = props.write;
  const fields = [...(props.fields ?? []), ...(day ? [dayField] : []), ...(reason ? [reasonField] : [])];
  const problem = <FormError error={error} fields={fields} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  const reasonProps = reason && {
    label: reason.label ?? t('common.reason'),
    description: reason.description,
    required: reason.required,
    value: reason.value,
    onChange: (e: { currentTarget: { value: string } }) => reason.onChange(e.currentTarget.value),
    error: reason.error ?? fieldError(error, reasonField),
    'data-testid': reason.testId,
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} data-testid={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.intro}
          {!props.errorBelow && problem}
          {props.children}
          {day && (
            <DayInput
              label={day.label ?? t('common.effectiveOn')}
              value={day.value}
              onChange={day.onChange}
              error={fieldError(error, dayField)}
              maxDate={day.maxDate}
              testId={day.testId}
            />
          )}
          {reasonProps &&
            (reason?.multiline ? <Textarea {...reasonProps} autosize minRows={2} /> : <TextInput {...reasonProps} />)}
          {props.errorBelow && problem}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.danger ? 'red' : undefined}
              loading={props.write.isPending}
              data-testid={props.submitTestId ?? `${props.testId}-submit`}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
