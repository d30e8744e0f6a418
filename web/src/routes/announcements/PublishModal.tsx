import { MultiSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishAnnouncement } from '../../api/announcements.ts';
import { useChildren } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayVn } from '../../lib/format.ts';

/** Publish for a unit: a title, the text, and optionally some of its direct sub-units as the audience. */
export function PublishModal({
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
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<string[]>([]);
  const children = useChildren(unit.id, todayVn(), true);
  const write = useWrite(
    ['announcements'],
    () =>
      publishAnnouncement({
        unitId: unit.id,
        title,
        body,
        ...(audience.length > 0 ? { audienceUnitIds: audience.map(Number) } : {}),
      }),
    (a) => onDone(a.id),
  );
  const options = (children.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <FormModal
      title={t('announcements.publishTitle')}
      testId="announcement-publish-modal"
      submitTestId="announcement-publish-submit"
      submitLabel={t('announcements.publishSubmit')}
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      write={write}
      fields={['title', 'body', 'audienceUnitIds']}
      intro={t('announcements.publishIntro', { unit: unit.name })}
      errorBelow
    >
      <TextInput
        label={t('announcements.fields.title')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError(write.error, 'title')}
        data-testid="announcement-title"
      />
      <Textarea
        label={t('announcements.fields.body')}
        required
        autosize
        minRows={5}
        maxRows={14}
        maxLength={10000}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={fieldError(write.error, 'body')}
        data-testid="announcement-body"
      />
      {options.length > 0 && (
        <MultiSelect
          label={t('announcements.fields.audience')}
          description={t('announcements.fields.audienceHint')}
          placeholder={audience.length === 0 ? t('announcements.fields.audiencePlaceholder') : undefined}
          data={options}
          value={audience}
          onChange={setAudience}
          searchable
          clearable
          maxDropdownHeight={260}
          error={fieldError(write.error, 'audienceUnitIds')}
          data-testid="announcement-audience"
        />
      )}
    </FormModal>
  );
}
