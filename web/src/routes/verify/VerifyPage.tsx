import { Box, Card, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconCircleCheck, IconCircleX, IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerification } from '../../api/members.ts';
import type { Verification } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { formatDay } from '../../lib/format.ts';

const looks: Record<Verification['status'], { color: string; icon: typeof IconCircleCheck }> = {
  valid: { color: 'green', icon: IconCircleCheck },
  revoked: { color: 'red', icon: IconCircleX },
  replaced: { color: 'orange', icon: IconAlertTriangle },
  unknown: { color: 'gray', icon: IconHelpCircle },
};

function Row({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" py={6} style={{ borderBottom: '1px solid #eee' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} ta="right" data-testid={testId}>
        {value ?? '—'}
      </Text>
    </Group>
  );
}

/**
 * What anyone who scans a member card's QR code sees: public, no log-in, made for a phone.
 * It says whether the card is valid and no more about its holder than their initials.
 */
export function VerifyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const result = useVerification(token);

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Stack maw={440} mx="auto" gap="lg">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={10} wrap="nowrap">
            <ThemeIcon size={34} radius="xl" color="red.6">
              <IconChartBar size={18} />
            </ThemeIcon>
            <div>
              <Text fw={700} lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {t('verify.subtitle')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch dark={false} />
        </Group>

        {result.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : result.isError ? (
          <ErrorAlert error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <Outcome v={result.data} />
        )}
        <Text size="xs" c="dimmed" ta="center">
          {t('verify.privacy')}
        </Text>
      </Stack>
    </Box>
  );
}

function Outcome({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = looks[v.status];
  return (
    <Card withBorder radius="lg" p={0} shadow="sm" data-testid="verify-result" data-status={v.status}>
      <Stack align="center" gap="xs" py="xl" px="md" bg={`${color}.6`} c="white">
        <Icon size={72} stroke={1.5} />
        <Title order={2} ta="center" c="white" data-testid="verify-title">
          {t(`verify.status.${v.status}`)}
        </Title>
        <Text size="sm" ta="center" c="white" opacity={0.9}>
          {t(`verify.explain.${v.status}`)}
        </Text>
      </Stack>
      {v.status !== 'unknown' && (
        <Stack gap={0} p="md">
          <Row label={t('card.cardNo')} value={v.cardNo} testId="verify-card-no" />
          <Row label={t('verify.holder')} value={v.holderInitials} testId="verify-holder" />
          <Row label={t('member.unit')} value={v.unitName} />
          <Row label={t('card.issuedOn')} value={v.issuedOn ? formatDay(v.issuedOn) : null} />
        </Stack>
      )}
    </Card>
  );
}
