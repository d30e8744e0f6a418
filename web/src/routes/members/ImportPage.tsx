import {
  Anchor,
  Button,
  Card,
  Collapse,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCircleCheck,
  IconFileSpreadsheet,
  IconInfoCircle,
  IconRefresh,
  IconUpload,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type ImportReport, type ImportTake, useCommitImport, usePreviewImport } from '../../api/memberImport.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { ImportCheck } from '../../components/ImportCheck.tsx';
import { ImportProblems } from '../../components/ImportProblems.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatNumber, todayVn } from '../../lib/format.ts';
import { ImportSummary } from './ImportSummary.tsx';
import { MembersTabs } from './MembersTabs.tsx';

/**
 * Nhập đoàn viên từ Excel: choose the CĐCS and the file; the file is checked at once (nothing
 * written), the officer sees how its columns were read and every problem by row and cell, then
 * imports all rows (only when none is wrong) or only the valid ones.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const today = todayVn();
  const [params] = useSearchParams();
  const me = useMe();
  // A unit in the address (?unit=…) or, for a CĐCS officer, their own CĐCS is proposed.
  const ownUnit = me.data?.roles.find((r) => r.role === 'grassroots_officer')?.unitId ?? null;
  const proposed = useUnitAsItem(Number(params.get('unit')) || ownUnit, today);
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [unitTouched, setUnitTouched] = useState(false);
  const chosenUnit = unitTouched ? unit : (unit ?? proposed);
  const [file, setFile] = useState<File | null>(null);
  const [helpOpen, help] = useDisclosure(false);
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const { reset: resetPreview, mutate: runPreview } = preview;
  const { reset: resetCommit } = commit;

  // A new unit or file is a new check: what was shown for the old pair no longer holds.
  const unitId = chosenUnit?.id ?? null;
  useEffect(() => {
    resetCommit();
    if (unitId && file) runPreview({ file, unitId });
    else resetPreview();
  }, [unitId, file, runPreview, resetPreview, resetCommit]);

  const doImport = (take: ImportTake) => {
    if (file && unitId) commit.mutate({ file, unitId, take });
  };
  const startOver = () => {
    setFile(null);
    preview.reset();
    commit.reset();
  };
  // A refused commit (the file or the register changed since the check) brings a fresher report.
  const report: ImportReport | undefined = commit.data && !commit.data.committed ? commit.data : preview.data;
  const done = commit.data?.committed ? commit.data : null;

  return (
    <Stack maw={1200} gap="md">
      <MembersTabs />
      <div>
        <Title order={2}>{t('memberImport.title')}</Title>
        <Text c="dimmed">{t('memberImport.subtitle')}</Text>
      </div>

      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <UnitPicker
              label={t('memberImport.unit')}
              placeholder={t('memberImport.unitPlaceholder')}
              asOf={today}
              value={chosenUnit}
              onChange={(u) => {
                setUnitTouched(true);
                setUnit(u);
              }}
              grassrootsOnly
              testId="import-unit"
            />
            <FileInput
              label={t('memberImport.file')}
              placeholder={t('memberImport.filePlaceholder')}
              description={t('memberImport.fileHint')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              leftSection={<IconFileSpreadsheet size={18} />}
              value={file}
              onChange={setFile}
              clearable
              required
              disabled={commit.isPending}
              data-testid="import-file"
            />
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Anchor component="button" type="button" size="sm" onClick={help.toggle} data-testid="import-help">
              <Group gap={4} wrap="nowrap">
                <IconInfoCircle size={16} />
                {t('memberImport.columnsHelp')}
              </Group>
            </Anchor>
            {file && unitId && !preview.isPending && !done && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                onClick={() => runPreview({ file, unitId })}
                data-testid="import-recheck"
              >
                {t('memberImport.check')}
              </Button>
            )}
          </Group>
          <Collapse in={helpOpen}>
            <Text size="sm" c="dimmed" maw={900}>
              {t('memberImport.columnsHelpText')}
            </Text>
          </Collapse>
        </Stack>
      </Card>

      {done ? (
        <ImportDone report={done} unit={chosenUnit} onAnother={startOver} />
      ) : (
        <ImportCheck
          testPrefix="import"
          file={file}
          checking={preview.isPending}
          checkError={preview.isError ? preview.error : null}
          report={report}
          notCommitted={!!commit.data && !commit.data.committed}
          commitError={commit.error}
          pendingTake={commit.isPending ? commit.variables?.take : undefined}
          onImport={doImport}
          emptyText={t('memberImport.chooseBoth')}
          emptyWidth={520}
        >
          {(r, f) => (
            <>
              <ImportSummary report={r} />
              <ImportProblems report={r} file={f} />
            </>
          )}
        </ImportCheck>
      )}
    </Stack>
  );
}

/** What the import wrote, and the way to the CĐCS's member list. */
function ImportDone({
  report,
  unit,
  onAnother,
}: {
  report: ImportReport;
  unit: UnitSearchItem | null;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const tiles = [
    ['new', report.counts.new, 'green'],
    ['updated', report.counts.updated, 'blue'],
    ['unchanged', report.counts.unchanged, 'gray'],
    ['skipped', report.counts.invalid, report.counts.invalid > 0 ? 'orange' : 'gray'],
  ] as const;
  return (
    <Card withBorder radius="md" p="lg" data-testid="import-result">
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon size={40} radius="xl" color="green" variant="light">
            <IconCircleCheck size={24} />
          </ThemeIcon>
          <div>
            <Title order={3}>{t('memberImport.doneTitle', { unit: unit?.name ?? '' })}</Title>
            <Text size="sm" c="dimmed">
              {report.fileName}
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {tiles.map(([key, n, color]) => (
            <Card key={key} withBorder radius="md" p="sm" data-testid={`import-result-${key}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`memberImport.result.${key}`)}
              </Text>
              <Text fz={26} fw={700} c={`${color}.7`} data-testid="import-result-count">
                {formatNumber(n)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          {unit && (
            <Button
              component={Link}
              to={`/members?under=${unit.id}`}
              leftSection={<IconUsers size={18} />}
              data-testid="import-open-list"
            >
              {t('memberImport.openList')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconUpload size={18} />}
            onClick={onAnother}
            data-testid="import-another"
          >
            {t('memberImport.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
