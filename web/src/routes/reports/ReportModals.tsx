import { Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportDetail, submitReport, updateReport } from '../../api/reports.ts';
import { useWrite } from '../../api/write.ts';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';

/** The draft's document number and the assessment printed under the figures. */
export function EditReportModal({
  report,
  onClose,
  onDone,
}: {
  report: ReportDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [documentNo, setDocumentNo] = useState(report.documentNo ?? '');
  const [note, setNote] = useState(report.note ?? '');
  const write = useWrite(['reports'], () => updateReport(report.id, { documentNo, note }), onDone);
  return (
    <FormModal
      title={t('reports.edit')}
      testId="report-edit-modal"
      submitLabel={t('reports.save')}
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      write={write}
      fields={['documentNo', 'note']}
    >
      <TextInput
        label={t('reports.documentNo')}
        description={t('reports.documentNoHint')}
        value={documentNo}
        onChange={(e) => setDocumentNo(e.currentTarget.value)}
        error={fieldError(write.error, 'documentNo')}
        data-testid="report-document-no"
      />
      <Textarea
        label={t('reports.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={4}
        error={fieldError(write.error, 'note')}
        data-testid="report-note"
      />
    </FormModal>
  );
}

/** Submitting freezes the figures: the officer confirms knowing that. */
export function SubmitReportModal({
  report,
  onClose,
  onDone,
}: {
  report: ReportDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const write = useWrite(['reports'], () => submitReport(report.id), onDone);
  return (
    <FormModal
      title={t('reports.submitTitle')}
      testId="report-submit-modal"
      submitLabel={t('reports.submit')}
      onClose={onClose}
      onSubmit={() => write.mutate(undefined)}
      write={write}
      intro={<Text size="sm">{t('reports.submitIntro')}</Text>}
    />
  );
}
