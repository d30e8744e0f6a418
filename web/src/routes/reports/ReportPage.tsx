import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconFileSpreadsheet, IconFileTypePdf, IconLock, IconSend, IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { correctReport, reportFileUrl, useReport } from '../../api/reports.ts';
import { useWrite } from '../../api/write.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatDay } from '../../lib/format.ts';
import { FiguresTables } from './FiguresTables.tsx';
import { periodText, STATUS_COLOR } from './labels.ts';
import { EditReportModal, SubmitReportModal } from './ReportModals.tsx';

type Done = 'created' | 'saved' | 'submitted' | 'corrected';

/** One report: its figures (live while a draft, frozen once submitted), its number and note, its versions. */
export function ReportPage() {
  const id = Number(useParams().id);
  // Keyed by id: moving to another version starts afresh (its own "done" message, no stale modal).
  return <ReportView key={id} id={id} />;
}

function ReportView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const report = useReport(id);
  const [modal, setModal] = useState<'edit' | 'submit' | null>(null);
  const [done, setDone] = useState<Done | null>((location.state as { done?: Done } | null)?.done ?? null);
  const correct = useWrite(
    ['reports'],
    () => correctReport(id),
    (r) => navigate(`/reports/${r.id}`, { state: { done: 'corrected' } }),
  );

  if (report.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const draftVersion = r.versions.find((v) => v.status === 'draft');
  const submittedOn = r.submittedAt ? formatDay(r.submittedAt.slice(0, 10)) : '';

  return (
    <Stack maw={1200} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to={`/reports?unit=${r.unit.id}&kind=${r.kind}`} size="sm">
          {t('reports.back')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {r.unit.name}
        </Text>
      </Breadcrumbs>
      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="report-done">
          {done === 'corrected' ? t('reports.corrected', { version: r.version }) : t(`reports.${done}`)}
        </DoneAlert>
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[r.status]} variant="filled" tt="none" data-testid="report-status">
              {t(`reports.status.${r.status}`)}
            </Badge>
            {r.frozen && (
              <Badge
                color="gray"
                variant="light"
                tt="none"
                leftSection={<IconLock size={12} />}
                data-testid="report-frozen"
              >
                {t('reports.frozen')}
              </Badge>
            )}
            <Badge color="blue" variant="light" tt="none" data-testid="report-version">
              {t('reports.version', { version: r.version })}
            </Badge>
          </Group>
          <Title order={2} data-testid="report-title">
            {r.unit.name}
          </Title>
          <Text c="dimmed">
            {t(`reports.kinds.${r.kind}`)} · {periodText(t, r)} ({formatDay(r.periodFrom)} – {formatDay(r.periodTo)})
            {r.documentNo ? ` · ${t('reports.documentNo')}: ${r.documentNo}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={reportFileUrl(r.id, 'xlsx')}
            download
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            data-testid="report-xlsx"
          >
            {t('reports.downloadXlsx')}
          </Button>
          <Button
            component="a"
            href={reportFileUrl(r.id, 'pdf')}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            data-testid="report-pdf"
          >
            {t('reports.downloadPdf')}
          </Button>
          {r.canWrite && r.status === 'draft' && (
            <>
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setModal('edit')}
                data-testid="report-edit"
              >
                {t('reports.edit')}
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                onClick={() => setModal('submit')}
                data-testid="report-submit"
              >
                {t('reports.submit')}
              </Button>
            </>
          )}
          {r.canWrite && r.status === 'submitted' && !draftVersion && (
            <Button
              color="orange"
              variant="light"
              leftSection={<IconVersions size={16} />}
              loading={correct.isPending}
              onClick={() => correct.mutate(undefined)}
              data-testid="report-correct"
            >
              {t('reports.correct')}
            </Button>
          )}
          {r.status === 'submitted' && draftVersion && (
            <Button component={Link} to={`/reports/${draftVersion.id}`} variant="light" data-testid="report-open-draft">
              {t('reports.openDraft')}
            </Button>
          )}
        </Group>
      </Group>
      <FormError error={correct.error} fields={[]} />
      <Alert color={r.frozen ? 'gray' : 'yellow'} variant="light" icon={r.frozen ? <IconLock size={18} /> : undefined}>
        {r.frozen
          ? t('reports.frozenHint', { date: submittedOn, by: r.submittedBy?.name ?? '—' })
          : t('reports.liveHint')}
      </Alert>
      {r.versions.length > 1 && (
        <Group gap="xs" data-testid="report-versions">
          <Text size="sm" fw={500}>
            {t('reports.versions')}:
          </Text>
          {r.versions.map((v) =>
            v.id === r.id ? (
              <Badge key={v.id} variant="filled" tt="none">
                {t('reports.version', { version: v.version })}
              </Badge>
            ) : (
              <Anchor key={v.id} component={Link} to={`/reports/${v.id}`} size="sm" data-testid="report-version-link">
                {t('reports.version', { version: v.version })} ({t(`reports.status.${v.status}`)})
              </Anchor>
            ),
          )}
        </Group>
      )}
      <FiguresTables f={r.figures} />
      <Card withBorder radius="md" p="md">
        <Title order={5} mb="xs">
          {t('reports.note')}
        </Title>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap' }}
          c={r.note ? undefined : 'dimmed'}
          data-testid="report-note-text"
        >
          {r.note ?? t('reports.noNote')}
        </Text>
      </Card>
      {modal === 'edit' && (
        <EditReportModal
          report={r}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            setDone('saved');
          }}
        />
      )}
      {modal === 'submit' && (
        <SubmitReportModal
          report={r}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            setDone('submitted');
          }}
        />
      )}
    </Stack>
  );
}
