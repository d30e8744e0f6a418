import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowBigLeftLines, IconCheck, IconShieldCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ConflictView, resolveConflict, useEnterpriseWrite, useZones } from '../../api/enterprises.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, formatNumber } from '../../lib/format.ts';
import { SourceBadge } from './EnterpriseBadges.tsx';

const KIND_COLOR: Record<ConflictView['kind'], string> = {
  name_differs: 'blue',
  business_closed: 'red',
  workforce_jump: 'orange',
  manual_differs: 'violet',
  field_differs: 'gray',
};

/**
 * One disagreement between the register and an outside register: both values side by side, and
 * the two ways out (take the register's value, or keep ours) with an optional note.
 */
export function ConflictCard({
  conflict: c,
  canResolve,
  compact,
}: {
  conflict: ConflictView;
  canResolve: boolean;
  /** On the enterprise's own page: no need to name the enterprise again. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const zones = useZones();
  const zoneName = (id: unknown) => zones.data?.find((z) => z.id === id)?.name;
  const write = useEnterpriseWrite(resolveConflict);
  const decide = (decision: 'accept' | 'keep') =>
    write.mutate({ id: c.id, decision, ...(note.trim() ? { note: note.trim() } : {}) });
  const open = c.status === 'open';

  return (
    <Card withBorder radius="md" p="md" data-testid="conflict" data-conflict-id={c.id} data-kind={c.kind}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            {!compact && (
              <Group gap={6}>
                <Anchor
                  component={Link}
                  to={`/enterprises/${c.enterpriseId}`}
                  fw={600}
                  data-testid="conflict-enterprise"
                >
                  {c.enterpriseName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {c.taxCode}
                </Text>
              </Group>
            )}
            <Text size="sm" data-testid="conflict-message">
              {c.message}
            </Text>
          </Stack>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Badge color={KIND_COLOR[c.kind]} variant="light" tt="none" data-testid="conflict-kind">
              {t(`conflict.kind.${c.kind}`)}
            </Badge>
            {!open && (
              <Badge color={c.status === 'accepted' ? 'green' : 'gray'} variant="filled" tt="none">
                {t(`conflict.status.${c.status}`)}
              </Badge>
            )}
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Paper withBorder radius="md" p="sm" bg={c.status === 'kept' ? 'green.0' : undefined}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('conflict.ours')}
            </Text>
            <Text fw={600} fz="lg" data-testid="conflict-ours">
              {show(t, c.field, c.ourValue, zoneName)}
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="sm" bg={c.status === 'accepted' ? 'green.0' : 'blue.0'}>
            <Group gap={6}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('conflict.theirs')}
              </Text>
              <SourceBadge source={c.source} />
              <Text size="xs" c="dimmed">
                {formatDay(c.asOf)}
              </Text>
            </Group>
            <Text fw={600} fz="lg" data-testid="conflict-theirs">
              {show(t, c.field, c.registerValue, zoneName)}
            </Text>
          </Paper>
        </SimpleGrid>

        {write.isError && <ErrorAlert error={write.error} />}
        {open && canResolve ? (
          <Group gap="sm" align="flex-end">
            <TextInput
              size="xs"
              label={t('conflict.note')}
              placeholder={t('conflict.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
              data-testid="conflict-note"
            />
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={write.isPending && write.variables?.decision === 'accept'}
              disabled={write.isPending}
              onClick={() => decide('accept')}
              data-testid="conflict-accept"
            >
              {t('conflict.accept')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconShieldCheck size={14} />}
              loading={write.isPending && write.variables?.decision === 'keep'}
              disabled={write.isPending}
              onClick={() => decide('keep')}
              data-testid="conflict-keep"
            >
              {t('conflict.keep')}
            </Button>
          </Group>
        ) : (
          !open && (
            <Group gap={6}>
              <IconArrowBigLeftLines size={14} color="var(--mantine-color-gray-6)" />
              <Text size="xs" c="dimmed">
                {t('conflict.resolvedOn', { date: formatDay(c.resolvedAt) })}
                {c.resolutionNote ? ` · ${c.resolutionNote}` : ''}
              </Text>
            </Group>
          )
        )}
        {c.importFile && (
          <Text size="xs" c="dimmed">
            {t('conflict.fromFile', { name: c.importFile })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** A value of either side, as an officer reads it. */
function show(t: TFunction, field: string, v: unknown, zoneName: (id: unknown) => string | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'workforce' && typeof v === 'object') {
    const w = v as { total?: number | null; women?: number | null };
    if (w.total === null || w.total === undefined) return '—';
    const women = typeof w.women === 'number' ? ` (${t('enterprise.womenOf', { women: formatNumber(w.women) })})` : '';
    return `${t('conflict.workers', { count: w.total, n: formatNumber(w.total) })}${women}`;
  }
  if (field === 'status' && typeof v === 'string') return t(`enterprise.status.${v}`, { defaultValue: v });
  if (field === 'ownership' && typeof v === 'string') return t(`enterprise.ownership.${v}`, { defaultValue: v });
  if (field === 'industrialZoneId') return zoneName(v) ?? String(v);
  if (field === 'startedOn' && typeof v === 'string') return formatDay(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
