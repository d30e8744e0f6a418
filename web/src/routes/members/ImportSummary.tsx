import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/memberImport.ts';
import { ColumnMapping } from '../../components/ColumnMapping.tsx';
import { formatNumber } from '../../lib/format.ts';

/** The label of a field the server mapped a column to, as the member form names it. */
export function fieldLabel(t: TFunction, field: string): string {
  if (field === 'admittedOn' || field === 'decisionNo') return t(`member.${field}`);
  return t(`member.field.${field}`, { defaultValue: field });
}

// Not required, but a list without them makes weak records (no way to tell two people apart).
const ADVISED = ['birthDate', 'gender', 'citizenId'];

/** The check at a glance: header row, counts, and how each column of the file was read. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { rows, counts } = report;
  const valid = rows - counts.invalid;
  const tiles = [
    ['rows', rows, 'dark'],
    ['valid', valid, 'green'],
    ['invalid', counts.invalid, counts.invalid > 0 ? 'red' : 'gray'],
    ['new', counts.new, 'blue'],
    ['updated', counts.updated, 'cyan'],
    ['unchanged', counts.unchanged, 'gray'],
  ] as const;
  const mapped = new Set(report.columns.map((c) => c.field).filter(Boolean));
  const missing = ADVISED.filter((f) => !mapped.has(f));

  return (
    <Card withBorder radius="md" p="md" data-testid="import-summary">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={3}>{t('memberImport.previewTitle', { name: report.fileName })}</Title>
          {report.headerRow !== null && (
            <Badge variant="light" size="lg" radius="sm" data-testid="import-header-row" data-row={report.headerRow}>
              {t('memberImport.headerRow', { row: report.headerRow })}
            </Badge>
          )}
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          {tiles.map(([key, n, color]) => (
            <Card key={key} withBorder radius="md" p="sm" data-testid={`import-count-${key}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
                {t(`memberImport.count.${key}`)}
              </Text>
              <Text fz={26} fw={700} c={`${color}.7`} data-testid="import-count">
                {formatNumber(n)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>

        <ColumnMapping columns={report.columns} fieldLabel={(f) => fieldLabel(t, f)} testPrefix="import" />

        {missing.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="import-missing">
            {t('memberImport.missingFields', { fields: missing.map((f) => `«${fieldLabel(t, f)}»`).join(', ') })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
