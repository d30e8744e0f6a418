import { Card, Text, Timeline, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DriveDetail } from '../../api/drives.ts';
import { formatDay } from '../../lib/format.ts';

/** Every move of the drive, dated, with who recorded it and the note, newest first. */
export function StageHistory({ drive: d }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const events = [...d.stages].reverse();
  return (
    <Card withBorder radius="md" p="md" data-testid="drive-history">
      <Title order={4} mb="sm">
        {t('drive.historyTitle')}
      </Title>
      <Timeline active={0} bulletSize={22} lineWidth={2}>
        {events.map((e, i) => (
          <Timeline.Item
            key={`${e.stage}-${e.onDate}-${i}`}
            bullet={<IconFlag size={12} />}
            title={t(`drive.stage.${e.stage}`)}
            data-testid="drive-history-item"
            data-stage={e.stage}
          >
            <Text size="xs" c="dimmed">
              {formatDay(e.onDate)}
              {e.by ? ` · ${e.by}` : ''}
            </Text>
            {e.note && (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
