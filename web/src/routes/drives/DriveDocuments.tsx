import { Anchor, Badge, Button, Card, FileInput, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriveDetail, type DriveStage, documentUrl, uploadDocument, useDriveWrite } from '../../api/drives.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { formatDay } from '../../lib/format.ts';
import { STAGES } from './stages.ts';

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Minutes, lists of the organising committee, the founding conference's record...: attached by stage. */
export function DriveDocuments({ drive: d }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState<DriveStage>(d.stage);
  const write = useDriveWrite(
    (input: { file: File; title: string; stage: DriveStage }) => uploadDocument(d.id, input),
    () => {
      setAdding(false);
      setFile(null);
      setTitle('');
    },
  );
  const docs = [...d.documents].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));

  return (
    <Card withBorder radius="md" p="md" data-testid="drive-documents">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('drive.documents')}</Title>
        {d.canWrite && !adding && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPaperclip size={14} />}
            onClick={() => setAdding(true)}
            data-testid="document-add"
          >
            {t('drive.attach')}
          </Button>
        )}
      </Group>
      {adding && (
        <Stack gap="xs" mb="sm">
          <FileInput
            label={t('drive.document.file')}
            placeholder={t('drive.document.filePlaceholder')}
            value={file}
            onChange={(f) => {
              setFile(f);
              if (f && !title) setTitle(f.name.replace(/\.[^.]+$/, ''));
            }}
            leftSection={<IconUpload size={16} />}
            error={fieldError(write.error, 'body')}
            data-testid="document-file"
          />
          <TextInput
            label={t('drive.document.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(write.error, 'title')}
            data-testid="document-title"
          />
          <Select
            label={t('drive.document.stage')}
            data={STAGES.map((s) => ({ value: s, label: t(`drive.stage.${s}`) }))}
            value={stage}
            onChange={(v) => v && setStage(v as DriveStage)}
            allowDeselect={false}
          />
          {write.isError && !fieldError(write.error, 'body') && <ErrorAlert error={write.error} />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              disabled={!file || !title.trim()}
              loading={write.isPending}
              onClick={() => file && write.mutate({ file, title: title.trim(), stage })}
              data-testid="document-upload"
            >
              {t('drive.document.upload')}
            </Button>
          </Group>
        </Stack>
      )}
      {docs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('drive.document.none')}
        </Text>
      ) : (
        <Stack gap={8}>
          {docs.map((doc) => (
            <Group key={doc.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="drive-document">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  href={documentUrl(d.id, doc.id)}
                  download={doc.fileName}
                  size="sm"
                  fw={500}
                  lineClamp={1}
                  data-testid="document-link"
                >
                  {doc.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {doc.fileName} · {kb(doc.size)} · {formatDay(doc.uploadedAt)}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge size="xs" variant="light" tt="none">
                  {t(`drive.stage.${doc.stage}`, { defaultValue: doc.stage })}
                </Badge>
                <Anchor
                  href={documentUrl(d.id, doc.id)}
                  download={doc.fileName}
                  aria-label={t('drive.document.download')}
                >
                  <IconDownload size={16} />
                </Anchor>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
