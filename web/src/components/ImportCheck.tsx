import { Alert, Card, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { ImportReport, ImportTake } from '../api/memberImport.ts';
import { FormError } from './FormError.tsx';
import { ImportActions } from './ImportActions.tsx';

/** The server's problem as it is; a request that never got an answer says what to try instead. */
const sendError = (error: Error | null, failed: string) =>
  error === null || error instanceof ApiError ? error : new Error(failed);

/**
 * The check of an uploaded file before anything is written, shared by the member and the register
 * imports: being checked, not sent, the report (what the page shows of it, then a refused commit,
 * then the two ways to import), or nothing chosen yet. Test ids start with `testPrefix`.
 */
export function ImportCheck<R extends ImportReport>({
  testPrefix,
  file,
  checking,
  checkError,
  report,
  notCommitted,
  commitError,
  pendingTake,
  onImport,
  emptyText,
  emptyWidth,
  children,
}: {
  testPrefix: string;
  file: File | null;
  checking: boolean;
  checkError: Error | null;
  report: R | undefined;
  /** The last commit was refused (the file or the register changed since the check). */
  notCommitted: boolean;
  commitError: Error | null;
  pendingTake: ImportTake | undefined;
  onImport: (take: ImportTake) => void;
  emptyText: string;
  emptyWidth: number;
  children: (report: R, file: File) => ReactNode;
}) {
  const { t } = useTranslation();
  if (checking)
    return (
      <Card withBorder radius="md" p="xl">
        <Center>
          <Group gap="sm">
            <Loader size="sm" />
            <Text data-testid={`${testPrefix}-checking`}>{t('memberImport.checking', { name: file?.name ?? '' })}</Text>
          </Group>
        </Center>
      </Card>
    );
  if (checkError) return <FormError error={sendError(checkError, t('memberImport.uploadFailed'))} fields={[]} />;
  if (report && file)
    return (
      <>
        {children(report, file)}
        {notCommitted && (
          <Alert color="orange" variant="light" data-testid={`${testPrefix}-not-committed`}>
            {t('memberImport.notCommitted')}
          </Alert>
        )}
        <FormError error={sendError(commitError, t('memberImport.uploadFailed'))} fields={[]} />
        <ImportActions report={report} pending={pendingTake} onImport={onImport} />
      </>
    );
  return (
    <Card withBorder radius="md" p="xl" data-testid={`${testPrefix}-empty`}>
      <Stack align="center" gap="xs" py="md">
        <ThemeIcon size={52} radius="xl" variant="light" color="blue">
          <IconUpload size={28} />
        </ThemeIcon>
        <Text c="dimmed" ta="center" maw={emptyWidth}>
          {emptyText}
        </Text>
      </Stack>
    </Card>
  );
}
