import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail, FactSource } from '../../api/enterprises.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { SourceBadge } from './EnterpriseBadges.tsx';

const isSource = (s: string | undefined): s is FactSource => s === 'manual' || s === 'dpi' || s === 'bhxh';

/** The descriptive fields, each with where it came from, and the workforce on the day. */
export function EnterpriseDetails({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const src = (field: string) => {
    const s = e.fieldSources[field];
    return isSource(s) ? <SourceBadge source={s} /> : null;
  };
  const area = e.area
    ? e.currentArea && e.currentArea.code !== e.area.code
      ? t('enterprise.areaNow', { old: e.area.name, now: e.currentArea.name })
      : e.area.name
    : null;
  return (
    <Card withBorder radius="md" p="md" data-testid="enterprise-details">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('enterprise.field.workforce')} testId="enterprise-current-workforce">
          {e.workforce ? (
            <Group gap={6}>
              <Text fw={700} fz="xl" data-testid="enterprise-workforce-total">
                {formatNumber(e.workforce.total)}
              </Text>
              {e.workforce.women !== null && (
                <Text size="sm" c="dimmed">
                  {t('enterprise.womenOf', { women: formatNumber(e.workforce.women) })}
                </Text>
              )}
              <SourceBadge source={e.workforce.source} />
              <Text size="xs" c="dimmed">
                {formatDay(e.workforce.observedOn)}
              </Text>
            </Group>
          ) : null}
        </Fact>
        <Fact label={t('enterprise.field.industry')} source={src('industryCode')}>
          {e.industryCode || e.industryName ? [e.industryCode, e.industryName].filter(Boolean).join(' – ') : null}
        </Fact>
        <Fact label={t('enterprise.field.address')} source={src('address')}>
          {e.address}
        </Fact>
        <Fact label={t('enterprise.field.area')} source={src('areaCode')}>
          {area}
        </Fact>
        <Fact label={t('enterprise.field.zone')} source={src('industrialZoneId')}>
          {e.zone?.name}
        </Fact>
        <Fact label={t('enterprise.field.startedOn')} source={src('startedOn')}>
          {e.startedOn ? formatDay(e.startedOn) : null}
        </Fact>
        <Fact label={t('enterprise.field.name')} source={src('name')}>
          {e.name}
        </Fact>
        <Fact label={t('enterprise.field.ownership')} source={src('ownership')}>
          {t(`enterprise.ownership.${e.ownership}`)}
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

function Fact({
  label,
  source,
  testId,
  children,
}: {
  label: string;
  source?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Group gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        {source}
      </Group>
      {children === null || children === undefined || children === '' ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : typeof children === 'string' ? (
        <Text size="sm">{children}</Text>
      ) : (
        children
      )}
    </Stack>
  );
}
