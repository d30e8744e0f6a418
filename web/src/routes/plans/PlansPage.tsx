import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlans } from '../../api/plans.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { CreatePlanModal } from './CreatePlanModal.tsx';
import { formatValue } from './numbers.ts';

/** Chỉ tiêu & tiến độ: the plans the officer sees (their unit's, their sub-units', their upper unions'). */
export function PlansPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const unitId = params.get('unit') ? Number(params.get('unit')) : null;
  const unit = useUnitAsItem(unitId, todayVn());
  const plans = usePlans(unitId);
  const [creating, setCreating] = useState(false);
  const items = plans.data?.items ?? [];

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('plans.title')}</Title>
          <Text c="dimmed">{t('plans.subtitle')}</Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="plan-new">
          {t('plans.create')}
        </Button>
      </Group>
      <Card withBorder radius="md" p="md">
        <div style={{ maxWidth: 360 }}>
          <UnitPicker
            label={t('plans.filterUnit')}
            placeholder={t('plans.filterUnitPlaceholder')}
            asOf={todayVn()}
            value={unitId ? unit : null}
            onChange={(u) =>
              setParams(
                (p) => {
                  if (u) p.set('unit', String(u.id));
                  else p.delete('unit');
                  return p;
                },
                { replace: true },
              )
            }
            required={false}
          />
        </div>
      </Card>
      {plans.isError ? (
        <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />
      ) : plans.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="plan-empty">
          {t('plans.empty')}
        </Text>
      ) : (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="plan-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.field.name')}</Table.Th>
                  <Table.Th>{t('plans.field.owner')}</Table.Th>
                  <Table.Th>{t('plans.field.period')}</Table.Th>
                  <Table.Th>{t('plans.field.targets')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} data-testid="plan-row" data-plan-id={p.id}>
                    <Table.Td maw={380}>
                      <Anchor component={Link} to={`/plans/${p.id}`} fw={600} data-testid="plan-name">
                        {p.name}
                      </Anchor>
                      {p.documentNo && (
                        <Text size="xs" c="dimmed">
                          {t('plans.documentNoShort', { no: p.documentNo })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.unit.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {p.targets.map((x) => (
                          <Group key={x.id} gap={6} wrap="nowrap">
                            <Badge variant="light" tt="none" miw={70}>
                              {formatValue(x.goal, x.measure)}
                            </Badge>
                            <Text size="sm">{x.name}</Text>
                          </Group>
                        ))}
                        {p.targets.length === 0 && (
                          <Text size="sm" c="dimmed">
                            {t('plans.noTargets')}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {creating && <CreatePlanModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
