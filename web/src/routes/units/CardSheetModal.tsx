import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../api/types.ts';

/**
 * In thẻ đoàn viên: what the sheet holds and how to print it, then the PDF in a new tab. The
 * endpoint (cards/routes.ts) takes no options: always the valid cards of the CĐCS's current members.
 */
export function CardSheetModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('cardSheet.title')} size="lg" data-testid="card-sheet-modal">
      <Stack>
        <Text size="sm">{t('cardSheet.what', { name: unit.name })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('cardSheet.layout')}</List.Item>
          <List.Item>{t('cardSheet.order')}</List.Item>
          <List.Item>{t('cardSheet.scale')}</List.Item>
          <List.Item>{t('cardSheet.missing')}</List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            component="a"
            href={`/api/v1/units/${unit.id}/card-sheet.pdf`}
            target="_blank"
            rel="noopener"
            leftSection={<IconExternalLink size={16} />}
            onClick={onClose}
            data-testid="card-sheet-open"
          >
            {t('cardSheet.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
