import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markProblems, readCells, type SheetCells } from '../api/importFile.ts';
import type { ImportReport } from '../api/memberImport.ts';
import { formatNumber } from '../lib/format.ts';

const PAGE = 50;

/**
 * Every problem by row and cell, as Excel names them (C7), with what the cell holds and whose row
 * it is (the member's or the enterprise's name), read from the officer's own file; filtered by
 * column and shown a page at a time. Any import whose report has this shape can show it.
 */
export function ImportProblems({
  report,
  file,
  nameField = 'fullName',
  nameLabel,
}: {
  report: ImportReport;
  file: File;
  /** The mapped field whose cell names the row (a member's full name by default). */
  nameField?: string;
  nameLabel?: string;
}) {
  const { t } = useTranslation();
  const { problems } = report;
  const [column, setColumn] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const cells = useFileCells(file, problems.length > 0);
  const [marking, setMarking] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const goTo = (p: number) => {
    setPage(p);
    top.current?.scrollIntoView({ block: 'start' });
  };

  // A new report starts from its first page, all columns.
  useEffect(() => {
    setColumn(null);
    setPage(1);
  }, [report]);

  const byColumn = useMemo(() => {
    const m = new Map<string, { header: string; count: number }>();
    for (const p of problems) {
      const e = m.get(p.column) ?? { header: p.header, count: 0 };
      e.count++;
      m.set(p.column, e);
    }
    return m;
  }, [problems]);
  const shown = column === null ? problems : problems.filter((p) => p.column === column);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE, current * PAGE);
  const nameColumn = report.columns.find((c) => c.field === nameField)?.letter ?? '';

  const download = async () => {
    setMarking(true);
    try {
      const blob = await markProblems(file, report);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${file.name.replace(/\.[^.]+$/, '')}-loi.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } finally {
      setMarking(false);
    }
  };

  if (problems.length === 0)
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-no-problems">
        {t('memberImport.noProblems')}
      </Alert>
    );

  return (
    <Card withBorder radius="md" p={0} data-testid="import-problems" ref={top}>
      <Stack gap={0}>
        <Group justify="space-between" align="flex-end" p="md" gap="sm">
          <Group gap="xs" align="baseline">
            <Title order={3}>{t('memberImport.problemsTitle')}</Title>
            <Badge color="red" variant="light" size="lg" radius="sm" data-testid="import-problem-count">
              {formatNumber(problems.length)}
            </Badge>
          </Group>
          <Group gap="sm" align="flex-end">
            {byColumn.size > 1 && (
              <Select
                label={t('memberImport.filterColumn')}
                w={300}
                value={column ?? '*'}
                onChange={(v) => {
                  setColumn(v === '*' || v === null ? null : v);
                  setPage(1);
                }}
                allowDeselect={false}
                data={[
                  { value: '*', label: t('memberImport.allColumns', { count: problems.length }) },
                  ...[...byColumn].map(([c, e]) => ({
                    value: c,
                    label: t('memberImport.columnOption', {
                      column: c || '—',
                      header: e.header || t('memberImport.wholeRow'),
                      count: e.count,
                    }),
                  })),
                ]}
                data-testid="import-problem-column"
              />
            )}
            <Tooltip label={t('memberImport.markedFileHint')} multiline w={280} withArrow>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={download}
                loading={marking}
                data-testid="import-marked-file"
              >
                {t('memberImport.markedFile')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing={6} data-testid="import-problem-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('memberImport.row')}</Table.Th>
                <Table.Th w={60}>{t('memberImport.cell')}</Table.Th>
                <Table.Th w={150}>{t('memberImport.column')}</Table.Th>
                <Table.Th w={160}>{t('memberImport.value')}</Table.Th>
                <Table.Th w={190}>{nameLabel ?? t('memberImport.person')}</Table.Th>
                <Table.Th>{t('memberImport.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slice.map((p, i) => (
                <Table.Tr
                  key={`${p.row}-${p.column}-${i}`}
                  data-testid="import-problem"
                  data-cell={`${p.column}${p.row}`}
                >
                  <Table.Td data-testid="problem-row">{p.row}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" fw={600} size="sm" data-testid="problem-cell">
                      {p.column ? `${p.column}${p.row}` : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="problem-header">
                    {p.header || (
                      <Text span size="sm" c="dimmed" fs="italic">
                        {t('memberImport.wholeRow')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-testid="problem-value" style={{ wordBreak: 'break-all' }}>
                      {cells && p.column ? cells.text(p.row, p.column) : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="problem-person">
                      {cells && nameColumn ? cells.text(p.row, nameColumn) : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="red.8" data-testid="problem-message">
                      {p.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="sm" c="dimmed" data-testid="import-problem-shown">
            {t('memberImport.shown', {
              from: formatNumber(shown.length === 0 ? 0 : (current - 1) * PAGE + 1),
              to: formatNumber(Math.min(current * PAGE, shown.length)),
              total: formatNumber(shown.length),
            })}
          </Text>
          {pages > 1 && (
            <Pagination value={current} onChange={goTo} total={pages} size="sm" data-testid="import-problem-pages" />
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The file's cells, read in the background once there is something to show them for. */
function useFileCells(file: File, wanted: boolean): SheetCells | null {
  const [cells, setCells] = useState<{ file: File; cells: SheetCells } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    readCells(file)
      .then((c) => live && setCells({ file, cells: c }))
      // Values are a help, not the report: without them the table still names every cell.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [file, wanted]);
  return cells?.file === file ? cells.cells : null;
}
