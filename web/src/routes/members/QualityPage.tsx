import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowsExchange, IconChecks, IconCopy, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDataQuality } from '../../api/applications.ts';
import type { ProblemKind, QualityItem, UnitSearchItem } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatNumber, todayVn } from '../../lib/format.ts';
import { useLiveSearchParams } from '../../lib/searchParams.ts';
import { MembersTabs } from './MembersTabs.tsx';

const kinds: ProblemKind[] = [
  'duplicate_citizen_id',
  'missing_citizen_id',
  'invalid_citizen_id',
  'invalid_phone',
  'member_of_ended_unit',
];
const kindColor: Record<ProblemKind, string> = {
  duplicate_citizen_id: 'orange',
  missing_citizen_id: 'yellow',
  invalid_citizen_id: 'red',
  invalid_phone: 'grape',
  member_of_ended_unit: 'gray',
};
const fixIcon = { edit_member: IconEdit, transfer_member: IconArrowsExchange, review_duplicate: IconCopy } as const;

/** Chất lượng dữ liệu: members whose records need fixing, by kind of problem, with the fix to apply. */
export function QualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useLiveSearchParams();
  const raw = params.get('kind');
  const kind = kinds.includes(raw as ProblemKind) ? (raw as ProblemKind) : undefined;
  const [under, setUnder] = useState<UnitSearchItem | null>(null);
  const report = useDataQuality({ under: under?.id, kind });
  const setKind = (k: ProblemKind | undefined) => {
    const next = new URLSearchParams(params);
    if (k) next.set('kind', k);
    else next.delete('kind');
    setParams(next, { replace: true });
  };

  return (
    <Stack maw={1200} gap="md">
      <MembersTabs />
      <div>
        <Title order={2}>{t('quality.title')}</Title>
        <Text c="dimmed">{t('quality.subtitle')}</Text>
      </div>

      <Card withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <div style={{ flex: 1, minWidth: 260, maxWidth: 520 }}>
            <UnitPicker
              label={t('quality.under')}
              placeholder={t('quality.underPlaceholder')}
              asOf={todayVn()}
              value={under}
              onChange={setUnder}
              required={false}
              testId="quality-under"
            />
          </div>
          {kind && (
            <Button variant="subtle" onClick={() => setKind(undefined)} data-testid="quality-all">
              {t('quality.allKinds')}
            </Button>
          )}
        </Group>
      </Card>

      {report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} />
      ) : report.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            {kinds.map((k) => {
              const active = kind === k;
              return (
                <UnstyledButton
                  key={k}
                  onClick={() => setKind(active ? undefined : k)}
                  data-testid={`quality-card-${k}`}
                  aria-pressed={active}
                >
                  <Card
                    withBorder
                    radius="md"
                    p="md"
                    h="100%"
                    style={{
                      borderColor: active ? `var(--mantine-color-${kindColor[k]}-6)` : undefined,
                      borderWidth: active ? 2 : undefined,
                    }}
                  >
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
                      {t(`quality.kind.${k}`)}
                    </Text>
                    <Text fz={28} fw={700} c={`${kindColor[k]}.7`} data-testid="quality-count">
                      {formatNumber(report.data.counts[k] ?? 0)}
                    </Text>
                  </Card>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>

          {report.data.items.length === 0 ? (
            <Card withBorder radius="md" p="xl" data-testid="quality-empty">
              <Stack align="center" gap="xs" py="md">
                <ThemeIcon size={52} radius="xl" variant="light" color="green">
                  <IconChecks size={28} />
                </ThemeIcon>
                <Text fw={600}>{t('quality.empty')}</Text>
              </Stack>
            </Card>
          ) : (
            <Card withBorder radius="md" p={0} style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              <QualityTable items={report.data.items} />
              <Text size="sm" c="dimmed" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                {t('quality.shown', { shown: formatNumber(report.data.items.length) })}
              </Text>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

function QualityTable({ items }: { items: QualityItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="quality-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quality.problem')}</Table.Th>
            <Table.Th>{t('member.field.fullName')}</Table.Th>
            <Table.Th>{t('member.unit')}</Table.Th>
            <Table.Th>{t('quality.detail')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => {
            const Icon = fixIcon[i.fix];
            return (
              <Table.Tr key={`${i.kind}-${i.personId}`} data-testid="quality-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={kindColor[i.kind]} variant="light" styles={{ label: { overflow: 'visible' } }}>
                    {t(`quality.kind.${i.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/members/${i.personId}`} size="sm" fw={500}>
                    {i.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${i.unitId}`} size="sm" c="dark.6">
                    {i.unitName ?? i.unitId}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="quality-detail">
                    {i.detail}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    component={Link}
                    to={`/members/${i.personId}`}
                    state={{ fix: i.fix }}
                    size="compact-sm"
                    variant="light"
                    leftSection={<Icon size={14} />}
                    style={{ whiteSpace: 'nowrap' }}
                    data-testid="quality-fix"
                  >
                    {t(`quality.fix.${i.fix}`)}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
