import { Alert, Button, FileButton, List } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type AllocationTable, allocationXlsxUrl } from '../../api/plans.ts';

const LISTED = 15;

/** The table to fill in Excel, and the filled-in file back (officers pass these tables around by e-mail). */
export function AllocationFileButtons(props: {
  table: AllocationTable;
  /** Typed cells not saved yet: a file would be read over them, so save or discard first. */
  blocked: boolean;
  uploading: boolean;
  onUpload: (file: File) => void;
}) {
  const { t } = useTranslation();
  const { table } = props;
  const reset = useRef<() => void>(null);
  return (
    <>
      <Button
        component="a"
        href={allocationXlsxUrl(table.target.id, table.unit.id, table.granularity)}
        download
        variant="default"
        leftSection={<IconDownload size={16} />}
        data-testid="grid-download"
      >
        {t('plans.file.download')}
      </Button>
      {table.canEdit && (
        <FileButton
          onChange={(f) => {
            if (f) props.onUpload(f);
            // The same file may be chosen again after fixing it.
            reset.current?.();
          }}
          accept=".xlsx,.csv"
          resetRef={reset}
        >
          {(button) => (
            <Button
              {...button}
              variant="default"
              leftSection={<IconUpload size={16} />}
              loading={props.uploading}
              disabled={props.blocked}
              title={props.blocked ? t('plans.file.blocked') : undefined}
              data-testid="grid-upload"
            >
              {t('plans.file.upload')}
            </Button>
          )}
        </FileButton>
      )}
    </>
  );
}

/** Why a file was refused: the server names each problem by file, row and column, and wrote nothing. */
export function UploadProblems({ error }: { error: unknown }) {
  if (!error) return null;
  const title = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title}
      mx="md"
      mt="sm"
      data-testid="grid-upload-problems"
    >
      {problems.length > 0 && (
        <List size="sm">
          {problems.slice(0, LISTED).map(([where, message]) => (
            <List.Item key={where}>
              {where}: {message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
