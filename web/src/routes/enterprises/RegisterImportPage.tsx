import {
  Anchor,
  Button,
  Card,
  Collapse,
  FileInput,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBuildingFactory2,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconInfoCircle,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ExtractReport,
  type ExtractTake,
  type RegisterSource,
  useCommitExtract,
  usePreviewExtract,
} from '../../api/registerImport.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { ImportCheck } from '../../components/ImportCheck.tsx';
import { ImportProblems } from '../../components/ImportProblems.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { ConflictsAhead } from './ConflictsAhead.tsx';
import { EnterprisesTabs } from './EnterprisesTabs.tsx';
import { ExtractSummary, ExtractTiles } from './ExtractSummary.tsx';

/**
 * Nhập danh sách từ Sở KH&ĐT (ĐKKD) hoặc BHXH: the extract is checked at once (nothing written): the
 * columns found, what would change, the conflicts it would raise and every problem by row and cell;
 * then all rows (a clean file) or only the valid ones go in.
 */
export function RegisterImportPage() {
  const { t } = useTranslation();
  const today = todayVn();
  const [source, setSource] = useState<RegisterSource>('dpi');
  const [asOf, setAsOf] = useState(today);
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [helpOpen, help] = useDisclosure(false);
  const preview = usePreviewExtract();
  const commit = useCommitExtract();
  const { reset: resetPreview, mutate: runPreview } = preview;
  const { reset: resetCommit } = commit;
  const unitId = unit?.id;

  // Any new choice is a new check: what was shown for the old one no longer holds.
  useEffect(() => {
    resetCommit();
    if (file && asOf) runPreview({ file, source, asOf, unitId });
    else resetPreview();
  }, [file, source, asOf, unitId, runPreview, resetPreview, resetCommit]);

  const doImport = (take: ExtractTake) => {
    if (file) commit.mutate({ file, source, asOf, unitId, take });
  };
  const startOver = () => {
    setFile(null);
    preview.reset();
    commit.reset();
  };
  const report: ExtractReport | undefined = commit.data && !commit.data.committed ? commit.data : preview.data;
  const done = commit.data?.committed ? commit.data : null;

  return (
    <Stack maw={1200} gap="md">
      <EnterprisesTabs />
      <div>
        <Title order={2}>{t('registerImport.title')}</Title>
        <Text c="dimmed">{t('registerImport.subtitle')}</Text>
      </div>

      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Input.Wrapper label={t('registerImport.sourceLabel')} required>
              <SegmentedControl
                fullWidth
                value={source}
                onChange={(v) => setSource(v as RegisterSource)}
                disabled={commit.isPending}
                data={[
                  { value: 'dpi', label: t('registerImport.source.dpi') },
                  { value: 'bhxh', label: t('registerImport.source.bhxh') },
                ]}
                data-testid="extract-source"
              />
            </Input.Wrapper>
            <DayInput
              label={t('registerImport.asOf')}
              value={asOf}
              onChange={setAsOf}
              maxDate={today}
              testId="extract-as-of"
            />
            <FileInput
              label={t('registerImport.file')}
              placeholder={t('memberImport.filePlaceholder')}
              description={t(`registerImport.fileHint.${source}`)}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              leftSection={<IconFileSpreadsheet size={18} />}
              value={file}
              onChange={setFile}
              clearable
              required
              disabled={commit.isPending}
              data-testid="extract-file"
            />
            <UnitPicker
              label={t('registerImport.unit')}
              placeholder={t('registerImport.unitPlaceholder')}
              asOf={asOf || today}
              value={unit}
              onChange={setUnit}
              required={false}
              testId="extract-unit"
            />
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Anchor component="button" type="button" size="sm" onClick={help.toggle} data-testid="extract-help">
              <Group gap={4} wrap="nowrap">
                <IconInfoCircle size={16} />
                {t('memberImport.columnsHelp')}
              </Group>
            </Anchor>
            {file && !preview.isPending && !done && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                onClick={() => runPreview({ file, source, asOf, unitId })}
                data-testid="extract-recheck"
              >
                {t('memberImport.check')}
              </Button>
            )}
          </Group>
          <Collapse in={helpOpen}>
            <Text size="sm" c="dimmed" maw={900}>
              {t(`registerImport.columnsHelp.${source}`)}
            </Text>
          </Collapse>
        </Stack>
      </Card>

      {done ? (
        <ExtractDone report={done} onAnother={startOver} />
      ) : (
        <ImportCheck
          testPrefix="extract"
          file={file}
          checking={preview.isPending}
          checkError={preview.isError ? preview.error : null}
          report={report}
          notCommitted={!!commit.data && !commit.data.committed}
          commitError={commit.error}
          pendingTake={commit.isPending ? commit.variables?.take : undefined}
          onImport={doImport}
          emptyText={t('registerImport.choose')}
          emptyWidth={560}
        >
          {(r, f) => (
            <>
              <ExtractSummary report={r} />
              <ConflictsAhead report={r} />
              <ImportProblems report={r} file={f} nameField="name" nameLabel={t('enterprise.field.name')} />
            </>
          )}
        </ImportCheck>
      )}
    </Stack>
  );
}

/** What the import wrote, and the way on: conflicts to decide, the register. */
function ExtractDone({ report, onAnother }: { report: ExtractReport; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="lg" data-testid="extract-result">
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon size={40} radius="xl" color="green" variant="light">
            <IconCircleCheck size={24} />
          </ThemeIcon>
          <div>
            <Title order={3}>
              {t('registerImport.doneTitle', { source: t(`registerImport.source.${report.source}`) })}
            </Title>
            <Text size="sm" c="dimmed">
              {report.fileName}
            </Text>
          </div>
        </Group>
        <ExtractTiles report={report} done />
        <Group gap="sm">
          {report.counts.conflicts > 0 && (
            <Button
              component={Link}
              to="/enterprises/conflicts"
              color="orange"
              leftSection={<IconAlertTriangle size={18} />}
              data-testid="extract-open-conflicts"
            >
              {t('registerImport.openConflicts', { count: report.counts.conflicts })}
            </Button>
          )}
          <Button
            component={Link}
            to="/enterprises"
            variant={report.counts.conflicts > 0 ? 'default' : 'filled'}
            leftSection={<IconBuildingFactory2 size={18} />}
            data-testid="extract-open-list"
          >
            {t('registerImport.openList')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconUpload size={18} />}
            onClick={onAnother}
            data-testid="extract-another"
          >
            {t('memberImport.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
