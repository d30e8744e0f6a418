import { Alert, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCommendations } from '../../api/commendations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';

const percent = (r: number) => `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
const value = (v: number) => (v <= 1 && !Number.isInteger(v) ? percent(v) : formatNumber(v));

/**
 * Đề xuất khen thưởng: units that met or exceeded every target given to them and the people who
 * founded CĐCS during the plan, measured on the day chosen on the progress tab. The rule is shown:
 * the list starts a proposal, it decides nothing.
 */
export function CommendationsTab({ planId, asOf }: { planId: number; asOf: string }) {
  const { t } = useTranslation();
  const q = useCommendations(planId, asOf);
  if (q.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  return (
    <Stack gap="md" data-testid="commendations">
      <Alert variant="light" color="blue" icon={<IconAward size={18} />}>
        <Text size="sm">{t('plans.commendations.asOf', { day: formatDay(c.asOf) })}</Text>
        <Text size="sm">{c.rule}</Text>
      </Alert>
      <Card withBorder radius="md" p="md">
        <Title order={4} mb="xs">
          {t('plans.commendations.units', { count: c.units.length })}
        </Title>
        {c.units.length === 0 ? (
          <Text c="dimmed">{t('plans.commendations.noUnits')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.commendations.unit')}</Table.Th>
                  <Table.Th ta="right">{t('plans.commendations.mean')}</Table.Th>
                  <Table.Th>{t('plans.commendations.targets')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.units.map((u) => (
                  <Table.Tr key={u.unit.id} data-testid="commended-unit">
                    <Table.Td>
                      <Text fw={500}>{u.unit.name}</Text>
                      <Text size="xs" c="dimmed">
                        {u.unit.code}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{percent(u.meanRatio)}</Table.Td>
                    <Table.Td>
                      {u.targets.map((x) => (
                        <Text key={x.targetId} size="sm">
                          {x.name}: {value(x.actual)} / {value(x.allocated)}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder radius="md" p="md">
        <Title order={4} mb="xs">
          {t('plans.commendations.people', { count: c.people.length })}
        </Title>
        {c.people.length === 0 ? (
          <Text c="dimmed">{t('plans.commendations.noPeople')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.commendations.person')}</Table.Th>
                <Table.Th>{t('plans.commendations.role')}</Table.Th>
                <Table.Th ta="right">{t('plans.commendations.drives')}</Table.Th>
                <Table.Th>{t('plans.commendations.founded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.people.map((p) => (
                <Table.Tr key={`${p.name}-${p.role}`} data-testid="commended-person">
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.role}</Table.Td>
                  <Table.Td ta="right">{p.recognisedDrives}</Table.Td>
                  <Table.Td>{p.units.join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
