import { Anchor, Badge, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseDetail } from '../../api/enterprises.ts';
import { dayBefore, formatDay, formatNumber } from '../../lib/format.ts';
import { SourceBadge, StatusBadge } from './EnterpriseBadges.tsx';

type Fact = EnterpriseDetail['facts'][number];

const STATE_COLOR: Record<Fact['state'], string> = {
  effective: 'green',
  pending: 'orange',
  rejected: 'red',
  superseded: 'gray',
};

/** Workforce and operating status as observed over time, newest first, each with its source. */
export function FactHistory({ facts }: { facts: Fact[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'workforce' | 'status'>('workforce');
  const shown = facts
    .filter((f) => f.kind === kind)
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <Card withBorder radius="md" p={0} data-testid="enterprise-facts">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={4}>{t('enterprise.history.title')}</Title>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: 'workforce', label: t('enterprise.history.workforce') },
            { value: 'status', label: t('enterprise.history.status') },
          ]}
          data-testid="enterprise-facts-kind"
        />
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t('enterprise.history.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.history.period')}</Table.Th>
                <Table.Th>
                  {kind === 'workforce' ? t('enterprise.field.workforce') : t('enterprise.field.status')}
                </Table.Th>
                <Table.Th>{t('enterprise.history.source')}</Table.Th>
                <Table.Th>{t('enterprise.history.state')}</Table.Th>
                <Table.Th>{t('enterprise.history.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((f) => (
                <Table.Tr
                  key={f.id}
                  data-testid="enterprise-fact"
                  data-state={f.state}
                  c={f.state === 'effective' ? undefined : 'dimmed'}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {f.validTo
                      ? t('enterprise.history.range', {
                          from: formatDay(f.observedOn),
                          to: formatDay(dayBefore(f.validTo)),
                        })
                      : t('enterprise.history.from', { from: formatDay(f.observedOn) })}
                  </Table.Td>
                  <Table.Td>
                    {f.kind === 'workforce' ? (
                      <Text size="sm" fw={500} data-testid="fact-value">
                        {formatNumber(f.total ?? 0)}
                        {f.women !== null && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('enterprise.womenOf', { women: formatNumber(f.women) })})
                          </Text>
                        )}
                      </Text>
                    ) : f.status ? (
                      <StatusBadge status={f.status} />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SourceBadge source={f.source} />
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATE_COLOR[f.state]} tt="none">
                      {t(`enterprise.factState.${f.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {[f.note, f.importFile && t('enterprise.history.file', { name: f.importFile })]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Which upper union was in charge, from when to when. */
export function AssignmentHistory({ assignments }: { assignments: EnterpriseDetail['assignments'] }) {
  const { t } = useTranslation();
  const rows = [...assignments].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
  return (
    <Card withBorder radius="md" p={0} data-testid="enterprise-assignments">
      <Title order={4} p="md" pb="xs">
        {t('enterprise.assignments.title')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t('enterprise.assignments.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.history.period')}</Table.Th>
                <Table.Th>{t('enterprise.field.upperUnion')}</Table.Th>
                <Table.Th>{t('enterprise.assignments.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={`${a.upperUnion.id}-${a.validFrom}`} data-testid="enterprise-assignment">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.validFrom === null
                      ? a.validTo
                        ? t('enterprise.assignments.untilDay', { to: formatDay(dayBefore(a.validTo)) })
                        : t('enterprise.assignments.always')
                      : a.validTo
                        ? t('enterprise.history.range', {
                            from: formatDay(a.validFrom),
                            to: formatDay(dayBefore(a.validTo)),
                          })
                        : t('enterprise.history.from', { from: formatDay(a.validFrom) })}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${a.upperUnion.id}`} size="sm">
                      {a.upperUnion.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {a.reason ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
