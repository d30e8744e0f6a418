import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExtractReport } from '../../api/registerImport.ts';
import { ColumnMapping } from '../../components/ColumnMapping.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';

/** The tiles of a checked or imported extract; `prefix` names them for tests (count-, result-). */
export function ExtractTiles({ report, done }: { report: ExtractReport; done?: boolean }) {
  const { t } = useTranslation();
  const { rows, counts } = report;
  const tiles = [
    ...(done ? [] : ([['rows', rows, 'dark']] as const)),
    ['new', counts.new, 'blue'],
    ['updated', counts.updated, 'cyan'],
    ['unchanged', counts.unchanged, 'gray'],
    ['invalid', counts.invalid, counts.invalid > 0 ? 'red' : 'gray'],
    ['outOfScope', counts.outOfScope, counts.outOfScope > 0 ? 'yellow' : 'gray'],
    ['conflicts', counts.conflicts, counts.conflicts > 0 ? 'orange' : 'gray'],
  ] as const;
  const prefix = done ? 'extract-result' : 'extract-count';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, md: tiles.length }} spacing="sm">
      {tiles.map(([key, n, color]) => (
        <Card key={key} withBorder radius="md" p="sm" data-testid={`${prefix}-${key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
            {t(`registerImport.${done ? 'result' : 'count'}.${key}`)}
          </Text>
          <Text fz={26} fw={700} c={`${color}.7`} data-testid="extract-count">
            {formatNumber(n)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The check at a glance: header row, counts, conflicts it would raise, how each column was read. */
export function ExtractSummary({ report }: { report: ExtractReport }) {
  const { t } = useTranslation();
  const mapped = new Set(report.columns.map((c) => c.field).filter(Boolean));
  const wanted = report.source === 'bhxh' ? ['workforce'] : ['name', 'status'];
  const missing = wanted.filter((f) => !mapped.has(f));

  return (
    <Card withBorder radius="md" p="md" data-testid="extract-summary">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={3}>{t('memberImport.previewTitle', { name: report.fileName })}</Title>
          <Group gap="xs">
            <Badge variant="light" size="lg" radius="sm" color={report.source === 'dpi' ? 'indigo' : 'cyan'} tt="none">
              {t(`registerImport.source.${report.source}`)} · {formatDay(report.asOf)}
            </Badge>
            {report.headerRow !== null && (
              <Badge variant="light" size="lg" radius="sm" data-testid="extract-header-row" data-row={report.headerRow}>
                {t('memberImport.headerRow', { row: report.headerRow })}
              </Badge>
            )}
          </Group>
        </Group>

        <ExtractTiles report={report} />

        {report.counts.conflicts > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="extract-conflicts">
            {t('registerImport.conflictsAhead', { count: report.counts.conflicts })}
          </Alert>
        )}
        {report.counts.outOfScope > 0 && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('registerImport.outOfScopeText', { count: report.counts.outOfScope })}
          </Alert>
        )}

        <ColumnMapping
          columns={report.columns}
          fieldLabel={(f) => t(`registerImport.field.${f}`, { defaultValue: f })}
          testPrefix="extract"
        />

        {missing.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="extract-missing">
            {t('memberImport.missingFields', {
              fields: missing.map((f) => `«${t(`registerImport.field.${f}`)}»`).join(', '),
            })}
          </Alert>
        )}
        {report.warnings.length > 0 && (
          <Alert color="yellow" variant="light" title={t('registerImport.warnings')} data-testid="extract-warnings">
            <List size="sm">
              {report.warnings.slice(0, 20).map((w) => (
                <List.Item key={`${w.row}-${w.column}`}>
                  {t('registerImport.warningAt', { cell: `${w.column}${w.row}` })} {w.message}
                </List.Item>
              ))}
            </List>
            {report.warnings.length > 20 && (
              <Text size="sm" c="dimmed" mt={4}>
                {t('registerImport.moreWarnings', { count: report.warnings.length - 20 })}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
