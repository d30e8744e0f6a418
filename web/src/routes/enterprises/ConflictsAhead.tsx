import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExtractReport } from '../../api/registerImport.ts';

type Workforce = { total?: number | null; women?: number | null };
const number = (n: number) => n.toLocaleString('vi-VN');
/** A value as the conflicts page words it: a workforce as "300 lao động (nữ 210)", others as they are. */
function shown(v: unknown, workers: (n: string) => string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && 'total' in v) {
    const w = v as Workforce;
    const base = workers(number(w.total ?? 0));
    return w.women === null || w.women === undefined ? base : `${base} (nữ ${number(w.women)})`;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The conflicts an extract would raise, listed in the preview: the officer sees which enterprises
 * and which values before importing, not only how many.
 */
export function ConflictsAhead({ report }: { report: ExtractReport }) {
  const { t } = useTranslation();
  const workers = (n: string) => t('conflict.workers', { count: 2, n });
  if (report.conflicts.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" data-testid="extract-conflicts-ahead">
      <Stack gap="xs">
        <Title order={4}>{t('registerImport.conflictsListTitle')}</Title>
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registerImport.field.taxCode')}</Table.Th>
                <Table.Th>{t('registerImport.field.name')}</Table.Th>
                <Table.Th>{t('conflict.kindLabel')}</Table.Th>
                <Table.Th>{t('conflict.ours')}</Table.Th>
                <Table.Th>{t('conflict.theirs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.conflicts.map((c) => (
                <Table.Tr key={`${c.taxCode}-${c.field}`} data-testid="extract-conflict-row">
                  <Table.Td ff="monospace">{c.taxCode}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{t(`conflict.kind.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
                  <Table.Td>{shown(c.ourValue, workers)}</Table.Td>
                  <Table.Td>{shown(c.registerValue, workers)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {report.counts.conflicts > report.conflicts.length && (
          <Text size="sm" c="dimmed">
            {t('registerImport.conflictsListMore', { shown: report.conflicts.length, count: report.counts.conflicts })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
