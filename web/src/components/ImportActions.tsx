import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilterCheck, IconTableImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportTake } from '../api/memberImport.ts';
import { formatNumber } from '../lib/format.ts';

/** The two ways to import a checked file: every row (only a clean file), or the valid rows, skipping the rest. */
export function ImportActions({
  report,
  pending,
  onImport,
}: {
  report: ImportReport;
  /** Which import is running, if one is. */
  pending: ImportTake | undefined;
  onImport: (take: ImportTake) => void;
}) {
  const { t } = useTranslation();
  const invalid = report.counts.invalid;
  const valid = report.rows - invalid;
  const clean = report.problems.length === 0 && invalid === 0;
  return (
    <Card withBorder radius="md" p="md" data-testid="import-actions">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={6}>
          <Group>
            <Button
              size="md"
              leftSection={<IconTableImport size={18} />}
              disabled={!clean || report.rows === 0 || (pending !== undefined && pending !== 'all')}
              loading={pending === 'all'}
              onClick={() => onImport('all')}
              data-testid="import-all"
            >
              {t('memberImport.importAll')}
            </Button>
          </Group>
          <Text size="sm" c={clean ? 'dimmed' : 'orange.8'} data-testid="import-all-hint">
            {clean ? t('memberImport.importAllHint') : t('memberImport.importAllBlocked', { count: invalid })}
          </Text>
        </Stack>
        <Stack gap={6}>
          <Group>
            <Button
              size="md"
              variant={clean ? 'default' : 'light'}
              color={clean ? undefined : 'orange'}
              leftSection={<IconFilterCheck size={18} />}
              disabled={valid <= 0 || (pending !== undefined && pending !== 'valid')}
              loading={pending === 'valid'}
              onClick={() => onImport('valid')}
              data-testid="import-valid"
            >
              {t('memberImport.importValid')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('memberImport.importValidHint', { valid: formatNumber(valid), invalid: formatNumber(invalid) })}
          </Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
