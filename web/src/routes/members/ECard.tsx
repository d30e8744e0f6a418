import { Anchor, Box, Center, Group, Image, Loader, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChartBar, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useECard } from '../../api/members.ts';
import type { ECard } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/format.ts';

/** The server's QR SVG as an image: shown as a picture, never injected as markup. */
const svgSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="red.1" w={92} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" fw={600} c="white" data-testid={testId} lh={1.3}>
        {value}
      </Text>
    </Group>
  );
}

/** The card as a member shows it: red and gold like the printed card, with its QR code. */
export function ECardFace({ card }: { card: ECard }) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid="e-card"
      style={{
        borderRadius: 16,
        padding: 20,
        color: 'white',
        background:
          'linear-gradient(135deg, var(--mantine-color-red-8) 0%, var(--mantine-color-red-6) 60%, #d9480f 100%)',
        boxShadow: '0 10px 30px rgba(150, 20, 20, 0.35)',
        aspectRatio: '1.586',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        maxWidth: 520,
        margin: '0 auto',
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={10} wrap="nowrap">
          <ThemeIcon size={38} radius="xl" color="yellow.5" c="red.9">
            <IconChartBar size={22} />
          </ThemeIcon>
          <div>
            <Text size="xs" c="yellow.2" tt="uppercase" fw={600} lh={1.2}>
              {t('card.confederation')}
            </Text>
            <Text fw={800} size="lg" tt="uppercase" lh={1.2} c="yellow.3">
              {t('card.title')}
            </Text>
          </div>
        </Group>
      </Group>
      <Group justify="space-between" wrap="nowrap" align="flex-end" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={800} size="xl" tt="uppercase" c="white" data-testid="e-card-name" lh={1.2}>
            {card.fullName}
          </Text>
          <Line label={t('member.field.birthDate')} value={formatDay(card.birthDate)} />
          <Line label={t('member.unit')} value={card.unitName ?? '—'} />
          <Line label={t('card.cardNo')} value={card.cardNo} testId="e-card-no" />
          <Line label={t('card.issuedOn')} value={formatDay(card.issuedOn)} />
        </Stack>
        <Box bg="white" p={6} style={{ borderRadius: 8, flexShrink: 0 }}>
          <Image src={svgSrc(card.qrSvg)} alt={t('card.qrAlt')} w={116} h={116} data-testid="e-card-qr" />
        </Box>
      </Group>
    </Box>
  );
}

/** "Xem thẻ điện tử": the member's valid card, and the address its QR code opens. */
export function ECardModal({ personId, onClose }: { personId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useECard(personId, true);
  return (
    <Modal opened onClose={onClose} title={t('card.eCard')} size="xl" data-testid="e-card-modal">
      {card.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : card.isError ? (
        <ErrorAlert error={card.error} onRetry={() => card.refetch()} />
      ) : (
        <Stack>
          <ECardFace card={card.data} />
          <Text size="sm" c="dimmed" ta="center">
            {t('card.verifyHint')}{' '}
            <Anchor href={card.data.verifyPath} target="_blank" rel="noopener" data-testid="e-card-verify">
              {t('card.openVerify')} <IconExternalLink size={14} style={{ verticalAlign: -2 }} />
            </Anchor>
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
