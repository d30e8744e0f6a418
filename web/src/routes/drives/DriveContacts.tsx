import { Button, Card, Group, Rating, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveDetail } from '../../api/drives.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { ContactModal } from './DriveModals.tsx';

/** The contacts log: who was reached, what was said, how much they support a union (1-5). */
export function DriveContacts({ drive: d }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const log = [...d.contactLog].sort((a, b) => b.contactedOn.localeCompare(a.contactedOn) || b.id - a.id);
  return (
    <Card withBorder radius="md" p={0} data-testid="drive-contacts">
      <Group justify="space-between" p="md" pb="xs">
        <Stack gap={2}>
          <Title order={4}>{t('drive.contact.title')}</Title>
          <Group gap="xs">
            <Rating value={d.averageSupport ?? 0} fractions={4} readOnly size="sm" />
            <Text size="sm" c="dimmed" data-testid="drive-average-support" data-value={d.averageSupport ?? ''}>
              {d.averageSupport === null
                ? t('drive.noContacts')
                : t('drive.supportLine', {
                    avg: d.averageSupport.toFixed(1),
                    contacts: d.contacts,
                    workers: formatNumber(d.workersReached),
                  })}
            </Text>
          </Group>
        </Stack>
        {d.canLogContact && d.status === 'active' && (
          <Button leftSection={<IconMessagePlus size={16} />} onClick={() => setAdding(true)} data-testid="contact-add">
            {t('drive.contact.add')}
          </Button>
        )}
      </Group>
      {log.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t('drive.contact.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('drive.contact.date')}</Table.Th>
                <Table.Th w={180}>{t('drive.contact.who')}</Table.Th>
                <Table.Th>{t('drive.contact.summary')}</Table.Th>
                <Table.Th w={110}>{t('drive.contact.support')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.map((c) => (
                <Table.Tr key={c.id} data-testid="drive-contact">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.contactedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.workerLabel ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {t('drive.contact.reachedShort', { count: c.workersReached })}
                      {c.by ? ` · ${c.by}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Rating
                      value={c.support}
                      readOnly
                      size="xs"
                      data-testid="drive-contact-support"
                      data-value={c.support}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <ContactModal drive={d} onClose={() => setAdding(false)} onDone={() => setAdding(false)} />}
    </Card>
  );
}
