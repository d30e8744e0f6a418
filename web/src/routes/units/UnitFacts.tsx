import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitDetail } from '../../api/types.ts';
import { useUnitTypeMap } from '../../api/units.ts';
import { useTypeName } from '../../components/TypeBadge.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who the unit is on the asked day: type, code, parent, area, dates. */
export function UnitFacts({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return (
    <Card withBorder radius="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label={t('unit.type')} testId="unit-type">
          {typeName(unit.type)}
        </Fact>
        <Fact label={t('unit.code')} testId="unit-code">
          {unit.code}
        </Fact>
        <Fact label={t('unit.parent')} testId="unit-parent">
          {unit.parent ? (
            <Anchor component={Link} to={`/units/${unit.parent.id}?asOf=${unit.asOf}`}>
              {unit.parent.name}
            </Anchor>
          ) : (
            t('unit.none')
          )}
        </Fact>
        <Fact label={t('unit.area')} testId="unit-area">
          {unit.area ? `${unit.area.name} (${unit.area.code})` : t('unit.none')}
        </Fact>
        <Fact label={t('unit.founded')}>{formatDay(unit.foundedOn)}</Fact>
        <Fact label={t('unit.dissolved')}>{formatDay(unit.dissolvedOn)}</Fact>
      </SimpleGrid>
    </Card>
  );
}

/** How many units sit under this one, per type, in the types' own order. */
export function UnitCounts({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const types = useUnitTypeMap();
  const rows = [...unit.countsByType].sort(
    (a, b) => (types.get(a.type)?.sortOrder ?? 999) - (types.get(b.type)?.sortOrder ?? 999),
  );
  return (
    <Card withBorder radius="md" h="100%">
      <Title order={5} mb="sm">
        {t('unit.countsTitle')}
      </Title>
      <Table data-testid="unit-counts" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unit.countsType')}</Table.Th>
            <Table.Th ta="right">{t('unit.countsNumber')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.type}>
              <Table.Td>{typeName(r.type)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('unit.total')}</Table.Th>
            <Table.Th ta="right" data-testid="unit-total">
              {formatNumber(unit.totalUnder)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Card>
  );
}
