import { Anchor, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Figures } from '../../api/reports.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';

const rate = (v: number | null) =>
  v === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v * 100)}%`;

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" p="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Restructuring and old-register lines are shown only when they happened, as in the document. */
const RARE = new Set(['unitsJoined', 'imported', 'unitsLeft', 'unitsEnded', 'other']);
const shown =
  <T extends Record<string, number>>(flows: T) =>
  (k: keyof T & string) =>
    !RARE.has(k) || flows[k] !== 0;

type Line = { key: string; label: string; value: ReactNode; women?: ReactNode; strong?: boolean; sub?: boolean };

function Lines({ lines, women }: { lines: Line[]; women?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.figures.item')}</Table.Th>
          <Table.Th ta="right">{t('reports.figures.count')}</Table.Th>
          {women && <Table.Th ta="right">{t('reports.figures.women')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.key} data-testid={`figure-${l.key}`} fw={l.strong ? 700 : undefined}>
            <Table.Td pl={l.sub ? 'xl' : undefined}>{l.label}</Table.Td>
            <Table.Td ta="right" data-testid={`figure-${l.key}-value`}>
              {l.value}
            </Table.Td>
            {women && <Table.Td ta="right">{l.women ?? ''}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The report's figures as the document shows them: members, CĐCS, coverage, and one row per sub-unit. */
export function FiguresTables({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const n = formatNumber;
  const start = formatDay(f.startDay);
  const end = formatDay(f.endDay);
  const fl = (k: string) => t(`reports.figures.${k}`);
  const members: Line[] = [
    {
      key: 'start',
      label: t('reports.figures.start', { date: start }),
      value: n(f.members.start.total),
      women: n(f.members.start.women),
      strong: true,
    },
    { key: 'in', label: fl('inTotal'), value: n(f.inflow.total), strong: true },
    ...(['newMembers', 'transfersIn', 'unitsJoined', 'imported'] as const).filter(shown(f.inflow)).map((k) => ({
      key: k,
      label: fl(k),
      value: n(f.inflow[k]),
      sub: true,
    })),
    { key: 'out', label: fl('outTotal'), value: n(f.outflow.total), strong: true },
    ...(['withdrawal', 'expulsion', 'death', 'transfersOut', 'unitsLeft', 'unitsEnded', 'other'] as const)
      .filter(shown(f.outflow))
      .map((k) => ({
        key: k,
        label: fl(k),
        value: n(f.outflow[k]),
        sub: true,
      })),
    {
      key: 'end',
      label: t('reports.figures.end', { date: end }),
      value: n(f.members.end.total),
      women: n(f.members.end.women),
      strong: true,
    },
  ];
  const grassroots: Line[] = [
    { key: 'g-start', label: t('reports.figures.gStart', { date: start }), value: n(f.grassroots.start) },
    { key: 'g-founded', label: fl('gFounded'), value: n(f.grassroots.founded) },
    { key: 'g-dissolved', label: fl('gDissolved'), value: n(f.grassroots.dissolved) },
    { key: 'g-end', label: t('reports.figures.gEnd', { date: end }), value: n(f.grassroots.end) },
  ];
  const coverage: Line[] = [
    { key: 'target', label: fl('target'), value: n(f.coverage.target) },
    { key: 'covered', label: fl('covered'), value: n(f.coverage.covered) },
    { key: 'rate', label: fl('rate'), value: rate(f.coverage.rate) },
  ];
  return (
    <>
      <Section title={fl('members')} testId="figures-members">
        <Lines lines={members} women />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={fl('grassroots')} testId="figures-grassroots">
          <Lines lines={grassroots} />
        </Section>
        <Section title={t('reports.figures.coverage', { date: end })} testId="figures-coverage">
          <Lines lines={coverage} />
        </Section>
      </SimpleGrid>
      {f.children.length > 0 && (
        <Section title={fl('children')} testId="figures-children">
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{fl('childUnit')}</Table.Th>
                  <Table.Th ta="right">{fl('childMembers')}</Table.Th>
                  <Table.Th ta="right">{fl('childNew')}</Table.Th>
                  <Table.Th ta="right">{fl('childGrassroots')}</Table.Th>
                  <Table.Th ta="right">{fl('childRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.children.map((c) => (
                  <Table.Tr key={c.unit?.id ?? 'other'} data-testid="figures-child">
                    <Table.Td>
                      {c.unit ? (
                        <Anchor component={Link} to={`/units/${c.unit.id}`} size="sm">
                          {c.unit.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {fl('otherRow')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{n(c.members)}</Table.Td>
                    <Table.Td ta="right">{n(c.newMembers)}</Table.Td>
                    <Table.Td ta="right">{n(c.newGrassroots)}</Table.Td>
                    <Table.Td ta="right">{rate(c.coverageRate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}
    </>
  );
}
