import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/memberImport.ts';
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

        <div>
          <Text fw={600} mb={6}>
            {t('memberImport.mappingTitle')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder verticalSpacing={6} data-testid="import-mapping">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('memberImport.column')}</Table.Th>
                  <Table.Th>{t('memberImport.header')}</Table.Th>
                  <Table.Th w={40} />
                  <Table.Th>{t('memberImport.field')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.columns
                  .filter((c) => c.header)
                  .map((c) => (
                    <Table.Tr
                      key={c.letter}
                      data-testid="import-column"
                      data-letter={c.letter}
                      data-field={c.field ?? ''}
                      c={c.field ? undefined : 'dimmed'}
                    >
                      <Table.Td>
                        <Text ff="monospace" fw={600} size="sm">
                          {c.letter}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.header}</Table.Td>
                      <Table.Td>
                        <IconArrowRight size={14} color="var(--mantine-color-gray-5)" />
                      </Table.Td>
                      <Table.Td>
                        {c.field ? (
                          <Badge variant="light" color="blue" radius="sm" tt="none">
                            {fieldLabel(t, c.field)}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed" fs="italic">
                            {t('memberImport.ignored')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>

        {missing.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="import-missing">
            {t('memberImport.missingFields', { fields: missing.map((f) => `«${fieldLabel(t, f)}»`).join(', ') })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
