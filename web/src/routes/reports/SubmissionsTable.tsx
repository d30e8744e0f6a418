import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Period, useSubmissions } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/format.ts';

/** For the upper unit: each direct sub-unit's latest submitted report for the period, missing ones in red. */
export function SubmissionsTable({ unitId, period }: { unitId: number; period: Period }) {
  const { t } = useTranslation();
  const q = useSubmissions(unitId, period);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <Card withBorder radius="md" p="md" data-testid="report-submissions">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('reports.submissions.title')}</Title>
        {s && s.items.length > 0 && (
          <Badge color={s.missing > 0 ? 'red' : 'green'} variant="light" tt="none" data-testid="report-missing-count">
            {s.missing > 0
              ? t('reports.submissions.summary', { missing: s.missing, total: s.items.length })
              : t('reports.submissions.allIn')}
          </Badge>
        )}
      </Group>
      {s && s.items.length === 0 && <Text c="dimmed">{t('reports.submissions.none')}</Text>}
      {s && s.items.length > 0 && (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.columns.unit')}</Table.Th>
              <Table.Th>{t('reports.columns.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.items.map((i) => (
              <Table.Tr
                key={i.unit.id}
                bg={i.submitted ? undefined : 'red.0'}
                data-testid="submission-row"
                data-missing={i.submitted ? undefined : 'true'}
              >
                <Table.Td>{i.unit.name}</Table.Td>
                <Table.Td>
                  {i.submitted ? (
                    <Badge color="green" variant="light" tt="none">
                      {t('reports.submissions.submitted', {
                        version: i.submitted.version,
                        date: formatDay(i.submitted.submittedAt.slice(0, 10)),
                      })}
                    </Badge>
                  ) : (
                    <Group gap={6}>
                      <Badge color="red" variant="filled" tt="none">
                        {t('reports.submissions.missing')}
                      </Badge>
                      {i.draftId && (
                        <Badge color="yellow" variant="light" tt="none">
                          {t('reports.submissions.draft')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {(i.submitted?.id ?? i.draftId) && (
                    <Anchor component={Link} to={`/reports/${i.submitted?.id ?? i.draftId}`} size="sm">
                      {t('reports.submissions.open')}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
